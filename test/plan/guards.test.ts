import { describe, expect, it } from 'vitest';
import { worstCaseScenario } from '../../bench/plan';
import { planDay } from '../../src/plan';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { checkFigures } from '../properties/properties';

function scenario(input: Partial<ScenarioInput>): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'guards',
    day: { date: '2026-12-24', open: '08:00', close: '09:00' },
    demand: { calls: [1_000, 1_000] },
    ahtSeconds: 180,
    staffing: { agents: 0 },
    ...input,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('plan guards at the edges of what validation allows', () => {
  it('gives no requirement, and finite figures, where redials take the load past the engine’s 45,000 Erlangs', () => {
    // 40,000 Erlangs of first attempts; with nobody answering, 0.99 redials make 100 attempts each.
    const s = scenario({
      demand: { calls: [833.33, 833.33] },
      ahtSeconds: 86_400,
      patience: { meanSeconds: 1_000 },
      redial: { abandoned: { share: 0.99 } },
    });
    const plan = planDay(s);
    for (const x of plan.intervals) {
      expect(x.load).toBeGreaterThan(45_000);
      expect(x.requiredA).toBeNull();
      expect(x.requiredC).toBeNull();
    }
    checkFigures(plan);
  });

  it('keeps shares in [0, 1] and counts ≥ 0 where round-off would push them out (no agents, long queues)', () => {
    for (const agents of [0, 1, 5]) {
      const plan = planDay(
        scenario({ demand: { calls: [3_000, 30] }, patience: { meanSeconds: 1_000 }, staffing: { agents }, ivr: { lines: 2 } }),
      );
      checkFigures(plan);
      expect(plan.intervals[0].answered).toBeGreaterThanOrEqual(0);
    }
  });

  it('plans the slowest valid scenario of the bench to finite figures', () => {
    const parsed = parseScenario({
      ...worstCaseScenario(),
      day: { date: '2026-12-24', open: '00:00', close: '00:30' },
      demand: { calls: (worstCaseScenario().demand as { calls: number[] }).calls.slice(0, 2) },
    });
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    checkFigures(planDay(parsed.scenario));
  });
});
