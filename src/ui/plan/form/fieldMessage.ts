import { FIELDS, type Field } from './fields';

/** A share bound in per cent: 0.07 as 7 %, not 7.000000000000001 %. */
const inPerCent = (share: string, scale: number) => Number((Number(share) / scale).toPrecision(12));

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
      (_, a, b) => `from ${inPerCent(a, scale)} to ${inPerCent(b, scale)} %`,
    );
  }
  return `${f.label}${text}`;
}
