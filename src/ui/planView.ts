import { formatSeconds, formatShare } from '../format/number';
import { type DayPlan, planDay } from '../plan';
import { planCsv, planTable, simulationTable } from '../report/csv';
import { xlsx } from '../report/xlsx';
import { formatScenarioError, parseScenario } from '../scenario';
import type { SimulationResult } from '../sim';
import { currentScenario } from './currentScenario';
import { element } from './dom';
import { download, fileSlug } from './download';
import { PATIENCE_ESTIMATE_KEY } from './forecastView';
import { drawAgentsChart, drawDemandChart } from './planCharts';
import { type Json, scenarioForm, setAt } from './scenarioForm';
import { scenarioLibrary } from './scenarioLibrary';
import type { SavedScenario, ScenarioStore } from './scenarioStore';
import { mountSimulationPanel, type PlannedScenario } from './simulationPanel';
import { volumeImport } from './volumeImport';

/**
 * The "Plan a day" page: the scenario library and form on the left; the day's
 * totals, charts, simulation and interval table on the right. Every edit is
 * saved (IndexedDB) and re-planned at once.
 */
export async function mountPlan(root: HTMLElement, store: ScenarioStore, storage: Storage): Promise<void> {
  const side = element('section', { className: 'panel form', ariaLabel: 'Scenario' }, [
    element('h1', { textContent: 'Plan a day' }),
  ]);
  const libraryBox = element('div', { className: 'library' });
  const volumesBox = element('div', { className: 'library volumes' });
  const description = element('p', { className: 'lede' });
  const form = element('form', { className: 'plan-form', noValidate: true });
  const otherErrors = element('ul', { className: 'file-errors', id: 'scenario-errors' });
  otherErrors.setAttribute('role', 'alert');
  side.append(libraryBox, volumesBox, description, form, otherErrors);
  const summary = element('section', { className: 'panel summary', ariaLabel: 'Day totals' });
  summary.setAttribute('aria-live', 'polite');
  const demandFigure = element('figure', { className: 'panel chart', id: 'demand-chart' });
  const agentsFigure = element('figure', { className: 'panel chart', id: 'agents-chart' });
  const tablePanel = element('section', { className: 'panel table-panel', ariaLabel: 'Interval plan' });
  const simulation = element('section', { className: 'panel simulation', ariaLabel: 'Simulation' });
  root.replaceChildren(
    element('div', { className: 'layout' }, [
      side,
      element('div', { className: 'outputs' }, [summary, demandFigure, agentsFigure, simulation, tablePanel]),
    ]),
  );

  let current: SavedScenario;
  let planned: PlannedScenario | null = null;
  const working = currentScenario(store, storage);
  const save = () => {
    current = working.save(current);
    library.refresh(current);
  };

  const simulationPanel = mountSimulationPanel(
    simulation,
    () => planned,
    (version, result) => {
      current = { ...current, simulation: { version, result } };
      save();
    },
  );
  const fields = scenarioForm(
    form,
    (raw, reshaped) => {
      current = { ...current, raw };
      save();
      if (reshaped) fields.show(raw);
      render();
    },
    () => patienceHint(storage),
  );
  const editAgents = (index: number, value: number) => {
    const agents = [...((current.raw.staffing as Json).agents as number[])];
    agents[index] = value;
    current = { ...current, raw: setAt(current.raw, 'staffing.agents', agents) };
    save();
    render();
  };

  const render = () => {
    const started = performance.now();
    const parsed = parseScenario(current.raw);
    description.textContent = String(current.raw.description ?? '');
    otherErrors.replaceChildren(
      ...fields.showErrors(parsed.ok ? [] : parsed.errors.map(formatScenarioError)).map((m) => element('li', { textContent: m })),
    );
    const panels = [summary, demandFigure, agentsFigure, tablePanel];
    if (!parsed.ok) {
      for (const panel of panels) panel.classList.add('stale');
      planned = null;
      simulationPanel.refresh();
      return;
    }
    for (const panel of panels) panel.classList.remove('stale');
    const plan = planDay(parsed.scenario);
    planned = { scenario: parsed.scenario, plan, version: JSON.stringify(current.raw) };
    simulationPanel.refresh();
    renderSummary(summary, parsed.scenario.name, plan);
    drawDemandChart(demandFigure, plan, parsed.scenario.intervalMinutes * 60);
    drawAgentsChart(agentsFigure, plan);
    const staffing = (current.raw.staffing as Json | undefined)?.agents;
    const simulated = () => (current.simulation?.version === JSON.stringify(current.raw) ? current.simulation.result : null);
    renderTable(
      tablePanel,
      parsed.scenario.name,
      plan,
      Array.isArray(staffing) ? { agents: staffing as number[], edit: editAgents } : null,
      simulated,
    );
    root.dataset.updateMs = (performance.now() - started).toFixed(1);
  };

  const open = (record: SavedScenario) => {
    current = record;
    working.opened(record);
    library.refresh(record);
    fields.show(record.raw);
    render();
    simulationPanel.show(record.simulation ?? null);
  };
  const library = scenarioLibrary(libraryBox, store, {
    open,
    current: () => current,
  });
  volumeImport(
    volumesBox,
    () => current.raw,
    (raw) => {
      current = { ...current, raw };
      save();
      fields.show(raw);
      render();
    },
  );
  open(working.withLastEdit(await library.initial(working.lastId())));
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

const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

function renderSummary(section: HTMLElement, name: string, plan: DayPlan): void {
  const t = plan.totals;
  const card = (label: string, value: string, note: string) =>
    element('div', { className: 'card' }, [
      element('h3', { textContent: label }),
      element('div', { className: 'big', textContent: value }),
      element('p', { textContent: note }),
    ]);
  section.replaceChildren(
    element('h2', { textContent: `${name}: the day by the analytic plan` }),
    element('p', {
      className: 'lede',
      textContent:
        'What you are looking at: the day interval by interval as Erlang planning sees it — demand, busy signals, self-service, callbacks, and the agents each interval needs against the agents you have. Change any input on the left and the plan follows. Then simulate the day to see how it really goes, queues carried over and callers redialling included.',
    }),
    element('div', { className: 'cards four' }, [
      card('Answer rate', formatShare(t.answerRate, 1), `answered ÷ (answered + abandoned); ${count(t.abandoned)} abandoned`),
      card('Service level', formatShare(t.serviceLevel, 1), plan.slFormula),
      card(
        'Handled rate',
        formatShare(t.handledRate, 1),
        `(answered + callbacks completed) ÷ (offered + blocked); ${count(t.blocked)} busy signals`,
      ),
      card('Paid hours', count(t.paidHours), `as staffed; ${count(t.requiredPaidHours)} h for the Erlang A requirement`),
    ]),
    element('p', {
      className: 'note',
      textContent: `${count(t.calls)} first attempts + ${count(t.redials)} redials; ${count(t.contained)} self-served in the IVR; ${count(t.callbacksRequested)} callbacks requested, ${count(t.callbacksCompleted)} completed; ASA ${formatSeconds(t.asa, 1)}; occupancy ${formatShare(t.occupancy, 1)}.`,
    }),
    ...plan.notes.map((n) => element('p', { className: 'note', textContent: n })),
  );
}

const COLUMNS: [string, (x: DayPlan['intervals'][number]) => string][] = [
  ['Start', (x) => x.start],
  ['Calls', (x) => count(x.attempts)],
  ['Blocked', (x) => count(x.blocked)],
  ['Self-served', (x) => count(x.contained)],
  ['To agents', (x) => count(x.toAgents)],
  ['Callbacks', (x) => count(x.callbacksRequested)],
  ['Agents', (x) => count(x.agents)],
  ['Req. C', (x) => count(x.requiredC)],
  ['Req. A', (x) => count(x.requiredA)],
  ['SL', (x) => formatShare(x.serviceLevel, 1)],
  ['Answer rate', (x) => formatShare(x.answerRate, 1)],
  ['ASA', (x) => formatSeconds(x.asa, 0)],
  ['Occupancy', (x) => formatShare(x.occupancyAll, 1)],
];
const AGENTS_COLUMN = 6;

/** The interval table; with per-interval staffing, the Agents cells are inputs (the scenario's agents, dedicated callback agents included). */
function renderTable(
  section: HTMLElement,
  name: string,
  plan: DayPlan,
  staffing: { agents: number[]; edit: (i: number, value: number) => void } | null,
  simulated: () => SimulationResult | null,
): void {
  const exportButton = element('button', { type: 'button', id: 'export-plan-csv', textContent: 'Download the plan (CSV)' });
  exportButton.addEventListener('click', () => download(`${fileSlug(name)}-plan.csv`, planCsv(name, plan), 'text/csv'));
  const workbookButton = element('button', { type: 'button', id: 'export-plan-xlsx', textContent: 'Plan and simulation (XLSX)' });
  workbookButton.addEventListener('click', () => {
    const sim = simulated();
    const sheets = [
      { name: 'Plan', table: planTable(name, plan) },
      ...(sim ? [{ name: 'Simulation', table: simulationTable(sim) }] : []),
    ];
    download(
      `${fileSlug(name)}.xlsx`,
      xlsx(sheets.map((s) => ({ name: s.name, rows: [s.table.header, ...s.table.rows] }))),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
  const cell = (x: DayPlan['intervals'][number], c: number) => {
    if (c !== AGENTS_COLUMN || !staffing) return element(c === 0 ? 'th' : 'td', { textContent: COLUMNS[c][1](x) });
    const input = element('input', {
      type: 'number',
      min: 0,
      step: 1,
      value: String(staffing.agents[x.index]),
      className: 'agents-input',
    });
    input.setAttribute('aria-label', `Agents from ${x.start}`);
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (Number.isInteger(value) && value >= 0 && value <= 100_000) staffing.edit(x.index, value);
      else input.setCustomValidity('a whole number of agents from 0 to 100000');
      input.reportValidity();
    });
    return element('td', {}, [input]);
  };
  const table = element('table', { className: 'plan-table' }, [
    element('caption', { textContent: 'Interval plan (calls = first attempts + redials; Req. = agents the targets need)' }),
    element('thead', {}, [
      element(
        'tr',
        {},
        COLUMNS.map(([label]) => element('th', { scope: 'col', textContent: label })),
      ),
    ]),
    element(
      'tbody',
      {},
      plan.intervals.map((x) =>
        element(
          'tr',
          { className: x.requiredA !== null && x.agents < x.requiredA ? 'short' : '' },
          COLUMNS.map((_, c) => cell(x, c)),
        ),
      ),
    ),
  ]);
  section.replaceChildren(element('div', { className: 'actions' }, [exportButton, workbookButton]), table);
}
