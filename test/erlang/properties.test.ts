import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffingCase } from '../../src/erlang';
import { erlangA, erlangB, erlangC, missedTargets, queueMetrics, requiredAgents } from '../../src/erlang';

const load = fc.double({ min: 0.01, max: 2_000, noNaN: true });
const aht = fc.double({ min: 10, max: 1_200, noNaN: true });
const target = fc.double({ min: 0, max: 120, noNaN: true });

describe('Erlang B and C properties', () => {
  it('B and C lie in [0, 1] and C ≥ B', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 3_000 }), (a, extra) => {
        const agents = Math.floor(a) + extra;
        const b = erlangB(agents, a);
        const c = erlangC({ agents, load: a, ahtSeconds: 180, targetSeconds: 20 });
        if (!c.stable) throw new Error('expected stable');
        expect(b).toBeGreaterThanOrEqual(0);
        expect(c.erlangC).toBeLessThanOrEqual(1);
        expect(c.erlangC).toBeGreaterThanOrEqual(b);
      }),
    );
  });

  it('SL rises and ASA falls as agents are added', () => {
    fc.assert(
      fc.property(load, aht, target, fc.integer({ min: 1, max: 200 }), (a, h, t, extra) => {
        const agents = Math.floor(a) + extra;
        const now = erlangC({ agents, load: a, ahtSeconds: h, targetSeconds: t });
        const more = erlangC({ agents: agents + 1, load: a, ahtSeconds: h, targetSeconds: t });
        if (!now.stable || !more.stable) throw new Error('expected stable');
        expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel);
        expect(more.asa).toBeLessThanOrEqual(now.asa);
      }),
    );
  });
});

describe('Erlang A properties', () => {
  const patience = fc.double({ min: 5, max: 3_600, noNaN: true });
  const agents = fc.integer({ min: 0, max: 300 });

  it('answered + abandoned = offered, and SL(T → ∞) = share answered', () => {
    fc.assert(
      fc.property(load, aht, patience, target, agents, (a, h, p, t, n) => {
        const input = { agents: n, arrivalRate: a / h, ahtSeconds: h, patienceSeconds: p, targetSeconds: t };
        const r = erlangA(input);
        const served = (r.occupancy * n) / a; // λ·P(served)/(Nμ) = occupancy ⇒ P(served) = occupancy·N/A
        if (n > 0) expect(served + r.pAbandon).toBeCloseTo(1, 9);
        expect(r.pServedWithin).toBeLessThanOrEqual(1 - r.pAbandon + 1e-12);
        expect(r.pAbandonWithin).toBeLessThanOrEqual(r.pAbandon + 1e-12);
        const forever = erlangA({ ...input, targetSeconds: 1e7 });
        expect(forever.pServedWithin).toBeCloseTo(1 - r.pAbandon, 9);
        expect(forever.pAbandonWithin).toBeCloseTo(r.pAbandon, 9);
      }),
    );
  });

  it('P(abandon) falls and SL rises as agents are added', () => {
    fc.assert(
      fc.property(load, aht, patience, target, agents, (a, h, p, t, n) => {
        const input = { arrivalRate: a / h, ahtSeconds: h, patienceSeconds: p, targetSeconds: t };
        const now = erlangA({ ...input, agents: n });
        const more = erlangA({ ...input, agents: n + 1 });
        expect(more.pAbandon).toBeLessThanOrEqual(now.pAbandon * (1 + 1e-9));
        expect(more.pServedWithin).toBeGreaterThanOrEqual(now.pServedWithin - 1e-12);
      }),
    );
  });

  it('tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        aht,
        target,
        fc.integer({ min: 1, max: 50 }),
        (a, h, t, extra) => {
          const n = Math.ceil(a) + extra;
          const c = erlangC({ agents: n, load: a, ahtSeconds: h, targetSeconds: t });
          if (!c.stable) throw new Error('expected stable');
          const gaps = [1e3, 1e5, 1e8].map((factor) => {
            const r = erlangA({ agents: n, arrivalRate: a / h, ahtSeconds: h, patienceSeconds: h * factor, targetSeconds: t });
            return Math.abs(r.pWait - c.erlangC) + Math.abs(r.pServedWithin - c.serviceLevel) + Math.abs(r.asa / c.asa - 1);
          });
          expect(gaps[1]).toBeLessThanOrEqual(gaps[0] + 1e-12);
          expect(gaps[2]).toBeLessThanOrEqual(gaps[1] + 1e-12);
          expect(gaps[2]).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('staffing', () => {
  const staffingCase = fc.record({
    model: fc.constantFrom('C', 'A') as fc.Arbitrary<'C' | 'A'>,
    calls: fc.double({ min: 1, max: 3_000, noNaN: true }),
    intervalSeconds: fc.constantFrom(900, 1800, 3600),
    ahtSeconds: fc.double({ min: 30, max: 900, noNaN: true }),
    patienceSeconds: fc.double({ min: 10, max: 1_200, noNaN: true }),
    targetSeconds: fc.constantFrom(0, 10, 20, 60),
    slDefinition: fc.constantFrom('abandonsCount', 'answeredOnly', 'shortAbandonsExcluded') as fc.Arbitrary<
      StaffingCase['slDefinition']
    >,
  });
  const targets = fc.record(
    {
      serviceLevel: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      maxAsaSeconds: fc.double({ min: 5, max: 120, noNaN: true }),
      maxAbandonRate: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
      maxOccupancy: fc.double({ min: 0.7, max: 0.95, noNaN: true }),
    },
    { requiredKeys: [] },
  );

  it('returns the smallest N: N meets every target and N − 1 misses one', () => {
    fc.assert(
      fc.property(staffingCase, targets, (c, t) => {
        const { agents, metrics } = requiredAgents(c, t);
        expect(missedTargets(metrics, t)).toEqual([]);
        if (Object.keys(t).length > 0 && agents > 1) {
          expect(missedTargets(queueMetrics(c, agents - 1), t).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fractional staffing lies within one agent below the whole answer and meets the targets', () => {
    fc.assert(
      fc.property(staffingCase, fc.double({ min: 0.5, max: 0.95, noNaN: true }), (c, sl) => {
        const caseC = { ...c, model: 'C' as const };
        const whole = requiredAgents(caseC, { serviceLevel: sl });
        const fractional = requiredAgents(caseC, { serviceLevel: sl }, true);
        expect(fractional.agents).toBeLessThanOrEqual(whole.agents);
        expect(fractional.agents).toBeGreaterThan(whole.agents - 1);
        expect(fractional.metrics.serviceLevel).toBeGreaterThanOrEqual(sl);
        expect(queueMetrics(caseC, fractional.agents - 1e-6).serviceLevel ?? 0).toBeLessThan(sl + 1e-6);
      }),
      { numRuns: 50 },
    );
  });

  it('needs no agents for no calls', () => {
    const c: StaffingCase = {
      model: 'C',
      calls: 0,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSeconds: 20,
      slDefinition: 'abandonsCount',
    };
    expect(requiredAgents(c, { serviceLevel: 0.8 }).agents).toBe(0);
  });
});
