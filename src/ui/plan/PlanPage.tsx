import { useMemo } from 'preact/hooks';
import { type Chart, ChartFigures } from '../ChartFigures';
import { usePainted } from '../painted';
import { drawAgentsChart, drawDemandChart, drawNetStaffingChart } from '../planCharts';
import type { Session } from '../state/session';
import { Banner } from './Banner';
import { DaySummary } from './DaySummary';
import { type DayFigures, dayFigures } from './dayFigures';
import { IntervalTable } from './IntervalTable';
import type { PlanState } from './planState';
import { ScenarioSide } from './ScenarioSide';
import { SimulationPanel } from './simulation/SimulationPanel';
import { savedSimulation } from './simulation/saved';
import { StaffPanel } from './staffing/StaffPanel';
import { VerdictPanel } from './VerdictPanel';

/** The plan's charts, in reading order: demand, agents, net staffing. */
const PLAN_CHARTS: Chart<DayFigures>[] = [
  ['demand-chart', (el, { plan, scenario }) => drawDemandChart(el, plan, scenario.intervalMinutes * 60)],
  ['agents-chart', (el, { plan }) => drawAgentsChart(el, plan)],
  ['net-staffing-chart', (el, { plan, net }) => drawNetStaffingChart(el, plan, net)],
];

/**
 * The "Plan a day" page: the results first (banner, verdict, day totals, charts with net
 * staffing, simulation, interval table), then the scenario. State lives in signals (planState); d3 draws the charts
 * into elements it owns.
 */
export function PlanPage({ session, storage, state }: { session: Session; storage: Storage; state: PlanState }) {
  const result = state.result.value;
  const record = state.record.value;
  const drafts = state.drafts.value;
  const plan = result.ok ? result.plan : null;
  const planned = result.ok ? result : null;
  const simulation = savedSimulation(record, plan, planned?.version ?? null);
  const painted = usePainted();
  const day = useMemo(() => planned && dayFigures(planned.plan, planned.scenario), [planned?.plan]);
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
        <DaySummary name={String(record.raw.name)} day={day} />
        <StaffPanel session={session} scenario={planned?.scenario ?? null} />
        <ChartFigures charts={PLAN_CHARTS} data={day} />
        <SimulationPanel
          planned={planned}
          saved={simulation}
          opened={state.opened.value}
          save={(version, r) => session.setSimulation(version, r)}
        />
        {/* The 96 rows (some 1,600 elements) are below the fold: they come the frame after the first paint. */}
        {painted ? (
          <IntervalTable
            session={session}
            name={String(record.raw.name)}
            plan={plan}
            agents={agents}
            simulation={simulation}
            drafts={state.drafts}
            cost={day?.cost ?? null}
          />
        ) : (
          <section class="panel table-panel" aria-label="Interval plan" aria-busy="true" />
        )}
      </div>
      <ScenarioSide session={session} storage={storage} />
    </div>
  );
}
