import { SL_DEFINITION_NAMES } from '../erlang';
import { formatSeconds, formatShare } from '../format/number';
import { type DayPlan, planDay } from '../plan';
import { planCsv } from '../report/csv';
import { parseScenario, parseScenarioText } from '../scenario';
import { element } from './dom';
import { download, fileSlug } from './download';
import { drawAgentsChart, drawDemandChart } from './planCharts';
import { mountSimulationPanel, type PlannedScenario } from './simulationPanel';

/** The scenarios shipped in scenarios/, by file name. */
const BUNDLED = import.meta.glob<unknown>('../../scenarios/*-*.json', { eager: true, import: 'default' });
const bundled = new Map(Object.entries(BUNDLED).map(([path, raw]) => [path.split('/').pop() ?? path, raw]));
export const DEFAULT_SCENARIO = 'christmas-eve.json';
const STORAGE_KEY = 'wfm.plan.v1';

type Json = Record<string, unknown>;

/** A form field bound to a JSON path of the scenario; `scale` turns the typed value into the stored one (% → share). */
interface PlanField {
  path: string;
  label: string;
  unit: string;
  scale?: number;
  /** blank means null (e.g. unlimited lines) */
  blank?: null;
  kind?: 'number' | 'checkbox' | 'select';
  /** select options: stored value → what the planner reads */
  options?: Record<string, string>;
  /** shown only when the scenario has this shape */
  when?: (raw: Json) => boolean;
}

const isNumberAt = (path: string) => (raw: Json) => typeof getAt(raw, path) === 'number';

const GROUPS: { title: string; fields: PlanField[] }[] = [
  {
    title: 'Demand',
    fields: [
      { path: 'demand.dailyCalls', label: 'Calls on a normal day', unit: 'calls', when: isNumberAt('demand.dailyCalls') },
      { path: 'demand.uplift', label: 'Peak-day uplift', unit: '×', when: isNumberAt('demand.uplift') },
      { path: 'ahtSeconds', label: 'Average handle time', unit: 's', when: isNumberAt('ahtSeconds') },
    ],
  },
  {
    title: 'IVR',
    fields: [
      { path: 'ivr.lines', label: 'Lines (trunks)', unit: 'lines', blank: null },
      { path: 'ivr.containment', label: 'Self-service (containment)', unit: '%', scale: 0.01 },
    ],
  },
  {
    title: 'Queue and patience',
    fields: [
      { path: 'patience.meanSeconds', label: 'Mean patience', unit: 's' },
      { path: 'redial.abandoned.share', label: 'Abandoned who redial', unit: '%', scale: 0.01 },
    ],
  },
  {
    title: 'Callbacks',
    fields: [
      { path: 'callback.enabled', label: 'Offer callbacks', unit: '', kind: 'checkbox' },
      { path: 'callback.offerWhen.waitAboveSeconds', label: 'Offer when wait above', unit: 's' },
      { path: 'callback.acceptance', label: 'Callers who accept', unit: '%', scale: 0.01 },
    ],
  },
  {
    title: 'Staffing',
    fields: [
      { path: 'staffing.agents', label: 'Agents on the phones', unit: 'agents', when: isNumberAt('staffing.agents') },
      { path: 'shrinkage', label: 'Shrinkage', unit: '%', scale: 0.01 },
    ],
  },
  {
    title: 'Targets',
    fields: [
      { path: 'targets.serviceLevel', label: 'Service level', unit: '%', scale: 0.01 },
      { path: 'targets.targetSeconds', label: 'answered within', unit: 's' },
      { path: 'targets.slDefinition', label: 'SL definition', unit: '', kind: 'select', options: SL_DEFINITION_NAMES },
    ],
  },
];

function getAt(raw: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Json)[key] : undefined), raw);
}

/** A copy of `raw` with `value` at `path`, creating objects on the way. */
function setAt(raw: Json, path: string, value: unknown): Json {
  const [key, ...rest] = path.split('.');
  if (rest.length === 0) return { ...raw, [key]: value };
  const child = raw[key];
  return { ...raw, [key]: setAt(typeof child === 'object' && child !== null ? (child as Json) : {}, rest.join('.'), value) };
}

interface Stored {
  source: string;
  raw: Json;
}

function loadStored(storage: Storage): Stored | null {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    return stored && typeof stored.raw === 'object' ? stored : null;
  } catch {
    return null;
  }
}

function bundledRaw(name: string): Json {
  return structuredClone(bundled.get(name)) as Json;
}

/** The "Plan a day" page: a scenario's main inputs on the left, the interval plan and its charts on the right. */
export function mountPlan(root: HTMLElement, storage: Storage): void {
  let state: Stored = loadStored(storage) ?? { source: DEFAULT_SCENARIO, raw: bundledRaw(DEFAULT_SCENARIO) };

  const picker = element('select', { id: 'scenario-picker' });
  for (const name of bundled.keys()) {
    const raw = bundled.get(name) as Json;
    picker.append(element('option', { value: name, textContent: String(raw.name ?? name) }));
  }
  const fileInput = element('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json' });
  const fileErrors = element('ul', { className: 'file-errors', id: 'scenario-file-errors' });
  fileErrors.setAttribute('role', 'alert');
  const description = element('p', { className: 'lede' });
  const form = element('form', { className: 'plan-form', noValidate: true });
  form.addEventListener('submit', (e) => e.preventDefault());
  const otherErrors = element('ul', { className: 'file-errors', id: 'scenario-errors' });
  otherErrors.setAttribute('role', 'alert');

  const side = element('section', { className: 'panel form', ariaLabel: 'Scenario' }, [
    element('h1', { textContent: 'Plan a day' }),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-picker', textContent: 'Scenario' }),
      picker,
    ]),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-file', textContent: 'Open a scenario file (JSON)' }),
      fileInput,
      fileErrors,
    ]),
    description,
    form,
    otherErrors,
  ]);
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
  let planned: PlannedScenario | null = null;
  const simulationPanel = mountSimulationPanel(simulation, () => planned);

  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLElement>();

  /** Builds the form for the current scenario's shape (fields it does not have are left out). */
  const buildForm = () => {
    const parsed = parseScenario(state.raw);
    const shown: unknown = parsed.ok ? parsed.scenario : state.raw;
    inputs.clear();
    errors.clear();
    form.replaceChildren();
    for (const group of GROUPS) {
      const fields = group.fields.filter((f) => !f.when || f.when(state.raw));
      if (fields.length === 0) continue;
      const fieldset = element('fieldset', {}, [element('legend', { textContent: group.title })]);
      for (const f of fields) {
        const id = `plan-${f.path.replaceAll('.', '-')}`;
        const value = getAt(shown, f.path);
        let control: HTMLInputElement | HTMLSelectElement;
        if (f.kind === 'checkbox') {
          control = element('input', { type: 'checkbox', checked: value === true });
        } else if (f.kind === 'select') {
          control = element('select');
          for (const [o, name] of Object.entries(f.options ?? {}))
            control.append(element('option', { value: o, textContent: name }));
          control.value = String(value);
        } else {
          const shown =
            typeof value === 'number'
              ? String(Number((value / (f.scale ?? 1)).toPrecision(12)))
              : value === null || value === undefined
                ? ''
                : String(value);
          control = element('input', { type: 'text', inputMode: 'decimal', autocomplete: 'off', value: shown });
          if (f.blank === null) control.placeholder = 'unlimited';
        }
        control.id = id;
        control.dataset.path = f.path;
        const error = element('div', { className: 'error', id: `${id}-error` });
        control.setAttribute('aria-describedby', error.id);
        inputs.set(f.path, control);
        errors.set(f.path, error);
        const box = element('div', { className: 'control' }, [
          control,
          element('span', { className: 'unit', textContent: f.unit }),
        ]);
        fieldset.append(
          element('div', { className: f.kind === 'select' ? 'field wide' : 'field' }, [
            element('label', { htmlFor: id, textContent: f.label }),
            box,
            error,
          ]),
        );
      }
      form.append(fieldset);
    }
  };

  const readForm = (): Json => {
    let raw = state.raw;
    for (const group of GROUPS) {
      for (const f of group.fields) {
        const control = inputs.get(f.path);
        if (!control) continue;
        let value: unknown;
        if (control instanceof HTMLInputElement && control.type === 'checkbox') value = control.checked;
        else if (control instanceof HTMLSelectElement) value = control.value;
        else {
          const text = control.value.trim();
          const number = Number(text);
          value =
            text === '' && f.blank === null ? null : text !== '' && Number.isFinite(number) ? number * (f.scale ?? 1) : text;
        }
        raw = setAt(raw, f.path, value);
      }
    }
    return raw;
  };

  const render = () => {
    const started = performance.now();
    const parsed = parseScenario(state.raw);
    for (const el of errors.values()) el.replaceChildren();
    for (const control of inputs.values()) control.setAttribute('aria-invalid', 'false');
    otherErrors.replaceChildren();
    description.textContent = String(state.raw.description ?? '');
    if (!parsed.ok) {
      for (const message of parsed.errors) {
        const path = [...errors.keys()].find((p) => message.startsWith(`${p}:`) || message.startsWith(`${p}[`));
        if (path) {
          errors.get(path)?.append(message);
          inputs.get(path)?.setAttribute('aria-invalid', 'true');
        } else otherErrors.append(element('li', { textContent: message }));
      }
      for (const panel of [summary, demandFigure, agentsFigure, tablePanel]) panel.classList.add('stale');
      planned = null;
      simulationPanel.refresh();
      return;
    }
    for (const panel of [summary, demandFigure, agentsFigure, tablePanel]) panel.classList.remove('stale');
    const plan = planDay(parsed.scenario);
    planned = { scenario: parsed.scenario, plan, version: JSON.stringify(state.raw) };
    simulationPanel.refresh();
    renderSummary(summary, parsed.scenario.name, plan);
    drawDemandChart(demandFigure, plan, parsed.scenario.intervalMinutes * 60);
    drawAgentsChart(agentsFigure, plan);
    renderTable(tablePanel, parsed.scenario.name, plan);
    root.dataset.updateMs = (performance.now() - started).toFixed(1);
  };

  const save = () => storage.setItem(STORAGE_KEY, JSON.stringify(state));

  const load = (next: Stored) => {
    state = next;
    picker.value = bundled.has(state.source) ? state.source : '';
    buildForm();
    save();
    render();
  };

  form.addEventListener('input', () => {
    state = { ...state, raw: readForm() };
    save();
    render();
  });
  picker.addEventListener('change', () => {
    fileErrors.replaceChildren();
    load({ source: picker.value, raw: bundledRaw(picker.value) });
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileErrors.replaceChildren();
    const parsed = parseScenarioText(await file.text());
    if (!parsed.ok) {
      fileErrors.append(element('li', { textContent: `${file.name}: not loaded, the current scenario is kept` }));
      for (const message of parsed.errors) fileErrors.append(element('li', { textContent: message }));
      return;
    }
    load({ source: file.name, raw: JSON.parse(await file.text()) as Json });
  });

  load(state);
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

function renderTable(section: HTMLElement, name: string, plan: DayPlan): void {
  const exportButton = element('button', { type: 'button', id: 'export-plan-csv', textContent: 'Download the plan (CSV)' });
  exportButton.addEventListener('click', () => download(`${fileSlug(name)}-plan.csv`, planCsv(name, plan), 'text/csv'));
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
          COLUMNS.map(([, cell], i) => element(i === 0 ? 'th' : 'td', { textContent: cell(x) })),
        ),
      ),
    ),
  ]);
  section.replaceChildren(element('div', { className: 'actions' }, [exportButton]), table);
}
