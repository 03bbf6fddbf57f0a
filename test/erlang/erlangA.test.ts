import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, erlangX } from '../../src/erlang';
import { referenceErlangA } from '../reference';

const relativeError = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

describe('Erlang A against the textbook law and a uniformized tagged caller', () => {
  // [agents, calls per second, AHT s, patience s, T s, queue states the reference sums]
  const cases: [number, number, number, number, number, number][] = [
    [12, 100 / 1800, 180, 300, 20, 200],
    [1, 0.01, 60, 30, 10, 200],
    [5, 0.05, 120, 60, 30, 300],
    [30, 0.25, 150, 200, 20, 400],
    [40, 0.5, 100, 50, 15, 500], // overloaded: 50 Erlangs on 40 agents
    [200, 1.9, 100, 400, 20, 1500],
    [2000, 2000 / 180, 180, 300, 20, 3000], // critically loaded, large
    [5000, (5000 - Math.sqrt(5000)) / 180, 180, 300, 20, 3000], // Halfin–Whitt, load N − √N
    [3700, 3971 / 180, 180, 300, 20, 4000], // overloaded, near a 5,000-agent day's Erlang A staffing
    [100, 150 / 180, 180, 3000, 1000, 1500], // overloaded: the queue law peaks 833 callers out, far from empty
  ];
  for (const [agents, lambda, aht, patience, t, maxQueue] of cases) {
    it(`N=${agents}, A=${(lambda * aht).toFixed(1)}, patience ${patience} s: within 1e-7`, () => {
      const r = erlangA({ agents, arrivalRate: lambda, ahtSeconds: aht, patienceSeconds: patience, targetSeconds: t });
      const ref = referenceErlangA(agents, lambda, aht, patience, t, maxQueue);
      expect(relativeError(r.pWait, ref.pWait)).toBeLessThan(1e-7);
      expect(relativeError(r.pAbandon, ref.pAbandon)).toBeLessThan(1e-7);
      expect(relativeError(r.meanQueue, ref.meanQueue)).toBeLessThan(1e-7);
      expect(relativeError(r.pServedWithin, ref.pServedWithin)).toBeLessThan(1e-7);
    });
  }

  it('stays exact and finite at 50,000 agents and 45,000 Erlangs', () => {
    for (const [agents, load] of [
      [50_000, 45_000],
      [45_000, 45_000],
      [44_000, 45_000],
    ]) {
      const r = erlangA({ agents, arrivalRate: load / 180, ahtSeconds: 180, patienceSeconds: 300, targetSeconds: 20 });
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      const served = (r.occupancy * agents) / load;
      expect(served + r.pAbandon).toBeCloseTo(1, 9);
    }
  });

  it('gives P(abandon) = 1 with no agents, and immediate service when agents far exceed load', () => {
    const none = erlangA({ agents: 0, arrivalRate: 0.1, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20 });
    expect(none.pAbandon).toBeCloseTo(1, 12);
    expect(none.pServedWithin).toBe(0);
    const ample = erlangA({ agents: 5_000, arrivalRate: 0.1, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20 });
    expect(ample.pServedWithin).toBe(1);
    expect(ample.pWait).toBe(0);
  });
});

describe('Erlang X: lines and redials', () => {
  const base = { agents: 12, firstAttemptRate: 100 / 1800, ahtSeconds: 180, patienceSeconds: 300, targetSeconds: 20 };

  it('with unlimited lines and no redials is Erlang A', () => {
    const x = erlangX({ ...base, redialShare: 0 });
    const a = erlangA({ ...base, arrivalRate: base.firstAttemptRate });
    expect(x.pAbandon).toBe(a.pAbandon);
    expect(x.redialRate).toBe(0);
  });

  it('with lines = agents and no patience effect is Erlang B blocking', () => {
    const x = erlangX({ ...base, lines: 12, patienceSeconds: 1e9, redialShare: 0 });
    const c = erlangC({ agents: 12, load: 10, ahtSeconds: 180, targetSeconds: 20 });
    expect(x.pBlock).toBeCloseTo(c.erlangB, 9);
    expect(x.pWait).toBe(0);
  });

  it('solves λ = λ₀ + r·λ·(P(block) + P(abandon)), with more calls and worse service as r grows', () => {
    let previous = erlangX({ ...base, lines: 16, redialShare: 0 });
    for (const r of [0.3, 0.6, 0.9]) {
      const x = erlangX({ ...base, lines: 16, redialShare: r });
      expect(x.arrivalRate).toBeCloseTo(base.firstAttemptRate + r * x.arrivalRate * (x.pBlock + x.pAbandon), 12);
      expect(x.arrivalRate).toBeGreaterThan(previous.arrivalRate);
      expect(x.pAbandon).toBeGreaterThan(previous.pAbandon);
      previous = x;
    }
  });

  it('blocks less with more lines', () => {
    const few = erlangX({ ...base, lines: 13, redialShare: 0.5 });
    const many = erlangX({ ...base, lines: 20, redialShare: 0.5 });
    expect(many.pBlock).toBeLessThan(few.pBlock);
  });
});
