import { sum } from 'd3-array';
import type { Scenario } from './schema';

/** Minutes after midnight of an "HH:MM" time. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** "HH:MM" of minutes after midnight. */
export function clockOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

type Day = Pick<Scenario, 'day' | 'intervalMinutes'>;

/** Number of planning intervals between opening and closing. */
export function intervalCount(s: Day): number {
  return Math.floor((minutesOf(s.day.close) - minutesOf(s.day.open)) / s.intervalMinutes);
}

/** Start of each interval, "HH:MM". */
export function intervalStarts(s: Day): string[] {
  const open = minutesOf(s.day.open);
  return Array.from({ length: intervalCount(s) }, (_, i) => clockOf(open + i * s.intervalMinutes));
}

const perInterval = (value: number | number[], n: number) => (Array.isArray(value) ? value : Array(n).fill(value));

/** First-attempt calls per interval: given directly, or daily total × normalised profile × uplift. */
export function callsPerInterval(s: Scenario): number[] {
  const d = s.demand;
  if ('calls' in d) return d.calls;
  const total = sum(d.profile);
  // The share w ÷ total first: weights as small as 1e-323 keep their proportions.
  return d.profile.map((w) => (total > 0 ? d.dailyCalls * d.uplift * (w / total) : 0));
}

export function ahtPerInterval(s: Scenario): number[] {
  return perInterval(s.ahtSeconds, intervalCount(s));
}

export function agentsPerInterval(s: Scenario): number[] {
  return perInterval(s.staffing.agents, intervalCount(s));
}

/** Day of the week, 0 = Sunday, of a YYYY-MM-DD date (calendar arithmetic, no time zones). */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
