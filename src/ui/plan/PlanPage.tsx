import { useEffect, useRef } from 'preact/hooks';
import { Mount } from '../Mount';
import { drawAgentsChart, drawDemandChart } from '../planCharts';
import { mountSimulationPanel } from '../simulationPanel';
import type { Session } from '../state/session';
import { Banner } from './Banner';
import { DaySummary } from './DaySummary';
import { IntervalTable } from './IntervalTable';
import type { PlanState } from './planState';
import { ScenarioSide } from './ScenarioSide';

type SimulationPanel = ReturnType<typeof mountSimulationPanel>;

/**
 * The "Plan a day" page: the results first (banner, day totals, charts,
 * simulation, interval table), then the scenario. State lives in signals
 * (planState); d3 draws the charts into elements it owns.
 */
export function PlanPage({ session, storage, state }: { session: Session; storage: Storage; state: PlanState }) {
  const result = state.result.value;
  const record = state.record.value;
  const drafts = state.drafts.value;
  const opened = state.opened.value;
  const plan = result.ok ? result.plan : null;
  const panel = useRef<SimulationPanel | null>(null);
  const planned = () => (result.ok ? { scenario: result.scenario, plan: result.plan, version: result.version } : null);
  const current = useRef(planned);
  current.current = planned;
  useEffect(() => panel.current?.refresh(), [result]);
  useEffect(() => {
    // Results of another day grid (the day was re-gridded since) cannot be drawn against this plan.
    const saved = session.current().simulation ?? null;
    panel.current?.show(saved && saved.result.intervals.length === plan?.intervals.length ? saved : null);
  }, [opened]);
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
        <DaySummary name={String(record.raw.name)} plan={plan} />
        <Mount
          tag="figure"
          id="demand-chart"
          className="panel chart"
          deps={[plan]}
          draw={(el) =>
            result.ok ? drawDemandChart(el, result.plan, result.scenario.intervalMinutes * 60) : el.replaceChildren()
          }
        />
        <Mount
          tag="figure"
          id="agents-chart"
          className="panel chart"
          deps={[plan]}
          draw={(el) => (result.ok ? drawAgentsChart(el, result.plan) : el.replaceChildren())}
        />
        <Mount
          tag="section"
          className="panel simulation"
          label="Simulation"
          deps={[]}
          draw={(el) => {
            panel.current = mountSimulationPanel(
              el,
              () => current.current(),
              (v, r) => session.setSimulation(v, r),
            );
          }}
        />
        <IntervalTable session={session} name={String(record.raw.name)} plan={plan} agents={agents} drafts={drafts} />
      </div>
      <ScenarioSide session={session} storage={storage} />
    </div>
  );
}
