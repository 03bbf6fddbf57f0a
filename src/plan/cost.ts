import { minutesOf } from '../scenario/day';
import type { Scenario } from '../scenario/schema';

/**
 * What a day's staffing costs: paid hours (agents on the phones ÷ (1 − shrinkage)) at the hourly
 * rate, with the highest premium of each interval's window, overtime past the day's paid hours at
 * the normal rate, and per-line and per-callback-attempt costs.
 */
export interface DayCost {
  currency: string;
  paidHours: number;
  /** paid hours at the hourly rate with premiums */
  wages: number;
  /** the extra for overtime hours (multiplier − 1 on the rate) */
  overtime: number;
  lines: number;
  callbackAttempts: number;
  total: number;
  /** total ÷ answered calls; null without answered calls */
  perAnsweredCall: number | null;
}

/** Paid agents (heads on the payroll) per interval for agents on the phones, by the one rounding-free rule. */
export const paidAgents = (agentsOnPhones: number, shrinkage: number) => agentsOnPhones / (1 - shrinkage);

/**
 * The cost of staffing `agents` (on the phones, per interval, dedicated callback agents included)
 * for a scenario; null when the scenario has no cost section. `callbackAttempts` and `answered`
 * come from the plan or a simulation.
 */
export function dayCost(s: Scenario, agents: readonly number[], callbackAttempts: number, answered: number): DayCost | null {
  const c = s.cost;
  if (!c) return null;
  const minutes = s.intervalMinutes;
  const open = minutesOf(s.day.open);
  let paidHours = 0;
  let wages = 0;
  agents.forEach((n, i) => {
    const start = open + i * minutes;
    const premium = c.premiums
      .filter((p) => start < minutesOf(p.to) && start + minutes > minutesOf(p.from))
      .reduce((most, p) => Math.max(most, p.multiplier), 1);
    const hours = paidAgents(n, s.shrinkage) * (minutes / 60);
    paidHours += hours;
    wages += hours * c.hourlyRate * premium;
  });
  const overtime = c.overtime
    ? Math.max(0, paidHours - c.overtime.afterPaidHours) * c.hourlyRate * (c.overtime.multiplier - 1)
    : 0;
  const lines = (s.ivr.lines ?? 0) * c.perLine;
  const attempts = callbackAttempts * c.perCallbackAttempt;
  const total = wages + overtime + lines + attempts;
  return {
    currency: c.currency,
    paidHours,
    wages,
    overtime,
    lines,
    callbackAttempts: attempts,
    total,
    perAnsweredCall: answered > 0 ? total / answered : null,
  };
}

/** Expected dials per callback request that is worked: attempts until reached, at most maxAttempts. */
export function attemptsPerCallback(reachProbability: number, maxAttempts: number): number {
  if (reachProbability <= 0) return maxAttempts;
  return (1 - (1 - reachProbability) ** maxAttempts) / reachProbability;
}
