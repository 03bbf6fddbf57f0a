import { clockOf, minutesOf } from './day';

/**
 * Moving per-interval values from one day grid to another (other opening,
 * closing or interval length). Each value is read as a step function over the
 * minutes of the day; a new interval takes the integral over its minutes:
 * counts (calls) as a sum, so the calls inside the kept minutes are kept, and
 * levels (agents, AHT) as a time-weighted mean, so agent-hours are kept.
 */

export interface Grid {
  open: string;
  close: string;
  intervalMinutes: number;
}

/** How a series outside the old day is read: counts are 0 there; levels repeat the nearest interval. */
export type Measure = 'count' | 'level';

/** Weights this small (calls) carry no information and lose precision: the time-weighted mean is used. */
const NO_WEIGHT = 1e-9;

const startsOf = (g: Grid) => {
  const open = minutesOf(g.open);
  const n = Math.floor((minutesOf(g.close) - open) / g.intervalMinutes);
  return Array.from({ length: n }, (_, i) => open + i * g.intervalMinutes);
};

/** Minutes of [a, b) that fall in [c, d). */
const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * `values` on grid `from`, moved to grid `to`. Counts: Σ value × (shared minutes ÷ old length).
 * Levels: Σ value × shared minutes ÷ new length, minutes outside the old day taking the nearest value.
 * With `weights` (e.g. calls, for AHT) a level is weighted by them where they are positive.
 */
export function resample(
  values: readonly number[],
  from: Grid,
  to: Grid,
  measure: Measure,
  weights?: readonly number[],
): number[] {
  const old = startsOf(from);
  if (old.length === 0) return startsOf(to).map(() => 0);
  const oldOpen = old[0];
  const oldClose = old[old.length - 1] + from.intervalMinutes;
  return startsOf(to).map((a) => {
    const b = a + to.intervalMinutes;
    if (measure === 'count') {
      return old.reduce((s, c, i) => s + (values[i] * overlap(a, b, c, c + from.intervalMinutes)) / from.intervalMinutes, 0);
    }
    let weighted = 0;
    let total = 0;
    let plain = 0;
    old.forEach((c, i) => {
      const shared = overlap(a, b, c, c + from.intervalMinutes);
      plain += values[i] * shared;
      const w = weights ? weights[i] * shared : 0;
      weighted += values[i] * w;
      total += w;
    });
    const before = overlap(a, b, Number.NEGATIVE_INFINITY, oldOpen);
    const after = overlap(a, b, oldClose, Number.POSITIVE_INFINITY);
    plain += values[0] * before + values[old.length - 1] * after;
    return total > NO_WEIGHT && before + after === 0 ? weighted / total : plain / to.intervalMinutes;
  });
}

/** The grid's day as "HH:MM–HH:MM, N intervals of M min". */
export function describeGrid(g: Grid): string {
  return `${g.open}–${g.close}, ${startsOf(g).length} intervals of ${g.intervalMinutes} min`;
}

/** The closing time a new interval length needs: the day rounded up to whole intervals, else down (not past 24:00). */
export function closeOnGrid(open: string, close: string, intervalMinutes: number): string {
  const o = minutesOf(open);
  const span = minutesOf(close) - o;
  const up = o + Math.ceil(span / intervalMinutes) * intervalMinutes;
  return clockOf(up <= 24 * 60 ? up : o + Math.floor(span / intervalMinutes) * intervalMinutes);
}
