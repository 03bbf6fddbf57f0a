import { describe, expect, it } from 'vitest';
import { type CalculatorInput, calculate, loadProblem, MAX_LOAD, parseErlangCase } from '../../src/erlang';

const example: CalculatorInput = {
  calls: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  patienceSeconds: 300,
  targetSeconds: 20,
  slDefinition: 'abandonsCount',
  targets: { serviceLevel: 0.8 },
  shrinkage: 0.3,
};

describe('the Erlang calculator', () => {
  it('answers the worked example: Erlang C needs 14 agents, Erlang A 13', () => {
    const r = calculate(example);
    expect(r.load).toBe(10);
    expect(r.required.C.staffing).toMatchObject({ agents: 14 });
    expect(r.required.A.staffing).toMatchObject({ agents: 13 });
    expect(r.required.A.scheduled).toBe(19);
    expect(r.curve.map((p) => p.agents)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('refuses a load past the engine range with the same message as wfm erlang, naming the field', () => {
    // 2,000,000 calls at AHT 3,600 s in 30 minutes: 4 million Erlangs
    const huge = { ...example, calls: 2_000_000, ahtSeconds: 3_600 };
    const expected = 'calls: the load calls ÷ intervalSeconds × ahtSeconds must be at most 45000 Erlangs, got 4000000.0';
    expect(() => calculate(huge)).toThrow(RangeError);
    expect(() => calculate(huge)).toThrow(expected);
    const parsed = parseErlangCase({ calls: 2_000_000, intervalSeconds: 1800, ahtSeconds: 3_600, serviceLevelTarget: 0.8 });
    expect(parsed).toEqual({ ok: false, errors: [{ field: 'calls', problem: expected.replace('calls: ', '') }] });
  });

  it('accepts the largest load the engine is held to, and answers it', () => {
    const atLimit = { ...example, calls: MAX_LOAD * 10, ahtSeconds: 180 }; // 45,000 Erlangs
    expect(loadProblem(atLimit.calls, atLimit.intervalSeconds, atLimit.ahtSeconds)).toBeNull();
    const r = calculate(atLimit);
    expect(r.load).toBe(MAX_LOAD);
    const required = r.required.C.staffing;
    if (!('agents' in required)) throw new Error(required.error);
    expect(required.agents).toBeGreaterThan(MAX_LOAD);
    expect(required.agents).toBeLessThan(50_000);
    expect(loadProblem(atLimit.calls + 1, atLimit.intervalSeconds, atLimit.ahtSeconds)?.field).toBe('calls');
  });
});
