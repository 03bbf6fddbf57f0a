import type { z } from 'zod';
import { SL_DEFINITION_NAMES } from '../erlang';
import {
  agentsAllDay,
  ahtForTheDay,
  type EditResult,
  getAt,
  type Json,
  normalDayCalls,
  parseScenario,
  peakDayUplift,
  setField,
} from '../scenario';
import { element } from './dom';
import type { Session } from './state/session';

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
  /** the field's own value schema, where the scenario's allows other shapes too (one value or one per interval) */
  value?: z.ZodType;
}

const isNumberAt = (path: string) => (raw: Json) => typeof getAt(raw, path) === 'number';
const isArrayAt = (path: string) => (raw: Json) => Array.isArray(getAt(raw, path));
const serveMode = (mode: string) => (raw: Json) => (getAt(raw, 'callback.serve.mode') ?? 'idle') === mode;

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
      {
        path: 'demand.dailyCalls',
        label: 'Calls on a normal day',
        unit: 'calls',
        when: isNumberAt('demand.dailyCalls'),
        value: normalDayCalls,
      },
      { path: 'demand.uplift', label: 'Peak-day uplift', unit: '×', when: isNumberAt('demand.uplift'), value: peakDayUplift },
      { path: 'ahtSeconds', label: 'Average handle time', unit: 's', when: isNumberAt('ahtSeconds'), value: ahtForTheDay },
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
      {
        path: 'staffing.agents',
        label: 'Agents on the phones',
        unit: 'agents',
        when: isNumberAt('staffing.agents'),
        value: agentsAllDay,
      },
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

/** Every field of the form with its label, for messages that name a field the way the planner sees it. */
export const FIELDS: Field[] = GROUPS.flatMap((g) => g.fields);

/**
 * A validation message in the planner's words: the field's label instead of
 * its JSON path, and a share's range in per cent where the field is in per cent.
 */
export function fieldMessage(message: string, field?: Field): string {
  const path = /^[\w.[\]]+(?=:)/.exec(message)?.[0] ?? '';
  const f = field ?? FIELDS.find((x) => x.path === path);
  if (!f) return message;
  let text = message.slice(path.length);
  const scale = f.scale;
  if (scale) {
    text = text.replace(
      /from ([\d.]+) to ([\d.]+) \([^)]*\)/,
      (_, a, b) => `from ${Number(a) / scale} to ${Number(b) / scale} %`,
    );
  }
  return `${f.label}${text}`;
}

const draftKey = (id: string, path: string) => `${id}|${path}`;

/** The typed text of a control as the field's value: numbers as numbers, anything else as typed, so validation names it. */
function typedValue(f: Field, control: HTMLInputElement | HTMLSelectElement): unknown {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
  if (f.kind === 'text') return control.value;
  if (f.kind === 'select') return f.path === 'intervalMinutes' ? Number(control.value) : control.value;
  const text = control.value.trim().replace(',', '.');
  if (text === '' && f.blankIsNull) return null;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? Number((number * (f.scale ?? 1)).toPrecision(12)) : control.value;
}

/** The edit a field asks for: its own value schema first, then the whole scenario's rules. */
function editOf(raw: Json, f: Field, value: unknown): EditResult {
  const own = f.value?.safeParse(value, { reportInput: true });
  if (own && !own.success)
    return { ok: false, errors: [`${f.path}: ${own.error.issues[0].message}, got ${JSON.stringify(value)}`] };
  return setField(raw, f.path, value);
}

/**
 * The scenario form, grouped the way a planner thinks. Every keystroke that
 * makes a valid scenario is committed through the session; text that does not
 * stays in its field as a draft with the message beside it, and the scenario
 * (the plan, what is saved) stays at its last valid version.
 */
export function scenarioForm(form: HTMLFormElement, session: Session, hints: () => Record<string, string> = () => ({})) {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLElement>();
  let shape = '';
  const visible = (raw: Json) => FIELDS.filter((f) => !f.when || f.when(raw));

  // A field's edit starts from the scenario as it was when the field was entered, so passing
  // through another valid value while typing (Closes 19:00 on the way to 19:30) loses nothing.
  let base: { path: string; raw: Json } | null = null;
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('focusout', () => {
    base = null;
    session.seal();
  });
  form.addEventListener('input', (e) => {
    const control = e.target as HTMLInputElement | HTMLSelectElement;
    const { id, raw } = session.current();
    const field = visible(raw).find((f) => f.path === control.dataset.path);
    if (!field) return;
    if (base?.path !== field.path) base = { path: field.path, raw };
    const result = editOf(base.raw, field, typedValue(field, control));
    const key = draftKey(id, field.path);
    if (result.ok) session.drafts.delete(key);
    else session.drafts.set(key, { text: control.value, message: fieldMessage(result.errors[0], field) });
    mark(field.path);
    session.commit(result, field.path);
  });

  /** The field's message (a draft's) and its invalid state. */
  const mark = (path: string) => {
    const draft = session.drafts.get(draftKey(session.current().id, path));
    errors.get(path)?.replaceChildren(draft?.message ?? '');
    inputs.get(path)?.setAttribute('aria-invalid', draft ? 'true' : 'false');
  };

  return {
    /** Shows the open scenario, building the fields it has; drafts keep their text. */
    show(): void {
      base = null;
      const { id, raw } = session.current();
      const parsed = parseScenario(raw);
      const shown: unknown = parsed.ok ? parsed.scenario : raw;
      inputs.clear();
      errors.clear();
      form.replaceChildren();
      for (const group of GROUPS) {
        const fields = group.fields.filter((f) => !f.when || f.when(raw));
        const fieldset = element('fieldset', {}, [element('legend', { textContent: group.title })]);
        for (const f of fields)
          fieldset.append(fieldRow(f, session.drafts.get(draftKey(id, f.path))?.text ?? getAt(shown, f.path)));
        const note = group.note?.(raw);
        if (note) fieldset.append(element('p', { className: 'note', textContent: note }));
        form.append(fieldset);
      }
      for (const path of inputs.keys()) mark(path);
      shape = visible(raw)
        .map((f) => f.path)
        .join();
    },
    /** After an edit: rebuilds only when the scenario now has other fields (another callback policy, say). */
    follow(): void {
      const fields = visible(session.current().raw).map((f) => f.path);
      if (fields.join() === shape) return;
      // A draft of a field the scenario no longer has (another callback policy, say) goes with it.
      const { id } = session.current();
      const gone = FIELDS.filter((f) => !fields.includes(f.path) && session.drafts.delete(draftKey(id, f.path)));
      this.show();
      if (gone.length > 0) session.draftsChanged();
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
    error.setAttribute('aria-live', 'polite');
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
