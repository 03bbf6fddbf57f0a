import type { DayCost } from '../plan/cost';

/** An amount with the scenario's currency: "12,345.67 EUR". */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  const text = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
}

/** The day's cost in one line, with what it is made of. */
export function costLine(c: DayCost): string {
  const m = (x: number | null) => formatMoney(x, c.currency);
  const parts = [`${Math.round(c.paidHours).toLocaleString('en-US')} paid hours ${m(c.wages)}`];
  if (c.overtime > 0) parts.push(`overtime ${m(c.overtime)}`);
  if (c.lines > 0) parts.push(`lines ${m(c.lines)}`);
  if (c.callbackAttempts > 0) parts.push(`callback attempts ${m(c.callbackAttempts)}`);
  return `Cost: ${m(c.total)} (${parts.join(', ')}); ${m(c.perAnsweredCall)} per answered call.`;
}
