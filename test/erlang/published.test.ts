import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, queueMetrics, requiredAgents, scheduledAgents } from '../../src/erlang';

// The worked example of DESIGN.md §3 and the issue: 100 calls / 30 min, AHT 180 s, 80/20.
const lambda = 100 / 1800;
const caseC = {
  model: 'C',
  calls: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  targetSeconds: 20,
  slDefinition: 'abandonsCount',
} as const;

describe('published Erlang C example', () => {
  it('14 agents: SL 0.888350, P(wait) 0.174132, ASA 7.836 s', () => {
    const r = erlangC({ agents: 14, load: 10, ahtSeconds: 180, targetSeconds: 20 });
    if (!r.stable) throw new Error('expected stable');
    expect(r.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(r.erlangC).toBeCloseTo(0.174132, 6);
    expect(r.asa).toBeCloseTo(7.836, 3);
    expect(r.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('13 agents give SL 0.7956 and fail the 80% target; 14 is required', () => {
    const m = queueMetrics(caseC, 13);
    expect(m.serviceLevel).toBeCloseTo(0.7956, 4);
    expect(m.serviceLevel).toBeLessThan(0.8);
    const staffed = requiredAgents(caseC, { serviceLevel: 0.8 });
    expect(staffed.agents).toBe(14);
    expect(staffed.metrics.serviceLevel).toBeCloseTo(0.88835, 6);
  });

  it('says unstable, with no numbers, when agents ≤ load', () => {
    const r = erlangC({ agents: 10, load: 10, ahtSeconds: 180, targetSeconds: 20 });
    expect(r.stable).toBe(false);
    expect(r).not.toHaveProperty('asa');
    expect(queueMetrics(caseC, 9)).toMatchObject({ stable: false, serviceLevel: null, asa: null });
  });
});

describe('published Erlang A example (patience 300 s)', () => {
  const a = (agents: number) =>
    erlangA({ agents, arrivalRate: lambda, ahtSeconds: 180, patienceSeconds: 300, targetSeconds: 20 });

  it('13 agents: P(abandon) 0.0250, SL of offered 0.8582', () => {
    expect(a(13).pAbandon).toBeCloseTo(0.025, 4);
    expect(a(13).pServedWithin).toBeCloseTo(0.8582, 4);
  });

  it('12 agents: 0.7723 of offered but 0.8067 of answered within 20 s', () => {
    const r = a(12);
    expect(r.pServedWithin).toBeCloseTo(0.7723, 4);
    expect(r.pServedWithin / (1 - r.pAbandon)).toBeCloseTo(0.8067, 4);
    const caseA = { ...caseC, model: 'A', patienceSeconds: 300 } as const;
    expect(queueMetrics(caseA, 12).serviceLevel).toBeCloseTo(0.7723, 4);
    expect(queueMetrics({ ...caseA, slDefinition: 'answeredOnly' }, 12).serviceLevel).toBeCloseTo(0.8067, 4);
  });
});

describe('scheduled agents after shrinkage', () => {
  it('rounds once, up, without floating-point drift', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(14, 0.31)).toBe(21);
    expect(scheduledAgents(13.2, 0)).toBe(14);
    expect(scheduledAgents(0, 0.3)).toBe(0);
  });
});
