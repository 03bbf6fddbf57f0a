import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { compareScenarios } from '../../src/report/compare';
import { formatScenarioError, parseScenario } from '../../src/scenario';
import { simulateDay } from '../../src/sim';

function scenario(agents: number, callbacks = false) {
  const parsed = parseScenario({
    schema: 1,
    name: `${agents} agents`,
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [300, 500, 400, 200] },
    ahtSeconds: 200,
    staffing: { agents },
    callback: { enabled: callbacks, offerWhen: { waitAboveSeconds: 60 } },
    simulation: { replications: 4 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('scenario comparison', () => {
  it('gives day figures per scenario with differences from the first', () => {
    const [a, b] = [scenario(40), scenario(50)];
    const rows = compareScenarios([
      { name: a.name, scenario: a, plan: planDay(a), simulation: null },
      { name: b.name, scenario: b, plan: planDay(b), simulation: null },
    ]);
    const paid = rows.find((r) => r.key === 'paidHours');
    expect(paid?.values).toEqual([planDay(a).totals.paidHours, planDay(b).totals.paidHours]);
    expect(paid?.deltas[0]).toBeNull();
    expect(paid?.deltas[1]).toBeCloseTo((10 / 0.7) * 2, 9);
    const answer = rows.find((r) => r.label.startsWith('Answer rate'));
    expect(answer?.deltas[1]).toBeGreaterThan(0);
    expect(answer?.higherIsBetter).toBe(true);
  });

  it('uses simulated means where a scenario was simulated', () => {
    const s = scenario(40, true);
    const sim = simulateDay(s);
    const rows = compareScenarios([
      { name: 'plan', scenario: s, plan: planDay(s), simulation: null },
      { name: 'sim', scenario: s, plan: planDay(s), simulation: sim },
    ]);
    const answer = rows.find((r) => r.label.startsWith('Answer rate'));
    expect(answer?.values).toEqual([planDay(s).totals.answerRate, sim.day.answerRate.mean]);
  });
});
