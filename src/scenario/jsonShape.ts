import { describeValue, formatPath } from './shape';
import type { ScenarioError } from './validate';

/**
 * A value against a JSON Schema, for the subset of keywords the scenario
 * schema's generated form uses (`SHAPE_KEYWORDS`): what a worker checks a
 * scenario against without loading the schema library that generated it.
 * Numbers must be finite (what JSON can carry), as the schema library asks.
 */
export type JsonShape = { [keyword: string]: unknown };

/** Every keyword `shapeErrors` reads; a test holds the generated schema to these. */
export const SHAPE_KEYWORDS = [
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'const',
  'enum',
  'anyOf',
  'oneOf',
  'unit',
] as const;

type Path = (string | number)[];

const patterns = new Map<string, RegExp>();
const regex = (source: string) => {
  let re = patterns.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
};

function isType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

const KIND_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
  null: 'null',
  array: 'a list',
  object: 'an object',
};

/** What a shape allows, in the words of the scenario's own messages (with the unit its `unit` note gives). */
function allowed(shape: JsonShape): string {
  if ('const' in shape) return `must be ${JSON.stringify(shape.const)}`;
  if (Array.isArray(shape.enum)) return `must be one of ${shape.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const types = ([] as unknown[]).concat(shape.type ?? []);
  const kind = types.includes('integer')
    ? 'a whole number'
    : types.map((t) => KIND_NAMES[String(t)] ?? String(t)).join(' or ') || 'as the schema says';
  if (typeof shape.minimum === 'number' && typeof shape.maximum === 'number')
    return `must be ${kind} from ${shape.minimum} to ${shape.maximum}${typeof shape.unit === 'string' ? ` (${shape.unit})` : ''}`;
  return `must be ${kind}`;
}

/** Whether the value is of a kind the form allows (a form without `type` allows any). */
function kindFits(form: JsonShape, value: unknown): boolean {
  if ('const' in form) return value === form.const;
  return form.type === undefined || ([] as unknown[]).concat(form.type).some((t) => isType(value, t));
}

/** The form's tag (a field it fixes with `const`) when the value's object does not carry it; null otherwise. */
function tagOf(form: JsonShape, value: unknown): { key: string; shape: JsonShape } | null {
  if (!isType(value, 'object') || typeof form.properties !== 'object' || form.properties === null) return null;
  for (const [key, shape] of Object.entries(form.properties as Record<string, JsonShape>)) {
    if ('const' in shape && (value as Record<string, unknown>)[key] !== shape.const) return { key, shape };
  }
  return null;
}

/** "15, 30 or 60"; "a number from 1 to 86400 (s) or a list". */
function alternatives(options: JsonShape[]): string {
  const each = options.map((o) => ('const' in o ? JSON.stringify(o.const) : allowed(o).replace(/^must be /, '')));
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} or ${each.at(-1)}` : each.join('');
}

function check(shape: JsonShape, value: unknown, path: Path, errors: ScenarioError[]): void {
  const fail = (message: string, at: Path = path) => {
    errors.push({ path: formatPath(at) || '(scenario)', message });
  };
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = shape[key];
    if (!Array.isArray(options)) continue;
    const forms = options as JsonShape[];
    const tags = forms.map((form) => tagOf(form, value));
    // The form the value was meant for: one of its kind (and its tag, for tagged objects), with the fewest complaints.
    let best: ScenarioError[] | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    let fits = 0;
    for (const [f, form] of forms.entries()) {
      const found: ScenarioError[] = [];
      check(form, value, path, found);
      if (found.length === 0) fits++;
      const meant = kindFits(form, value) && tags[f] === null;
      const score = meant ? found.length : Number.POSITIVE_INFINITY;
      if (best === null || score < bestScore) {
        best = found;
        bestScore = score;
      }
    }
    if (key === 'oneOf' && fits > 1) fail('matches more than one of its forms');
    if (fits > 0) continue;
    const tag = tags[0];
    if (tag !== null && tags.every((t) => t !== null && t.key === tag.key)) {
      // Every form is tagged by the same field, and the value carries none of the tags.
      const given = (value as Record<string, unknown>)[tag.key];
      fail(`must be ${alternatives(tags.map((t) => t?.shape as JsonShape))}, got ${describeValue(given)}`, [...path, tag.key]);
    } else if (bestScore === Number.POSITIVE_INFINITY) fail(`must be ${alternatives(forms)}, got ${describeValue(value)}`);
    else if (best !== null) errors.push(...best);
    return;
  }
  if (!kindFits(shape, value) || (Array.isArray(shape.enum) && !shape.enum.includes(value))) {
    fail(`${allowed(shape)}, got ${describeValue(value)}`);
    return;
  }
  if (typeof value === 'number') {
    const { minimum, maximum } = shape;
    if ((typeof minimum === 'number' && value < minimum) || (typeof maximum === 'number' && value > maximum)) {
      fail(`${allowed(shape)}, got ${describeValue(value)}`);
    }
  } else if (typeof value === 'string') {
    if (typeof shape.minLength === 'number' && value.length < shape.minLength)
      fail(`must have at least ${shape.minLength} characters`);
    if (typeof shape.maxLength === 'number' && value.length > shape.maxLength)
      fail(`must have at most ${shape.maxLength} characters`);
    if (typeof shape.pattern === 'string' && !regex(shape.pattern).test(value))
      fail(`must match ${shape.pattern}, got ${describeValue(value)}`);
  } else if (Array.isArray(value)) {
    if (typeof shape.minItems === 'number' && value.length < shape.minItems) fail(`must hold at least ${shape.minItems} values`);
    if (typeof shape.maxItems === 'number' && value.length > shape.maxItems) fail(`must hold at most ${shape.maxItems} values`);
    // A structured clone keeps fields set on a list; JSON and the schema have none.
    for (const key of Object.keys(value)) if (!/^\d+$/.test(key)) fail('unknown field', [...path, key]);
    const items = shape.items as JsonShape | undefined;
    if (items !== undefined) for (const [i, item] of value.entries()) check(items, item, [...path, i], errors);
  } else if (typeof value === 'object' && value !== null) {
    const properties = (shape.properties ?? {}) as Record<string, JsonShape>;
    const record = value as Record<string, unknown>;
    // A field set to undefined is absent, as in JSON (a structured clone keeps it).
    for (const key of (shape.required ?? []) as string[]) if (record[key] === undefined) fail('required', [...path, key]);
    for (const [key, field] of Object.entries(record)) {
      if (field === undefined) continue;
      if (Object.hasOwn(properties, key)) check(properties[key], field, [...path, key], errors);
      else if (shape.additionalProperties === false) fail('unknown field', [...path, key]);
    }
  }
}

/** Every way `value` departs from `shape`, each with its path and what is allowed. */
export function shapeErrors(shape: JsonShape, value: unknown): ScenarioError[] {
  const errors: ScenarioError[] = [];
  check(shape, value, [], errors);
  return errors;
}
