import { formatScenarioError, parseScenario, type Scenario } from '../scenario';
import { type DayPlan, planDay } from './plan';

/** A scenario as saved, planned, or why it cannot be planned: what the Plan page shows. */
export type PlannedRaw = { ok: true; scenario: Scenario; plan: DayPlan } | { ok: false; error: string };

/**
 * Validates and plans a saved scenario's JSON, never throwing: the same on the
 * main thread and in the plan worker, which is why it takes raw JSON.
 */
export function planRaw(raw: unknown): PlannedRaw {
  try {
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('; '));
    return { ok: true, scenario: parsed.scenario, plan: planDay(parsed.scenario) };
  } catch (error) {
    return { ok: false, error: `This scenario cannot be planned: ${error instanceof Error ? error.message : String(error)}` };
  }
}
