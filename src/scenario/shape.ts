import type { ScenarioError } from './validate';

/**
 * Size limits checked before the schema reads a value, so a hostile or broken
 * file (a list of ten million numbers, arrays nested a million deep) is
 * refused at once: the walk is iterative (no stack to overflow) and stops at
 * the first limit passed. A real scenario is nested 6 deep and holds at most
 * three empirical distributions of 100,000 durations.
 */
export const MAX_DEPTH = 16;
export const MAX_LIST = 100_000;
export const MAX_VALUES = 1_000_000;
/** Longest scenario text: three lists of 100,000 durations, pretty-printed, fit well within it. */
export const MAX_TEXT_CHARS = 20_000_000;

/** The first size limit the value passes, or null. */
export function checkShape(raw: unknown): ScenarioError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: raw, path: '', depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (++values > MAX_VALUES)
      return { path: '(scenario)', message: `holds more than ${MAX_VALUES} values; a scenario has far fewer` };
    if (typeof value !== 'object' || value === null) continue;
    const where = path || '(scenario)';
    if (depth >= MAX_DEPTH)
      return { path: where, message: `nested more than ${MAX_DEPTH} levels deep; a scenario is nested at most 6` };
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST)
        return { path: where, message: `a list of ${value.length} values; at most ${MAX_LIST} allowed` };
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      if (keys.length > MAX_LIST) return { path: where, message: `an object of ${keys.length} fields; a scenario has far fewer` };
      for (const key of keys) {
        stack.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** "path: message", the one line a terminal or a list shows. */
export function formatScenarioError(e: ScenarioError): string {
  return `${e.path}: ${e.message}`;
}

/** "demand.calls[3]" from ["demand", "calls", 3]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** Longest text echoed from a value, so that an error never repeats megabytes of input. */
const ECHO_CHARS = 40;

/**
 * A value as an error message quotes it: short values as JSON, long texts cut,
 * lists and objects by their size, and the infinity JSON.parse makes of 1e999 by name.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN (not a number)';
    if (!Number.isFinite(value)) return `${value > 0 ? '' : '-'}Infinity (a number too large for a double, such as 1e999)`;
    return String(value);
  }
  if (typeof value === 'string') {
    const text = JSON.stringify(value.length > ECHO_CHARS ? value.slice(0, ECHO_CHARS) : value);
    return value.length > ECHO_CHARS ? `${text.slice(0, -1)}…" (${value.length} characters)` : text;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} values`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 4).map((k) => describeValue(k));
    return `an object with ${keys.length > 4 ? `${keys.length} fields: ${shown.join(', ')}, …` : `fields ${shown.join(', ')}`}`;
  }
  return String(value);
}
