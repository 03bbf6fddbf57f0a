import type { StaffingChange } from '../plan/staffToTarget';
import { formatMoney } from './cost';

const paid = (x: number) => `${Math.round(x).toLocaleString('en-US')} paid h`;

/**
 * A staffing change as a planner reads it, in the app and the CLI alike:
 * "3,782 paid h → 4,043 paid h (+261 h; cost 6,264.00 EUR more)".
 */
export function staffingChangeLine(before: Omit<StaffingChange, 'agents'>, after: Omit<StaffingChange, 'agents'>): string {
  const delta = after.cost && before.cost ? after.cost.total - before.cost.total : null;
  const money =
    delta === null || !after.cost
      ? ''
      : `; cost ${formatMoney(Math.abs(delta), after.cost.currency)} ${delta >= 0 ? 'more' : 'less'}`;
  const hours = after.paidHours - before.paidHours;
  return `${paid(before.paidHours)} → ${paid(after.paidHours)} (${hours >= 0 ? '+' : '−'}${Math.abs(Math.round(hours)).toLocaleString('en-US')} h${money})`;
}
