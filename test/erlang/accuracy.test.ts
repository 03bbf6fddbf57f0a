import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../src/erlang';
import { referenceErlangB, referenceErlangC } from '../reference';

const relativeError = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

// Loads are drawn as whole thousandths so the reference knows them exactly.
const arbitraryCase = fc
  .record({ agents: fc.integer({ min: 1, max: 50_000 }), milliErlangs: fc.integer({ min: 1, max: 45_000_000 }) })
  .map(({ agents, milliErlangs }) => ({ agents, milliErlangs, load: milliErlangs / 1000 }));

describe('Erlang B and C against exact 120-digit arithmetic', () => {
  it('B is within 1e-12 relative from 1 to 50,000 agents, loads to 45,000 Erlangs', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ agents, milliErlangs, load }) => {
        const ref = referenceErlangB(agents, { num: BigInt(milliErlangs), den: 1000n });
        if (ref <= 1e-12) return;
        expect(relativeError(erlangB(agents, load), ref)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  // Loads 0.5–1.3 N, where B is neither 0 nor 1 − N/A and every branch of the evaluation is used.
  const aroundCritical = fc
    .record({ agents: fc.integer({ min: 1, max: 50_000 }), ratio: fc.double({ min: 0.5, max: 1.3, noNaN: true }) })
    .map(({ agents, ratio }) => {
      const milliErlangs = Math.max(1, Math.round(agents * ratio * 1000));
      return { agents, milliErlangs, load: milliErlangs / 1000 };
    });

  it('B and C are within 1e-12 relative at loads 0.5–1.3 N', () => {
    fc.assert(
      fc.property(aroundCritical, ({ agents, milliErlangs, load }) => {
        const exact = { num: BigInt(milliErlangs), den: 1000n };
        const refB = referenceErlangB(agents, exact);
        if (refB > 1e-12) expect(relativeError(erlangB(agents, load), refB)).toBeLessThan(1e-12);
        const c = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
        if (!c.stable) return;
        const refC = referenceErlangC(agents, exact);
        if (refC > 1e-12) expect(relativeError(c.erlangC, refC)).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('B and C are within 1e-12 relative in the Halfin–Whitt region, load N − √N, up to 50,000 agents', () => {
    const sizes = fc.sample(fc.integer({ min: 1, max: 50_000 }), { numRuns: 12, seed: 15 });
    for (const agents of [1, 2, 47, 48, 49, 100, 1_000, 10_000, 50_000, ...sizes]) {
      const milliErlangs = Math.max(1, Math.round((agents - Math.sqrt(agents)) * 1000));
      const load = milliErlangs / 1000;
      const exact = { num: BigInt(milliErlangs), den: 1000n };
      const refB = referenceErlangB(agents, exact);
      expect(relativeError(erlangB(agents, load), refB)).toBeLessThan(1e-12);
      const c = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
      if (!c.stable) throw new Error(`expected stable at N = ${agents}`);
      expect(relativeError(c.erlangC, referenceErlangC(agents, exact))).toBeLessThan(1e-12);
    }
  });

  it('C is within 1e-12 relative wherever the queue is stable', () => {
    // Agents near the load, where C is neither 0 nor 1 and the formula is most delicate.
    const nearLoad = fc
      .record({ milliErlangs: fc.integer({ min: 1, max: 45_000_000 }), excess: fc.double({ min: 0.001, max: 4, noNaN: true }) })
      .map(({ milliErlangs, excess }) => {
        const load = milliErlangs / 1000;
        const agents = Math.max(1, Math.ceil(load + excess * Math.sqrt(load)));
        return { agents, milliErlangs, load };
      })
      .filter(({ agents, load }) => agents > load && agents <= 50_000);
    fc.assert(
      fc.property(nearLoad, ({ agents, milliErlangs, load }) => {
        const ref = referenceErlangC(agents, { num: BigInt(milliErlangs), den: 1000n });
        if (ref <= 1e-12) return;
        const r = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
        if (!r.stable) throw new Error('expected stable');
        expect(relativeError(r.erlangC, ref)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('holds at the corners: 1 agent, 50,000 agents, 45,000 Erlangs', () => {
    for (const [agents, milli] of [
      [1, 500],
      [2, 1],
      [50_000, 49_999_000],
      [45_500, 45_000_000],
      [45_001, 45_000_000],
      [44_000, 45_000_000],
    ] as const) {
      const load = milli / 1000;
      const exact = { num: BigInt(milli), den: 1000n };
      const refB = referenceErlangB(agents, exact);
      expect(refB).toBeGreaterThan(1e-12);
      expect(relativeError(erlangB(agents, load), refB)).toBeLessThan(1e-12);
      const c = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
      const refC = referenceErlangC(agents, exact);
      if (c.stable && refC > 1e-12) expect(relativeError(c.erlangC, refC)).toBeLessThan(1e-12);
    }
  });

  it('never lets NaN or Infinity escape', () => {
    // N − A subnormal: a steady state whose mean wait no double can hold is reported unstable.
    expect(
      erlangC({ agents: 5.562684646267826e-309, load: 5.56268464626782e-309, ahtSeconds: 300, targetSeconds: 20 }).stable,
    ).toBe(false);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.double({ min: 0, max: 45_000, noNaN: true }),
        (agents, load) => {
          const b = erlangB(agents, load);
          expect(Number.isFinite(b) && b >= 0 && b <= 1).toBe(true);
          const c = erlangC({ agents, load, ahtSeconds: 300, targetSeconds: 20 });
          if (c.stable) {
            for (const v of [c.erlangC, c.serviceLevel, c.asa, c.occupancy]) expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('continuous (fractional-agent) Erlang B', () => {
  it('equals the integer recurrence at whole numbers and falls between them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.double({ min: 0.05, max: 2_500, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, load, f) => {
          const lower = erlangB(n, load);
          const upper = erlangB(n - 1, load);
          const mid = erlangB(n - 1 + f, load);
          expect(mid).toBeLessThanOrEqual(upper * (1 + 1e-12));
          expect(mid).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches the integral 1/B(x) = A∫e^{−At}(1+t)^x dt by quadrature', () => {
    for (const [x, load] of [
      [0.5, 0.3],
      [2.5, 1.7],
      [10.25, 8],
      [0.9, 30],
    ]) {
      // Simpson's rule on u = At over [0, 60]: the integrand is e^{−u}(1+u/A)^x.
      const steps = 200_000;
      const h = 60 / steps;
      let sum = 0;
      for (let i = 0; i <= steps; i++) {
        const u = i * h;
        const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
        sum += w * Math.exp(-u) * (1 + u / load) ** x;
      }
      expect(relativeError(erlangB(x, load), 1 / ((sum * h) / 3))).toBeLessThan(1e-9);
    }
  });
});
