import { quantileSorted } from 'd3-array';
import type { DayForecast } from './methods';

/** Central coverage of the prediction intervals. */
export const COVERAGE = 0.8;
/** Fewest earlier days of a kind whose errors size that kind's interval; fewer fall back to all special days, then all days. */
export const MIN_INTERVAL_DAYS = 5;
/** Most recent days of a group that size an interval: errors drift with the season, and older ones cost time. */
const RECENT_DAYS = 120;
/** Bins of the forecast level: the spread of √calls errors grows with the level (the day's level error is multiplicative). */
const LEVEL_BINS = 4;

/** One backtested day: what happened and what was forecast from the days before it. */
export interface TrackDay {
  date: string;
  kind: string;
  actual: Float64Array;
  forecast: Float64Array;
}

export interface PredictionInterval {
  low: Float64Array;
  high: Float64Array;
  totalLow: number;
  totalHigh: number;
  /** whose errors sized it, read after "the errors of N earlier": "normal days", "closed days", "all special days", "all days", "days, widened by …", "days only: no earlier special day …" or "Poisson noise only" */
  basis: string;
  /** how many earlier days */
  days: number;
}

/** Actual ÷ forecast calls of a backtested day (over its slots with records); null when nothing was forecast. */
export function dayRatio(t: TrackDay): number | null {
  let actual = 0;
  let forecast = 0;
  t.actual.forEach((a, i) => {
    if (Number.isNaN(a)) return;
    actual += a;
    forecast += t.forecast[i];
  });
  return forecast > 0 ? actual / forecast : null;
}

/**
 * The value at rank p·(n + 1) of n sorted errors (interpolated, clamped to
 * the extremes): a new error of the same kind falls below it with
 * probability p, where the usual rank 1 + p·(n − 1) would make an interval
 * from few days too narrow (20 days: 72 % instead of 80 %).
 */
function quantile(sorted: number[], p: number): number {
  const n = sorted.length;
  if (n < 2) return sorted[0] ?? 0;
  const at = Math.min(Math.max((p * (n + 1) - 1) / (n - 1), 0), 1);
  return quantileSorted(sorted, at) ?? 0;
}

/**
 * 0.9 quantile of Student's t with 1–4 degrees of freedom: the prediction
 * interval of a draw whose scale is known from only that many earlier days.
 */
const T90 = [Number.NaN, 3.0777, 1.8856, 1.6377, 1.5332];

/** log(actual ÷ forecast) of a backtested day's total, or null. */
const logRatio = (t: TrackDay) => {
  const r = dayRatio(t);
  return r !== null && r > 0 ? Math.log(r) : null;
};

/**
 * The earlier days whose errors speak for a day of `kind`: that kind, else
 * all special days, else all days. In the last case a special day's own
 * effect is missing from those errors, so `widen` carries the day-total log
 * errors of the few earlier special days (open ones for an open day) to
 * widen it by.
 */
function reference(track: TrackDay[], kind: string): { days: TrackDay[]; basis: string; widen: number[] } {
  const recent = (days: TrackDay[]) => days.slice(-RECENT_DAYS);
  const same = track.filter((t) => t.kind === kind);
  if (same.length >= MIN_INTERVAL_DAYS)
    return { days: recent(same), basis: kind === 'normal' ? 'normal days' : `${kind} days`, widen: [] };
  const special = track.filter((t) => t.kind !== 'normal');
  if (kind === 'normal') return { days: recent(track), basis: 'all days', widen: [] };
  if (special.length >= MIN_INTERVAL_DAYS) return { days: recent(special), basis: 'all special days', widen: [] };
  const widen = special
    .filter((t) => kind === 'closed' || t.kind !== 'closed')
    .map(logRatio)
    .filter((r): r is number => r !== null);
  const basis =
    widen.length === 0
      ? 'days only: no earlier special day, so this day’s own effect is not in it'
      : `days, widened by the day-total errors of ${widen.length} earlier special day${widen.length > 1 ? 's' : ''}`;
  return { days: recent(track), basis, widen };
}

/**
 * An 80 % interval for each interval and the day total of `f`, from the
 * errors of earlier forecasts only (`track`: days before the forecast day,
 * by the same method): per interval the 10th and 90th percentiles of
 * √actual − √forecast among earlier intervals of similar forecast level, for
 * the total those of actual ÷ forecast totals. Days of a special kind use
 * that kind's errors where there are enough of them. With fewer than
 * MIN_INTERVAL_DAYS special days in all, the day's unknown effect is an
 * independent error of its level, added in quadrature: its scale the root
 * mean square of those few days' log errors, its quantile Student's t with
 * as many degrees of freedom (no earlier special day: not added, and the
 * basis says so).
 */
export function predictionInterval(f: DayForecast, track: TrackDay[], kind: string): PredictionInterval {
  const { days, basis, widen } = reference(track, kind);
  const level = widen.length > 0 ? T90[widen.length] * Math.sqrt(widen.reduce((a, r) => a + r * r, 0) / widen.length) : 0;
  const tail = (1 - COVERAGE) / 2;
  if (days.length === 0) {
    const z = 1.2816;
    return {
      low: f.calls.map((v) => Math.max(0, v - z * Math.sqrt(v))),
      high: f.calls.map((v) => v + z * Math.sqrt(v)),
      totalLow: Math.max(0, f.total - z * Math.sqrt(f.total)),
      totalHigh: f.total + z * Math.sqrt(f.total),
      basis: 'Poisson noise only',
      days: 0,
    };
  }
  const pairs: [number, number][] = [];
  for (const t of days) {
    t.actual.forEach((a, i) => {
      if (!Number.isNaN(a)) pairs.push([t.forecast[i], Math.sqrt(a) - Math.sqrt(t.forecast[i])]);
    });
  }
  const ratios = days.map(dayRatio).filter((r): r is number => r !== null);
  pairs.sort((a, b) => a[0] - b[0]);
  const bins = Array.from({ length: LEVEL_BINS }, (_, b) => {
    const slice = pairs.slice(Math.floor((b * pairs.length) / LEVEL_BINS), Math.floor(((b + 1) * pairs.length) / LEVEL_BINS));
    const errors = slice.map(([, e]) => e).sort((x, y) => x - y);
    return {
      upTo: slice.length > 0 ? slice[slice.length - 1][0] : Number.POSITIVE_INFINITY,
      low: quantile(errors, tail),
      high: quantile(errors, 1 - tail),
    };
  });
  const binOf = (v: number) => bins.find((b) => v <= b.upTo) ?? bins[bins.length - 1];
  // The level's error (a ratio e^±level) and the measured one add in quadrature: √calls errors per interval, log ratios for the total.
  const outward = (x: number, extra: number, side: 1 | -1) => x + side * (Math.hypot(x, extra) - Math.abs(x));
  const bound = (v: number, e: number, side: 1 | -1) => {
    const root = Math.sqrt(v) + outward(e, Math.sqrt(v) * (Math.exp(level / 2) - 1), side);
    return root > 0 ? root * root : 0;
  };
  const totalBound = (q: number, side: 1 | -1) => (q > 0 ? Math.exp(outward(Math.log(q), level, side)) : 0);
  ratios.sort((a, b) => a - b);
  return {
    low: f.calls.map((v) => bound(v, binOf(v).low, -1)),
    high: f.calls.map((v) => bound(v, binOf(v).high, 1)),
    totalLow: f.total * totalBound(quantile(ratios, tail), -1),
    totalHigh: f.total * totalBound(quantile(ratios, 1 - tail), 1),
    basis,
    days: days.length,
  };
}
