import { readTypedNumber } from '../../../format/typed';
import { type EditResult, type Json, parseScenario, setField } from '../../../scenario';
import type { Field } from './fields';

/** The typed text as the field's value: a number (scaled), a choice, null or left out for blank where allowed, else the text as typed so validation names it. */
export function typedValue(f: Field, text: string): unknown {
  if (f.kind === 'text') return text;
  if (f.choices.length > 0) return f.choices.find((c) => String(c) === text) ?? text;
  if (text.trim() === '' && f.nullable) return null;
  if (text.trim() === '' && f.optional) return undefined;
  const number = readTypedNumber(text);
  return number === null ? text : Number((number * (f.scale ?? 1)).toPrecision(12));
}

/** A stored value as the field shows it (a share in per cent). */
export function valueText(f: Field, value: unknown): string {
  if (typeof value === 'number') return String(Number((value / (f.scale ?? 1)).toPrecision(12)));
  return value === null || value === undefined ? '' : String(value);
}

/** Whether two field values are the same value. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The scenario's values with its defaults filled in, where it is valid. */
export function shownScenario(raw: Json): unknown {
  const parsed = parseScenario(raw);
  return parsed.ok ? parsed.scenario : raw;
}

/** The edit a field asks for: its own value schema first, then the whole scenario's rules. */
export function editOf(raw: Json, f: Field, value: unknown): EditResult {
  const own = f.value?.safeParse(value, { reportInput: true });
  if (own && !own.success)
    return { ok: false, errors: [`${f.path}: ${own.error.issues[0].message}, got ${JSON.stringify(value)}`] };
  return setField(raw, f.path, value);
}
