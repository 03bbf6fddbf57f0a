/**
 * A number as a person types it: decimal notation with an optional exponent,
 * a decimal comma ("1,5") or thousands grouped by commas ("12,000" is twelve
 * thousand, never twelve). Anything else (hex, "Infinity", "1e", "-", blank)
 * is not a number, so the field keeps the text and names its range.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readTypedNumber(typed: string): number | null {
  const text = typed.trim();
  const plain = GROUPED.test(text) ? text.replaceAll(',', '') : /^[^,]*,[^,.]*$/.test(text) ? text.replace(',', '.') : text;
  if (!DECIMAL.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}
