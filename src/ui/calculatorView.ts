import {
  type CalculatorInput,
  type CalculatorResult,
  calculate,
  checkNumber,
  DEFAULT_SL_DEFINITION,
  describeRange,
  ERLANG_FIELDS,
  loadProblem,
  type NumberRule,
  type QueueMetrics,
  type Requirement,
  SCHEDULING_RULE,
  SL_DEFINITION_NAMES,
  SL_DEFINITIONS,
  type SlDefinition,
} from '../erlang';
import { formatAgents, formatErlangs, formatSeconds, formatShare } from '../format/number';
import { element } from './dom';
import { drawStaffingChart } from './staffingChart';

/** A form field: its domain field, how the typed value scales into it (percent → share), its default. */
interface FieldSpec {
  id: string;
  label: string;
  unit: string;
  field: keyof typeof ERLANG_FIELDS;
  scale?: number;
  fallback: string;
  optional?: boolean;
  integer?: boolean;
  hint?: string;
}

const GROUPS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Traffic',
    fields: [
      { id: 'calls', label: 'Calls offered', unit: 'calls / interval', field: 'calls', fallback: '100' },
      { id: 'aht', label: 'Average handle time', unit: 's', field: 'ahtSeconds', fallback: '180', hint: 'talk + hold + wrap-up' },
      { id: 'patience', label: 'Mean patience', unit: 's', field: 'patienceSeconds', fallback: '300', hint: 'for Erlang A' },
    ],
  },
  {
    title: 'Targets',
    fields: [
      { id: 'sl', label: 'Service level', unit: '%', field: 'serviceLevelTarget', scale: 0.01, fallback: '80' },
      { id: 'target', label: 'answered within', unit: 's', field: 'targetSeconds', fallback: '20' },
      { id: 'asa', label: 'Max ASA', unit: 's', field: 'maxAsaSeconds', fallback: '', optional: true },
      { id: 'abandon', label: 'Max abandonment', unit: '%', field: 'maxAbandonRate', scale: 0.01, fallback: '', optional: true },
      { id: 'occupancy', label: 'Max occupancy', unit: '%', field: 'maxOccupancy', scale: 0.01, fallback: '', optional: true },
    ],
  },
  {
    title: 'Staffing',
    fields: [
      {
        id: 'agents',
        label: 'Agents on the phones',
        unit: 'agents',
        field: 'agents',
        fallback: '',
        optional: true,
        integer: true,
        hint: 'blank: use the Erlang A requirement',
      },
      {
        id: 'shrinkage',
        label: 'Shrinkage',
        unit: '%',
        field: 'shrinkage',
        scale: 0.01,
        fallback: '30',
        hint: 'breaks, training, absence',
      },
    ],
  },
];

const INTERVALS = [15, 30, 60];
const STORAGE_KEY = 'wfm.calculator.v1';

/** The range a person sees for a field, in the units they type (percent fields shown in %). */
function displayRule(spec: FieldSpec): NumberRule {
  const rule = ERLANG_FIELDS[spec.field];
  const scale = spec.scale ?? 1;
  return {
    ...rule,
    min: rule.min / scale,
    max: rule.max / scale,
    unit: spec.unit,
    integer: spec.integer ?? rule.integer,
  };
}

type Stored = Record<string, string>;

function load(storage: Storage): Stored {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

/** The Erlang calculator page: inputs on the left, both models' answers and the chart on the right. */
export function mountCalculator(root: HTMLElement, storage: Storage): void {
  const stored = load(storage);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLElement>();

  const form = element('form', { className: 'panel form', noValidate: true, ariaLabel: 'Interval inputs' });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(element('h1', { textContent: 'Erlang calculator' }));
  form.append(
    element('p', {
      className: 'lede',
      textContent: 'One interval, two models: Erlang C (callers wait forever) and the exact Erlang A (callers abandon).',
    }),
  );

  const addField = (
    fieldset: HTMLElement,
    id: string,
    labelText: string,
    control: HTMLInputElement | HTMLSelectElement,
    unit: string,
    hint?: string,
  ) => {
    control.id = id;
    control.name = id;
    const error = element('div', { className: 'error', id: `${id}-error` });
    error.setAttribute('role', 'alert');
    control.setAttribute('aria-describedby', `${id}-error`);
    errors.set(id, error);
    inputs.set(id, control);
    const label = element('label', { htmlFor: id }, [labelText, hint ? element('small', { textContent: hint }) : '']);
    const wide = control instanceof HTMLSelectElement && id === 'slDefinition';
    const controlBox = element('div', { className: 'control' }, [
      control,
      element('span', { className: 'unit', textContent: unit }),
    ]);
    fieldset.append(element('div', { className: wide ? 'field wide' : 'field' }, [label, controlBox, error]));
  };

  for (const group of GROUPS) {
    const fieldset = element('fieldset', {}, [element('legend', { textContent: group.title })]);
    for (const spec of group.fields) {
      const input = element('input', {
        type: 'text',
        inputMode: 'decimal',
        autocomplete: 'off',
        value: stored[spec.id] ?? spec.fallback,
      });
      if (spec.optional) input.placeholder = 'none';
      addField(fieldset, spec.id, spec.label, input, spec.unit, spec.hint);
    }
    if (group.title === 'Traffic') {
      const interval = element('select');
      for (const minutes of INTERVALS)
        interval.append(element('option', { value: String(minutes * 60), textContent: `${minutes} min` }));
      interval.value = stored.interval ?? '1800';
      addField(fieldset, 'interval', 'Interval length', interval, '');
    }
    if (group.title === 'Targets') {
      const definition = element('select');
      for (const d of SL_DEFINITIONS) definition.append(element('option', { value: d, textContent: SL_DEFINITION_NAMES[d] }));
      definition.value = stored.slDefinition ?? DEFAULT_SL_DEFINITION;
      addField(fieldset, 'slDefinition', 'SL definition', definition, '');
    }
    form.append(fieldset);
  }

  const results = element('section', { className: 'panel results', ariaLabel: 'Results' });
  results.setAttribute('aria-live', 'polite');
  const chartFigure = element('figure', { className: 'panel chart' });
  root.replaceChildren(
    element('div', { className: 'layout' }, [form, element('div', { className: 'outputs' }, [results, chartFigure])]),
  );

  const update = () => {
    const raw: Stored = {};
    for (const [id, control] of inputs) raw[id] = control.value;
    storage.setItem(STORAGE_KEY, JSON.stringify(raw));
    const input = readInput(raw, (id, message) => {
      errors.get(id)?.replaceChildren(message ?? '');
      inputs.get(id)?.setAttribute('aria-invalid', String(message !== null));
    });
    if (!input) {
      results.classList.add('stale');
      chartFigure.classList.add('stale');
      return;
    }
    results.classList.remove('stale');
    chartFigure.classList.remove('stale');
    const result = calculate(input);
    renderResults(results, input, result);
    drawStaffingChart(chartFigure, result, input.targets.serviceLevel);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}

/** Reads the form into a calculator input, reporting each field's problem (null when fine); null if any is bad. */
function readInput(raw: Stored, report: (id: string, message: string | null) => void): CalculatorInput | null {
  const values: Record<string, number | undefined> = {};
  let ok = true;
  for (const spec of GROUPS.flatMap((g) => g.fields)) {
    const text = raw[spec.id].trim();
    if (text === '' && spec.optional) {
      report(spec.id, null);
      continue;
    }
    const typed = text === '' ? Number.NaN : Number(text);
    const rule = displayRule(spec);
    const problem = text === '' ? `required: ${describeRange(rule)}` : checkNumber(typed, rule);
    report(spec.id, problem && `${spec.label}: ${problem.replace(/, got .*$/, '')}`);
    if (problem) ok = false;
    else values[spec.field] = typed * (spec.scale ?? 1);
  }
  if (!ok) return null;
  const num = (field: string) => values[field] as number;
  // The same load guard as `wfm erlang` (and calculate), shown by the calls field.
  const tooMuch = loadProblem(num('calls'), Number(raw.interval), num('ahtSeconds'));
  if (tooMuch) {
    report('calls', `Calls offered: ${tooMuch.problem.replace(/, got .*$/, '')}`);
    return null;
  }
  return {
    calls: num('calls'),
    intervalSeconds: Number(raw.interval),
    ahtSeconds: num('ahtSeconds'),
    patienceSeconds: num('patienceSeconds'),
    targetSeconds: num('targetSeconds'),
    slDefinition: raw.slDefinition as SlDefinition,
    targets: {
      serviceLevel: values.serviceLevelTarget,
      maxAsaSeconds: values.maxAsaSeconds,
      maxAbandonRate: values.maxAbandonRate,
      maxOccupancy: values.maxOccupancy,
    },
    shrinkage: num('shrinkage'),
    agents: values.agents,
  };
}

function requirementCard(title: string, r: Requirement, shrinkage: number): HTMLElement {
  const card = element('div', { className: 'card' }, [element('h3', { textContent: title })]);
  if ('error' in r.staffing) {
    card.append(element('p', { className: 'error', textContent: r.staffing.error }));
    return card;
  }
  card.append(
    element('div', { className: 'big', textContent: formatAgents(r.staffing.agents) }),
    element('p', {
      textContent: `required on the phones; schedule ${formatAgents(r.scheduled)} at ${formatShare(shrinkage, 0)} shrinkage`,
    }),
  );
  return card;
}

function metricCell(m: QueueMetrics, model: 'A' | 'C', pick: (m: QueueMetrics, model: 'A' | 'C') => string): string {
  return m.stable ? pick(m, model) : 'unstable';
}

function renderResults(section: HTMLElement, input: CalculatorInput, r: CalculatorResult): void {
  const title = element('h2', {
    textContent: `Offered load ${formatErlangs(r.load)} (${input.calls} calls × ${input.ahtSeconds} s AHT ÷ ${input.intervalSeconds} s)`,
  });
  const cards = element('div', { className: 'cards' }, [
    requirementCard('Erlang A (with abandonment)', r.required.A, input.shrinkage),
    requirementCard('Erlang C (no abandonment)', r.required.C, input.shrinkage),
  ]);
  const rows: [string, (m: QueueMetrics, model: 'A' | 'C') => string][] = [
    [`Service level — ${r.slFormula}`, (m) => formatShare(m.serviceLevel, 1)],
    ['P(wait) — share of calls that queue', (m) => formatShare(m.pWait, 1)],
    ['ASA — mean wait of answered calls', (m) => formatSeconds(m.asa, 1)],
    ['Abandonment — abandoned ÷ offered', (m, model) => (model === 'C' ? 'none (assumed)' : formatShare(m.pAbandon, 1))],
    ['Occupancy — busy ÷ available agent time', (m) => formatShare(m.occupancy, 1)],
  ];
  const table = element('table', { className: 'metrics' }, [
    element('caption', {
      textContent: `With ${formatAgents(r.agents)}${input.agents === undefined ? ' (the Erlang A requirement)' : ''}`,
    }),
    element('thead', {}, [
      element('tr', {}, [
        element('th', { scope: 'col', textContent: 'Metric' }),
        element('th', { scope: 'col', textContent: 'Erlang A' }),
        element('th', { scope: 'col', textContent: 'Erlang C' }),
      ]),
    ]),
    element(
      'tbody',
      {},
      rows.map(([label, pick]) =>
        element('tr', {}, [
          element('th', { scope: 'row', textContent: label }),
          element('td', { textContent: metricCell(r.at.A, 'A', pick) }),
          element('td', { textContent: metricCell(r.at.C, 'C', pick) }),
        ]),
      ),
    ),
  ]);
  const notes = [SCHEDULING_RULE];
  if (!r.at.C.stable)
    notes.unshift(
      'Erlang C: unstable (load ≥ agents) — without abandonment the queue grows without bound; Erlang A shows what callers will see.',
    );
  section.replaceChildren(title, cards, table, ...notes.map((n) => element('p', { className: 'note', textContent: n })));
}
