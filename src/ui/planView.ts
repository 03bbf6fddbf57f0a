import { planDay } from '../plan';
import { agentsPerInterval, parseScenario, scaleAht, scaleDemand, scenarioVersion } from '../scenario';
import { element } from './dom';
import { PATIENCE_ESTIMATE_KEY } from './forecastView';
import { renderSummary, summaryTitle } from './plan/daySummary';
import { intervalTable } from './plan/intervalTable';
import { renderBanner } from './plan/planBanner';
import { scaleActions } from './plan/scaleActions';
import { drawAgentsChart, drawDemandChart } from './planCharts';
import { scenarioForm } from './scenarioForm';
import { scenarioLibrary } from './scenarioLibrary';
import { mountSimulationPanel, type PlannedScenario } from './simulationPanel';
import type { Session } from './state/session';
import { volumeImport } from './volumeImport';

/** Typing re-plans once it pauses this long, so keystrokes never queue up behind plans. */
const REPLAN_DELAY_MS = 150;

/**
 * The "Plan a day" page: the results first (banner, day totals, charts,
 * simulation, interval table), then the scenario library and form. Every
 * valid edit is saved at once and re-planned after typing pauses; a Name or
 * description edit re-plans nothing.
 */
export async function mountPlan(root: HTMLElement, session: Session, storage: Storage): Promise<void> {
  const side = element('section', { className: 'panel form', ariaLabel: 'Scenario' }, [
    element('h1', { textContent: 'Plan a day' }),
  ]);
  const libraryBox = element('div', { className: 'library' });
  const volumesBox = element('div', { className: 'library volumes' });
  const scaleBox = element('div', { className: 'library scale' });
  const description = element('p', { className: 'lede' });
  const form = element('form', { className: 'plan-form', noValidate: true });
  side.append(libraryBox, volumesBox, scaleBox, description, form);
  const banner = element('section', { className: 'panel plan-banner', id: 'plan-banner', ariaLabel: 'Scenario messages' });
  banner.setAttribute('aria-live', 'polite');
  const summary = element('section', { className: 'panel summary', ariaLabel: 'Day totals' });
  summary.setAttribute('aria-live', 'polite');
  const demandFigure = element('figure', { className: 'panel chart', id: 'demand-chart' });
  const agentsFigure = element('figure', { className: 'panel chart', id: 'agents-chart' });
  const tablePanel = element('section', { className: 'panel table-panel', ariaLabel: 'Interval plan' });
  const simulation = element('section', { className: 'panel simulation', ariaLabel: 'Simulation' });
  root.replaceChildren(
    element('div', { className: 'layout' }, [
      element('div', { className: 'outputs' }, [banner, summary, demandFigure, agentsFigure, simulation, tablePanel]),
      side,
    ]),
  );

  let planned: PlannedScenario | null = null;
  let planError: string | null = null;
  let editMessage: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const simulationPanel = mountSimulationPanel(
    simulation,
    () => planned,
    (version, result) => session.setSimulation(version, result),
  );
  const fields = scenarioForm(form, session, () => patienceHint(storage));
  const table = intervalTable(tablePanel, session);
  const library = scenarioLibrary(libraryBox, session);
  volumeImport(volumesBox, session);
  scaleActions(scaleBox, session, { demand: scaleDemand, aht: scaleAht });

  const render = () => {
    clearTimeout(timer);
    const started = performance.now();
    const record = session.current();
    const parsed = parseScenario(record.raw);
    description.textContent = String(record.raw.description ?? '');
    planned = null;
    planError = null;
    const panels = [summary, demandFigure, agentsFigure];
    try {
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const plan = planDay(parsed.scenario);
      planned = { scenario: parsed.scenario, plan, version: scenarioVersion(record.raw) };
      renderSummary(summary, parsed.scenario.name, plan);
      drawDemandChart(demandFigure, plan, parsed.scenario.intervalMinutes * 60);
      drawAgentsChart(agentsFigure, plan);
      const simulated = () => {
        const now = session.current();
        return now.simulation?.version === scenarioVersion(now.raw) ? now.simulation.result : null;
      };
      const agents = Array.isArray(parsed.scenario.staffing.agents) ? agentsPerInterval(parsed.scenario) : null;
      table.update({ name: parsed.scenario.name, plan, agents, simulated });
    } catch (error) {
      // Never the previous scenario's figures under this one's name.
      planError = `This scenario cannot be planned: ${error instanceof Error ? error.message : String(error)}`;
      for (const panel of panels) panel.replaceChildren();
      table.clear();
    }
    simulationPanel.refresh();
    renderBanner(banner, session, planError, editMessage);
    root.dataset.updateMs = (performance.now() - started).toFixed(1);
  };
  const opened = () => {
    editMessage = null;
    fields.show();
    void library.reload().then(() => library.refresh());
    table.clear();
    render();
    // Results of another day grid (the day was re-gridded since) cannot be drawn against this plan.
    const saved = session.current().simulation ?? null;
    simulationPanel.show(saved && saved.result.intervals.length === planned?.plan.intervals.length ? saved : null);
  };

  session.subscribe((change) => {
    if (change.kind === 'open' || change.kind === 'external') return opened();
    if (change.kind === 'draft') return renderBanner(banner, session, planError, editMessage);
    if (change.kind !== 'edit') return;
    editMessage = change.message ?? null;
    library.refresh();
    fields.follow();
    if (change.field === 'name' || change.field === 'description') {
      const name = String(session.current().raw.name);
      const title = summary.querySelector('h2');
      if (title && planned) title.textContent = summaryTitle(name);
      renderBanner(banner, session, planError, editMessage);
      return;
    }
    renderBanner(banner, session, planError, editMessage);
    clearTimeout(timer);
    if (change.field) timer = setTimeout(render, REPLAN_DELAY_MS);
    else render();
  });
  await session.ready();
  opened();
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
