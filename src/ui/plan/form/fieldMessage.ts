import { FIELDS, type Field } from './fields';

/** A share in per cent: 0.07 as 7, not 7.000000000000001. */
const inPerCent = (share: string, scale: number) => Number((Number(share) / scale).toPrecision(12));

/** Fields named by path inside a message ("must be after day.open"), longest first so no path eats another. */
const NAMED = [...FIELDS].filter((f) => f.path.includes('.')).sort((a, b) => b.path.length - a.path.length);

/**
 * A validation message in the planner's words: the field's label instead of
 * its JSON path (also where the message names another field), and a share's
 * range and value in per cent where the field is in per cent.
 */
export function fieldMessage(message: string, field?: Field): string {
  const path = /^[\w.[\]]+(?=:)/.exec(message)?.[0] ?? '';
  // The field the message is about, which may not be the one edited (Opens at 24:00 makes Closes wrong).
  const f = FIELDS.find((x) => x.path === path) ?? field;
  if (!f) return message;
  let text = message.slice(path.length);
  const scale = f.scale;
  if (scale) {
    text = text
      .replace(/from ([\d.]+) to ([\d.]+) \([^)]*\)/, (_, a, b) => `from ${inPerCent(a, scale)} to ${inPerCent(b, scale)} %`)
      .replace(/, got (-?[\d.]+(?:e[+-]?\d+)?)$/, (_, x) => `, got ${inPerCent(x, scale)}`);
  }
  for (const other of NAMED) text = text.replaceAll(other.path, other.label);
  return `${f.label}${text}`;
}
