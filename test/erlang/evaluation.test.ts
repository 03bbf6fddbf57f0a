import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../src/erlang';
import { bd0, poissonTerm, stirlerr } from '../../src/erlang/poisson';
import { smallestPassing } from '../../src/erlang/smallestPassing';
import { logGamma, scaledUpperGamma } from '../../src/erlang/special';

const relativeError = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

/** The O(N) recurrence B(n) = A·B(n−1)/(n + A·B(n−1)), started at the fractional part: what erlangB replaced. */
function recurrence(agents: number, load: number): number {
  const whole = Math.floor(agents);
  const fraction = agents - whole;
  let b = fraction === 0 ? 1 : Math.min(1, 1 / (load * scaledUpperGamma(fraction + 1, load)));
  for (let n = 1; n <= whole; n++) b = (load * b) / (n + fraction + load * b);
  return b;
}

describe('the Poisson term by saddle point (stirlerr, bd0)', () => {
  it('stirlerr agrees with ln Γ(x+1) − (x+½)ln x + x − ½ln 2π', () => {
    for (const x of [15, 15.5, 20, 35, 35.5, 80, 80.5, 500, 500.5, 1e4]) {
      const direct = logGamma(x + 1) - (x + 0.5) * Math.log(x) + x - 0.5 * Math.log(2 * Math.PI);
      // ln Γ is ~x ln x, so the direct difference carries an absolute error of a few ulps of that.
      expect(Math.abs(stirlerr(x) - direct)).toBeLessThan(1e-15 * x * Math.log(x));
    }
  });

  it('bd0 is x·ln(x/A) + A − x, non-negative, and keeps its digits near x = A', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), (x, r) => {
        const a = x * r;
        const d = bd0(x, a);
        expect(d).toBeGreaterThanOrEqual(0);
        const direct = x * Math.log(x / a) + a - x;
        expect(Math.abs(d - direct)).toBeLessThanOrEqual(1e-12 * Math.max(1, x * Math.abs(Math.log(x / a))));
      }),
    );
    // (x − A)²/(2A) to first order: 1e-6 relative off the mean of 1e5
    expect(relativeError(bd0(1e5 + 0.1, 1e5), 0.1 ** 2 / (2 * 1e5))).toBeLessThan(1e-6);
  });

  it('π_x(A) matches e^{−A}A^x/x! summed in logs, for whole x', () => {
    // Up to x = 200, where summing the logs directly still keeps 13 digits.
    for (const [x, a] of [
      [15, 14.2],
      [48, 40],
      [48, 100],
      [200, 186],
      [200, 260],
    ]) {
      let logFactorial = 0;
      for (let i = 2; i <= x; i++) logFactorial += Math.log(i);
      const direct = Math.exp(-a + x * Math.log(a) - logFactorial);
      // the direct form loses |x ln A|·ulp; the saddle-point form does not
      expect(relativeError(poissonTerm(x, a), direct)).toBeLessThan(2e-16 * x * Math.log(x) + 1e-14);
    }
  });
});

describe('Erlang B in O(1) to O(√N) terms', () => {
  const sizes = fc.integer({ min: 1, max: 50_000 });
  const ratios = fc.double({ min: 0.3, max: 1.6, noNaN: true });

  it('agrees with the recurrence within 1e-12 for whole N up to 50,000', () => {
    fc.assert(
      fc.property(sizes, ratios, (n, r) => {
        const expected = recurrence(n, n * r);
        if (expected < 1e-290) return;
        expect(relativeError(erlangB(n, n * r), expected)).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the recurrence within 1e-12 for fractional N (continuous Erlang B)', () => {
    fc.assert(
      fc.property(fc.double({ min: 40, max: 5_000, noNaN: true }), ratios, (x, r) => {
        const expected = recurrence(x, x * r);
        if (expected < 1e-290) return;
        expect(relativeError(erlangB(x, x * r), expected)).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('falls as agents are added, whole or fractional, and rises with load', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        ratios,
        (x, step, r) => {
          const load = x * r;
          const b = erlangB(x, load);
          expect(erlangB(x + step, load)).toBeLessThanOrEqual(b * (1 + 1e-13));
          expect(erlangB(x, load * (1 + 1e-3))).toBeGreaterThanOrEqual(b * (1 - 1e-13));
          const c = erlangC({ agents: x, load, ahtSeconds: 180, targetSeconds: 20 });
          const more = erlangC({ agents: x + step, load, ahtSeconds: 180, targetSeconds: 20 });
          if (c.stable && more.stable) expect(more.erlangC).toBeLessThanOrEqual(c.erlangC * (1 + 1e-13));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is continuous where it switches from the recurrence to the series (47 → 48 agents)', () => {
    for (const load of [0.5, 10, 40, 47.5, 48, 60, 200]) {
      for (const x of [47, 47.5, 47.999, 48, 48.001, 48.5]) {
        expect(relativeError(erlangB(x, load), recurrence(x, load))).toBeLessThan(1e-13);
      }
    }
  });

  it('matches the integral 1/B(x) = A∫e^{−At}(1+t)^x dt by quadrature at 50 agents and more', () => {
    for (const [x, load] of [
      [60.5, 70],
      [100.3, 130],
      [480.7, 600],
    ]) {
      // Simpson's rule on u = At over [0, U]: the integrand e^{−u}(1+u/A)^x falls like e^{−u(1−x/A)}.
      const upper = 50 / (1 - x / load);
      const steps = 400_000;
      const h = upper / steps;
      let sum = 0;
      for (let i = 0; i <= steps; i++) {
        const u = i * h;
        const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
        sum += w * Math.exp(-u + x * Math.log1p(u / load));
      }
      expect(relativeError(erlangB(x, load), 1 / ((sum * h) / 3))).toBeLessThan(1e-9);
    }
  });
});

describe('the staffing search', () => {
  // A monotone predicate with its threshold, and margins that may be smooth, flat, noisy or silent.
  const searchCase = fc.record({
    failing: fc.integer({ min: -1, max: 1_000 }),
    span: fc.integer({ min: 1, max: 100_000 }),
    offset: fc.double({ min: 0, max: 1.2, noNaN: true }),
    guessAt: fc.double({ min: 0, max: 1, noNaN: true }),
    shape: fc.constantFrom('linear', 'log', 'flat', 'noisy', 'silent', 'step'),
  });

  it('finds the smallest passing k for any monotone predicate, or reports none', () => {
    fc.assert(
      fc.property(searchCase, ({ failing, span, offset, guessAt, shape }) => {
        const max = failing + span;
        const threshold = failing + 1 + Math.floor(offset * span); // > max means nothing passes
        const probes = new Set<number>();
        const margin = (k: number) => {
          const d = k - threshold + 0.5;
          if (shape === 'linear') return d;
          if (shape === 'log') return Math.sign(d) * Math.log1p(Math.abs(d));
          if (shape === 'flat') return d > 0 ? 1 : -1;
          if (shape === 'noisy') return d + 40 * Math.sin(k);
          if (shape === 'step') return d > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
          return Number.NaN;
        };
        const found = smallestPassing(failing + 1 + Math.floor(guessAt * span), failing, max, (k) => {
          expect(k).toBeGreaterThan(failing);
          expect(k).toBeLessThanOrEqual(max);
          expect(Number.isInteger(k)).toBe(true);
          probes.add(k);
          return { passes: k >= threshold, margin: margin(k) };
        });
        expect(found).toBe(threshold <= max ? threshold : null);
        // doubling and bisection bound the probes by a few times log2 of the span
        expect(probes.size).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(span + 1)) + 4);
      }),
      { numRuns: 500 },
    );
  });
});
