import {
  type CalculatorInput,
  checkNumber,
  DEFAULT_SL_DEFINITION,
  describeRange,
  ERLANG_FIELDS,
  loadProblem,
  type NumberRule,
  type SlDefinition,
} from '../../erlang';

/** A form field: its domain field, how the typed value scales into it (percent → share), its default. */
export interface FieldSpec {
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

export const GROUPS: { title: string; fields: FieldSpec[] }[] = [
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

export const INTERVALS = [15, 30, 60];
export const STORAGE_KEY = 'wfm.calculator.v1';
export const DEFAULT_INTERVAL = '1800';

/** The range a person sees for a field, in the units they type (percent fields shown in %). */
export function displayRule(spec: FieldSpec): NumberRule {
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

/** What the planner typed, by field id (kept as text so a bad value stays as typed). */
export type Stored = Record<string, string>;

/** Reads the typed texts into a calculator input, with each field's problem; no input if any is bad. */
export function readInput(raw: Stored): { input: CalculatorInput | null; problems: Record<string, string> } {
  const values: Record<string, number | undefined> = {};
  const problems: Record<string, string> = {};
  for (const spec of GROUPS.flatMap((g) => g.fields)) {
    const text = (raw[spec.id] ?? spec.fallback).trim();
    if (text === '' && spec.optional) continue;
    const typed = text === '' ? Number.NaN : Number(text);
    const rule = displayRule(spec);
    const problem = text === '' ? `required: ${describeRange(rule)}` : checkNumber(typed, rule);
    if (problem) problems[spec.id] = `${spec.label}: ${problem.replace(/, got .*$/, '')}`;
    else values[spec.field] = typed * (spec.scale ?? 1);
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  const num = (field: string) => values[field] as number;
  // The same load guard as `wfm erlang` (and calculate), shown by the calls field.
  const tooMuch = loadProblem(num('calls'), Number(raw.interval ?? DEFAULT_INTERVAL), num('ahtSeconds'));
  if (tooMuch) return { input: null, problems: { calls: `Calls offered: ${tooMuch.problem.replace(/, got .*$/, '')}` } };
  const input: CalculatorInput = {
    calls: num('calls'),
    intervalSeconds: Number(raw.interval ?? DEFAULT_INTERVAL),
    ahtSeconds: num('ahtSeconds'),
    patienceSeconds: num('patienceSeconds'),
    targetSeconds: num('targetSeconds'),
    slDefinition: (raw.slDefinition ?? DEFAULT_SL_DEFINITION) as SlDefinition,
    targets: {
      serviceLevel: values.serviceLevelTarget,
      maxAsaSeconds: values.maxAsaSeconds,
      maxAbandonRate: values.maxAbandonRate,
      maxOccupancy: values.maxOccupancy,
    },
    shrinkage: num('shrinkage'),
    agents: values.agents,
  };
  return { input, problems };
}
