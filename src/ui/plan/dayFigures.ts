import type { DayPlan } from '../../plan';
import type { DayCost } from '../../plan/cost';
import { staffingFigures } from '../../plan/staffToTarget';
import { type NetStaffing, netStaffing } from '../../plan/verdict';
import type { Scenario } from '../../scenario';

/** What the Plan page derives from a plan, once per plan rather than on every keystroke: its net staffing and the day's cost. */
export interface DayFigures {
  plan: DayPlan;
  scenario: Scenario;
  net: NetStaffing;
  cost: DayCost | null;
}

export const dayFigures = (plan: DayPlan, scenario: Scenario): DayFigures => ({
  plan,
  scenario,
  net: netStaffing(plan, scenario.intervalMinutes),
  cost: staffingFigures(scenario, plan).cost,
});
