import { SL_DEFINITION_NAMES } from '../erlang';
import { parseScenario } from '../scenario';
import { element } from './dom';

export type Json = Record<string, unknown>;

/** A form field bound to a JSON path of the scenario; `scale` turns the typed value into the stored one (% → share). */
interface Field {
  path: string;
  label: string;
  unit: string;
  scale?: number;
  /** blank means null (e.g. unlimited lines) */
  blankIsNull?: boolean;
  kind?: 'number' | 'text' | 'checkbox' | 'select';
  /** select options: stored value → what the planner reads */
  options?: Record<string, string>;
  /** shown only when the scenario has this shape */
  when?: (raw: Json) => boolean;
  /** a change that reshapes the scenario (e.g. another callback policy with its own parameters) */
  reshape?: (raw: Json, value: unknown) => Json;
}

export function getAt(raw: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Json)[key] : undefined), raw);
}

/** A copy of `raw` with `value` at `path`, creating objects on the way. */
export function setAt(raw: Json, path: string, value: unknown): Json {
  const [key, ...rest] = path.split('.');
  if (rest.length === 0) return { ...raw, [key]: value };
  const child = raw[key];
  return { ...raw, [key]: setAt(typeof child === 'object' && child !== null ? (child as Json) : {}, rest.join('.'), value) };
}

const isNumberAt = (path: string) => (raw: Json) => typeof getAt(raw, path) === 'number';
const isArrayAt = (path: string) => (raw: Json) => Array.isArray(getAt(raw, path));
const serveMode = (mode: string) => (raw: Json) => (getAt(raw, 'callback.serve.mode') ?? 'idle') === mode;

/** Each callback policy with its own parameters and their defaults. */
const SERVE_DEFAULTS: Record<string, (raw: Json) => Json> = {
  idle: () => ({ mode: 'idle', reserveAgents: 0 }),
  window: (raw) => ({ mode: 'window', from: String(getAt(raw, 'day.open') ?? '08:00') }),
  dedicated: () => ({ mode: 'dedicated', agents: 2 }),
};

const GROUPS: { title: string; fields: Field[]; note?: (raw: Json) => string | null }[] = [
  {
    title: 'Scenario',
    fields: [
      { path: 'name', label: 'Name', unit: '', kind: 'text' },
      { path: 'day.date', label: 'Date', unit: '', kind: 'text' },
      { path: 'day.open', label: 'Opens', unit: 'HH:MM', kind: 'text' },
      { path: 'day.close', label: 'Closes', unit: 'HH:MM', kind: 'text' },
      {
        path: 'intervalMinutes',
        label: 'Interval',
        unit: '',
        kind: 'select',
        options: { 15: '15 min', 30: '30 min', 60: '60 min' },
      },
    ],
  },
  {
    title: 'Demand',
    note: (raw) => (isArrayAt('demand.calls')(raw) ? 'Calls per interval come from the scenario file or a CSV import.' : null),
    fields: [
      { path: 'demand.dailyCalls', label: 'Calls on a normal day', unit: 'calls', when: isNumberAt('demand.dailyCalls') },
      { path: 'demand.uplift', label: 'Peak-day uplift', unit: '×', when: isNumberAt('demand.uplift') },
      { path: 'ahtSeconds', label: 'Average handle time', unit: 's', when: isNumberAt('ahtSeconds') },
    ],
  },
  {
    title: 'IVR',
    fields: [
      { path: 'ivr.lines', label: 'Lines (trunks)', unit: 'lines', blankIsNull: true },
      { path: 'ivr.time.meanSeconds', label: 'Mean time in IVR', unit: 's' },
      { path: 'ivr.containment', label: 'Self-service (containment)', unit: '%', scale: 0.01 },
      { path: 'ivr.escape.share', label: 'IVR failures (escapes)', unit: '%', scale: 0.01 },
      { path: 'ivr.escape.afterSeconds', label: 'Escape after', unit: 's' },
      {
        path: 'ivr.escape.to',
        label: 'Escapes go to',
        unit: '',
        kind: 'select',
        options: { priority: 'the front of the queue', callback: 'a callback offer' },
      },
    ],
  },
  {
    title: 'Queue and patience',
    fields: [
      { path: 'patience.meanSeconds', label: 'Mean patience', unit: 's' },
      { path: 'redial.abandoned.share', label: 'Abandoned who redial', unit: '%', scale: 0.01 },
      { path: 'redial.abandoned.delay.meanSeconds', label: '…after on average', unit: 's' },
      { path: 'redial.blocked.share', label: 'Busy signals who redial', unit: '%', scale: 0.01 },
      { path: 'redial.blocked.delay.meanSeconds', label: '…after on average', unit: 's' },
    ],
  },
  {
    title: 'Callbacks',
    fields: [
      { path: 'callback.enabled', label: 'Offer callbacks', unit: '', kind: 'checkbox' },
      { path: 'callback.offerWhen.waitAboveSeconds', label: 'Offer when wait above', unit: 's' },
      { path: 'callback.acceptance', label: 'Callers who accept', unit: '%', scale: 0.01 },
      {
        path: 'callback.serve.mode',
        label: 'Callbacks are dialled',
        unit: '',
        kind: 'select',
        options: { idle: 'by idle agents', window: 'from a set time', dedicated: 'by dedicated agents' },
        reshape: (raw, mode) => setAt(raw, 'callback.serve', SERVE_DEFAULTS[String(mode)](raw)),
      },
      { path: 'callback.serve.reserveAgents', label: 'Keep free for inbound', unit: 'agents', when: serveMode('idle') },
      { path: 'callback.serve.from', label: 'Dial from', unit: 'HH:MM', kind: 'text', when: serveMode('window') },
      { path: 'callback.serve.agents', label: 'Dedicated agents', unit: 'agents', when: serveMode('dedicated') },
      { path: 'callback.reachProbability', label: 'Attempts that reach', unit: '%', scale: 0.01 },
      { path: 'callback.maxAttempts', label: 'Attempts at most', unit: '' },
      { path: 'callback.retryDelaySeconds', label: 'Retry after', unit: 's' },
      { path: 'callback.deadline', label: 'Deadline', unit: 'HH:MM', kind: 'text' },
    ],
  },
  {
    title: 'Staffing',
    note: (raw) => (isArrayAt('staffing.agents')(raw) ? 'Agents per interval: edit them in the interval table.' : null),
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
  {
    title: 'Simulation',
    fields: [
      { path: 'simulation.replications', label: 'Replications', unit: 'runs' },
      { path: 'simulation.seed', label: 'Random seed', unit: '' },
    ],
  },
];

/**
 * The scenario form, grouped the way a planner thinks. It shows the scenario
 * with its defaults filled in, writes every edit back to the scenario's JSON,
 * and puts each validation error beside its field.
 */
export function scenarioForm(
  form: HTMLFormElement,
  onChange: (raw: Json, reshaped: boolean) => void,
  hints: () => Record<string, string> = () => ({}),
) {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLElement>();
  let raw: Json = {};
  const visible = () => GROUPS.flatMap((g) => g.fields).filter((f) => !f.when || f.when(raw));

  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    const control = e.target as HTMLInputElement | HTMLSelectElement;
    const field = visible().find((f) => f.path === control.dataset.path);
    if (!field) return;
    let value: unknown;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') value = control.checked;
    else if (field.kind === 'text') value = control.value;
    else {
      const text = control.value.trim();
      const number = Number(text);
      value =
        text === '' && field.blankIsNull ? null : text !== '' && Number.isFinite(number) ? number * (field.scale ?? 1) : text;
    }
    raw = field.reshape ? field.reshape(raw, value) : setAt(raw, field.path, value);
    onChange(raw, field.reshape !== undefined);
  });

  return {
    /** Shows a scenario, building the fields it has. */
    show(next: Json): void {
      raw = next;
      const parsed = parseScenario(raw);
      const shown: unknown = parsed.ok ? parsed.scenario : raw;
      inputs.clear();
      errors.clear();
      form.replaceChildren();
      for (const group of GROUPS) {
        const fields = group.fields.filter((f) => !f.when || f.when(raw));
        const fieldset = element('fieldset', {}, [element('legend', { textContent: group.title })]);
        for (const f of fields) fieldset.append(fieldRow(f, getAt(shown, f.path)));
        const note = group.note?.(raw);
        if (note) fieldset.append(element('p', { className: 'note', textContent: note }));
        form.append(fieldset);
      }
    },
    /** Puts each error beside its field; returns the ones no field shows. */
    showErrors(messages: string[]): string[] {
      for (const el of errors.values()) el.replaceChildren();
      for (const control of inputs.values()) control.setAttribute('aria-invalid', 'false');
      const unplaced: string[] = [];
      for (const message of messages) {
        const path = [...errors.keys()].find(
          (p) => message.startsWith(`${p}:`) || message.startsWith(`${p}[`) || message.startsWith(`${p}.`),
        );
        if (path) {
          errors.get(path)?.append(message);
          inputs.get(path)?.setAttribute('aria-invalid', 'true');
        } else unplaced.push(message);
      }
      return unplaced;
    },
  };

  function fieldRow(f: Field, value: unknown): HTMLElement {
    const id = `plan-${f.path.replaceAll('.', '-')}`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'checkbox') {
      control = element('input', { type: 'checkbox', checked: value === true });
    } else if (f.kind === 'select') {
      control = element('select');
      for (const [o, name] of Object.entries(f.options ?? {})) control.append(element('option', { value: o, textContent: name }));
      control.value = String(value);
    } else {
      const text =
        typeof value === 'number'
          ? String(Number((value / (f.scale ?? 1)).toPrecision(12)))
          : value === null || value === undefined
            ? ''
            : String(value);
      control = element('input', { type: 'text', autocomplete: 'off', value: text });
      if (f.kind !== 'text') control.inputMode = 'decimal';
      if (f.blankIsNull) control.placeholder = 'unlimited';
    }
    control.id = id;
    control.dataset.path = f.path;
    const error = element('div', { className: 'error', id: `${id}-error` });
    control.setAttribute('aria-describedby', error.id);
    inputs.set(f.path, control);
    errors.set(f.path, error);
    const box = element('div', { className: 'control' }, [control, element('span', { className: 'unit', textContent: f.unit })]);
    const wide = f.kind === 'select' || f.path === 'name';
    const hint = hints()[f.path];
    const label = element(
      'label',
      { htmlFor: id, textContent: f.label },
      hint ? [element('small', { className: 'data-hint', textContent: hint })] : [],
    );
    return element('div', { className: wide ? 'field wide' : 'field' }, [label, box, error]);
  }
}
