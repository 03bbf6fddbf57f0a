import type { DayPlan } from '../../../plan';
import type { SimulationResult } from '../../../sim';
import type { SavedScenario } from '../../state/savedScenario';

export interface SavedSimulation {
  result: SimulationResult;
  /** run on an earlier version of the scenario than the one planned */
  stale: boolean;
}

/**
 * The record's last simulation, if it is of the plan's day grid (after a re-grid its intervals
 * cannot be read against the plan), marked stale unless it is of the version planned.
 */
export function savedSimulation(record: SavedScenario, plan: DayPlan | null, version: string | null): SavedSimulation | null {
  const saved = record.simulation;
  if (!saved || !plan || saved.result.intervals.length !== plan.intervals.length) return null;
  return { result: saved.result, stale: saved.version !== version };
}
