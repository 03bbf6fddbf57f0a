import type { DayPlan } from '../../plan';
import { staffingFigures } from '../../plan/staffToTarget';
import { netStaffing } from '../../plan/verdict';
import type { Scenario } from '../../scenario';
import { type Chart, ChartFigures } from '../ChartFigures';
import { drawAgentsChart, drawDemandChart, drawNetStaffingChart } from '../planCharts';
import type { Session } from '../state/session';
import { Banner } from './Banner';
import { DaySummary } from './DaySummary';
import { IntervalTable } from './IntervalTable';
import type { PlanState } from './planState';
import { ScenarioSide } from './ScenarioSide';
import { SimulationPanel } from './simulation/SimulationPanel';
import { savedSimulation } from './simulation/saved';
import { StaffPanel } from './staffing/StaffPanel';
import { VerdictPanel } from './VerdictPanel';

/** The plan's charts, in reading order: demand, agents, net staffing. */
const PLAN_CHARTS: Chart<{ plan: DayPlan; scenario: Scenario }>[] = [
  ['demand-chart', (el, { plan, scenario }) => drawDemandChart(el, plan, scenario.intervalMinutes * 60)],
  ['agents-chart', (el, { plan }) => drawAgentsChart(el, plan)],
  ['net-staffing-chart', (el, { plan, scenario }) => drawNetStaffingChart(el, plan, netStaffing(plan, scenario.intervalMinutes))],
];

/**
 * The "Plan a day" page: the results first (banner, verdict, day totals, charts with net
 * staffing, simulation,
 * interval table), then the scenario. State lives in signals (planState); d3 draws the charts
 * into elements it owns.
 */
export function PlanPage({ session, storage, state }: { session: Session; storage: Storage; state: PlanState }) {
  const result = state.result.value;
  const record = state.record.value;
  const drafts = state.drafts.value;
  const plan = result.ok ? result.plan : null;
  const planned = result.ok ? result : null;
  const simulation = savedSimulation(record, plan, planned?.version ?? null);
  // The agents as typed (the latest record), while the plan may still be of the record before the pause.
  const typed = (record.raw.staffing as { agents?: unknown } | undefined)?.agents;
  const agents = !result.ok
    ? null
    : Array.isArray(typed) && typed.length === result.plan.intervals.length
      ? (typed as number[])
      : Array.isArray(result.scenario.staffing.agents)
        ? result.scenario.staffing.agents
        : null;
  return (
    <div class="layout">
      <div class="outputs">
        <Banner
          session={session}
          planError={result.ok ? null : result.error}
          editMessage={state.editMessage.value}
          drafts={drafts}
        />
        {planned && <VerdictPanel scenario={planned.scenario} plan={planned.plan} simulation={simulation} />}
        <DaySummary name={String(record.raw.name)} scenario={planned?.scenario ?? null} plan={plan} />
        <StaffPanel session={session} scenario={planned?.scenario ?? null} />
        <ChartFigures charts={PLAN_CHARTS} data={planned} />
        <SimulationPanel
          planned={planned}
          saved={simulation}
          opened={state.opened.value}
          save={(version, r) => session.setSimulation(version, r)}
        />
        <IntervalTable
          session={session}
          name={String(record.raw.name)}
          plan={plan}
          agents={agents}
          simulation={simulation}
          drafts={state.drafts}
          cost={planned ? staffingFigures(planned.scenario, planned.plan).cost : null}
        />
      </div>
      <ScenarioSide session={session} storage={storage} />
    </div>
  );
}
