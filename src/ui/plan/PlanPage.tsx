import { useEffect, useRef } from 'preact/hooks';
import { scaleAht, scaleDemand } from '../../scenario';
import { PATIENCE_ESTIMATE_KEY } from '../forecastView';
import { Mount } from '../Mount';
import { drawAgentsChart, drawDemandChart } from '../planCharts';
import { scenarioForm } from '../scenarioForm';
import { scenarioLibrary } from '../scenarioLibrary';
import { mountSimulationPanel } from '../simulationPanel';
import type { Session } from '../state/session';
import { volumeImport } from '../volumeImport';
import { Banner } from './Banner';
import { DaySummary } from './DaySummary';
import { IntervalTable } from './IntervalTable';
import type { PlanState } from './planState';
import { scaleActions } from './scaleActions';

type SimulationPanel = ReturnType<typeof mountSimulationPanel>;

/** The scenario side: library, CSV import, scaling, description and form (imperative panels, mounted once). */
function ScenarioSide({ session, storage }: { session: Session; storage: Storage }) {
  const draw = (el: HTMLElement) => {
    const box = (className: string) => Object.assign(document.createElement('div'), { className });
    const [library, volumes, scale] = [box('library'), box('library volumes'), box('library scale')];
    const description = Object.assign(document.createElement('p'), { className: 'lede' });
    const form = Object.assign(document.createElement('form'), { className: 'plan-form', noValidate: true });
    el.append(library, volumes, scale, description, form);
    const lib = scenarioLibrary(library, session);
    volumeImport(volumes, session);
    scaleActions(scale, session, { demand: scaleDemand, aht: scaleAht });
    const fields = scenarioForm(form, session, () => patienceHint(storage));
    const opened = () => {
      fields.show();
      description.textContent = String(session.current().raw.description ?? '');
      void lib.reload().then(() => lib.refresh());
    };
    session.subscribe((change) => {
      if (change.kind === 'open' || change.kind === 'external') opened();
      else if (change.kind === 'edit') {
        fields.follow();
        lib.refresh();
      }
    });
    opened();
  };
  return (
    <section class="panel form" aria-label="Scenario">
      <h1>Plan a day</h1>
      <Mount draw={draw} deps={[]} />
    </section>
  );
}

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

/** The patience estimated from call records (Forecast page), shown beside the planner's own value. */
function patienceHint(storage: Storage): Record<string, string> {
  try {
    const estimate = JSON.parse(storage.getItem(PATIENCE_ESTIMATE_KEY) ?? 'null') as {
      meanSeconds: number;
      source: string;
    } | null;
    return estimate ? { 'patience.meanSeconds': `data: ${Math.round(estimate.meanSeconds)} s (${estimate.source})` } : {};
  } catch {
    return {};
  }
}
