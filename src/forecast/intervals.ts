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
  /** whose errors sized it: "normal days", "closed days", "all special days", "all days" or "Poisson noise only" */
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

const quantile = (sorted: number[], p: number) => quantileSorted(sorted, p) ?? 0;

/** The earlier days whose errors speak for a day of `kind`: that kind, else all special days, else all days. */
function reference(track: TrackDay[], kind: string): { days: TrackDay[]; basis: string } {
  const recent = (days: TrackDay[]) => days.slice(-RECENT_DAYS);
  const same = track.filter((t) => t.kind === kind);
  if (same.length >= MIN_INTERVAL_DAYS) return { days: recent(same), basis: kind === 'normal' ? 'normal days' : `${kind} days` };
  const special = track.filter((t) => t.kind !== 'normal');
  if (kind !== 'normal' && special.length >= MIN_INTERVAL_DAYS) return { days: recent(special), basis: 'all special days' };
  return { days: recent(track), basis: 'all days' };
}

/**
 * An 80 % interval for each interval and the day total of `f`, from the
 * errors of earlier forecasts only (`track`: days before the forecast day,
 * by the same method): per interval the 10th and 90th percentiles of
 * √actual − √forecast among earlier intervals of similar forecast level, for
 * the total those of actual ÷ forecast totals. Days of a special kind use
 * that kind's errors where there are enough of them.
 */
export function predictionInterval(f: DayForecast, track: TrackDay[], kind: string): PredictionInterval {
  const { days, basis } = reference(track, kind);
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
  const bound = (v: number, e: number) => {
    const root = Math.sqrt(v) + e;
    return root > 0 ? root * root : 0;
  };
  ratios.sort((a, b) => a - b);
  return {
    low: f.calls.map((v) => bound(v, binOf(v).low)),
    high: f.calls.map((v) => bound(v, binOf(v).high)),
    totalLow: f.total * quantile(ratios, tail),
    totalHigh: f.total * quantile(ratios, 1 - tail),
    basis,
    days: days.length,
  };
}
