import type { z } from 'zod';
import { PART_TIME_BELOW_MINUTES, type ShiftTemplate, shiftTemplateSchema } from '../../scenario';

type Written = { ok: true; template: ShiftTemplate } | { ok: false; problem: string };

/** A cell of the template table: one field of a template, typed as text, with its limits from the scenario schema. */
export interface TemplateField {
  /** the cell's id part: template-{k}-{key} */
  key: string;
  label: string;
  unit: string;
  /** the field inside a template, as validation names it */
  path: string;
  read: (t: ShiftTemplate) => string;
  /** the template with the typed text as this field, or what is wrong with the text */
  write: (t: ShiftTemplate, text: string) => Written;
  /** where the field is one of a few values: each value's text and how the planner reads it (a select, not typed) */
  choices?: { value: string; label: string }[];
}

type Break = ShiftTemplate['breaks'][number];
type NumberSchema = z.ZodNumber;

const T = shiftTemplateSchema.shape;
const B = T.breaks.unwrap().element.shape;

/** The schema's range in the unit typed: "must be a number from 1 to 16 (h)". */
function rangeOf(schema: NumberSchema, unit: string, scale: number): string {
  const whole = schema.isInt && scale === 1;
  const [min, max] = [(schema.minValue ?? 0) / scale, (schema.maxValue ?? 0) / scale];
  return `must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
}

/** A number field; `scale` turns the typed unit into the stored one (hours → minutes), rounded to the schema's whole units. */
function numberField(
  spec: Omit<TemplateField, 'read' | 'write'> & { schema: NumberSchema; scale?: number; blank?: (t: ShiftTemplate) => Written },
  get: (t: ShiftTemplate) => number | undefined,
  set: (t: ShiftTemplate, value: number) => ShiftTemplate,
): TemplateField {
  const scale = spec.scale ?? 1;
  return {
    key: spec.key,
    label: spec.label,
    unit: spec.unit,
    path: spec.path,
    read: (t) => {
      const v = get(t);
      return v === undefined ? '' : String(v / scale);
    },
    write: (t, text) => {
      const trimmed = text.trim().replace(',', '.');
      if (trimmed === '' && spec.blank) return spec.blank(t);
      const typed = Number(trimmed) * scale;
      const value = scale === 1 ? typed : Math.round(typed);
      const ok = trimmed !== '' && spec.schema.safeParse(value).success;
      return ok ? { ok: true, template: set(t, value) } : { ok: false, problem: rangeOf(spec.schema, spec.unit, scale) };
    },
  };
}

/** A text field checked by its schema (a name, a time of day). */
function textField(key: string, label: string, prop: 'name' | 'earliestStart' | 'latestStart', unit = ''): TemplateField {
  return {
    key,
    label,
    unit,
    path: prop,
    read: (t) => t[prop],
    write: (t, text) => {
      const value = prop === 'name' ? text : text.trim();
      const parsed = T[prop].safeParse(value);
      return parsed.success
        ? { ok: true, template: { ...t, [prop]: value } }
        : { ok: false, problem: parsed.error.issues[0].message };
    },
  };
}

/** The first break, created where there is none: 30 minutes, anywhere in the shift. */
const firstBreak = (t: ShiftTemplate): Break =>
  t.breaks[0] ?? { minutes: 30, paid: false, earliestAfterMinutes: 0, latestAfterMinutes: Math.max(0, t.lengthMinutes - 30) };
const withFirstBreak = (t: ShiftTemplate, patch: Partial<Break>): ShiftTemplate => ({
  ...t,
  breaks: [{ ...firstBreak(t), ...patch }, ...t.breaks.slice(1)],
});
const firstBreakValue = (prop: 'minutes' | 'earliestAfterMinutes' | 'latestAfterMinutes') => (t: ShiftTemplate) =>
  t.breaks[0]?.[prop];

/**
 * Whether the template's shifts count as part-time in the mix
 * (shifts.partTimeShare): by its length unless the planner says.
 */
const partTimeField: TemplateField = {
  key: 'partTime',
  label: 'Part-time',
  unit: '',
  path: 'partTime',
  choices: [
    { value: '', label: `By length (under ${PART_TIME_BELOW_MINUTES / 60} h)` },
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
  read: (t) => (t.partTime === undefined ? '' : t.partTime ? 'yes' : 'no'),
  write: ({ partTime: _, ...t }, text) =>
    text === ''
      ? { ok: true, template: t }
      : text === 'yes' || text === 'no'
        ? { ok: true, template: { ...t, partTime: text === 'yes' } }
        : { ok: false, problem: 'must be yes, no or by length' },
};

/** The template table's columns, in the order a planner fills them. */
export const TEMPLATE_FIELDS: TemplateField[] = [
  textField('name', 'Template', 'name'),
  numberField(
    { key: 'length', label: 'Length', unit: 'h', path: 'lengthMinutes', schema: T.lengthMinutes, scale: 60 },
    (t) => t.lengthMinutes,
    (t, v) => ({ ...t, lengthMinutes: v }),
  ),
  textField('earliest', 'Earliest start', 'earliestStart', 'HH:MM'),
  textField('latest', 'Latest start', 'latestStart', 'HH:MM'),
  numberField(
    {
      key: 'break',
      label: 'First break',
      unit: 'min',
      path: 'breaks[0].minutes',
      schema: B.minutes,
      blank: (t) => ({ ok: true, template: { ...t, breaks: t.breaks.slice(1) } }),
    },
    firstBreakValue('minutes'),
    (t, v) => withFirstBreak(t, { minutes: v }),
  ),
  numberField(
    {
      key: 'breakFrom',
      label: 'Break from',
      unit: 'min in',
      path: 'breaks[0].earliestAfterMinutes',
      schema: B.earliestAfterMinutes,
    },
    firstBreakValue('earliestAfterMinutes'),
    (t, v) => withFirstBreak(t, { earliestAfterMinutes: v }),
  ),
  numberField(
    { key: 'breakTo', label: 'Break to', unit: 'min in', path: 'breaks[0].latestAfterMinutes', schema: B.latestAfterMinutes },
    firstBreakValue('latestAfterMinutes'),
    (t, v) => withFirstBreak(t, { latestAfterMinutes: v }),
  ),
  numberField(
    { key: 'min', label: 'Min agents', unit: 'agents', path: 'minAgents', schema: T.minAgents.unwrap() },
    (t) => t.minAgents,
    (t, v) => ({ ...t, minAgents: v }),
  ),
  numberField(
    {
      key: 'max',
      label: 'Max agents',
      unit: 'agents',
      path: 'maxAgents',
      schema: T.maxAgents.unwrap(),
      blank: ({ maxAgents: _, ...t }) => ({ ok: true, template: t }),
    },
    (t) => t.maxAgents,
    (t, v) => ({ ...t, maxAgents: v }),
  ),
  partTimeField,
];

/** The field names validation uses inside its messages, as the planner reads them. */
const NAMES: Record<string, string> = {
  earliestStart: 'Earliest start',
  latestStart: 'Latest start',
  earliestAfterMinutes: 'Break from',
  latestAfterMinutes: 'Break to',
  minAgents: 'Min agents',
  maxAgents: 'Max agents',
};

/** "shifts.templates[1].breaks[0].latestAfterMinutes: must be at least earliestAfterMinutes (60)…" as "Break to of template 2: must be at least Break from (60)…". */
export function templateMessage(message: string): string {
  const at = /^shifts\.templates\[(\d+)\]\.([\w.[\]]+):/.exec(message);
  const text = (at ? message.slice(at[0].length) : message.replace(/^[\w.[\]]+:/, '')).replace(
    /\b(earliestStart|latestStart|earliestAfterMinutes|latestAfterMinutes|minAgents|maxAgents)\b/g,
    (name) => NAMES[name],
  );
  if (!at) return `Shifts:${text}`;
  const [, index, path] = at;
  const field = TEMPLATE_FIELDS.find((f) => f.path === path);
  const extra = /^breaks\[(\d+)\]/.exec(path);
  const label = field?.label ?? (extra ? `Break ${Number(extra[1]) + 1}` : (NAMES[path] ?? path));
  return `${label} of template ${Number(index) + 1}:${text}`;
}
