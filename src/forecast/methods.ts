import { type Calendar, dayKind } from './calendar';
import { cutoff, dayTotal, type History, weekday } from './history';

export type Method = 'seasonalNaive' | 'weekdayProfile' | 'holtWinters' | 'factorModel' | 'combination';
export const METHODS: Method[] = ['seasonalNaive', 'weekdayProfile', 'holtWinters', 'factorModel', 'combination'];
/** The methods that forecast a normal day from normal days alone (special days come from their kind's learned effect). */
export type NormalDayMethod = 'seasonalNaive' | 'weekdayProfile' | 'holtWinters';

/** Each method's formula, as the product states it beside its numbers. */
export const METHOD_FORMULAS: Record<Method, string> = {
  seasonalNaive: 'the same weekday one week earlier (the most recent one on record), interval by interval',
  weekdayProfile:
    'day total = least-squares line through the last 8 same-weekday totals, at the target week; × the mean intraday shape of those days',
  holtWinters:
    'day total = Holt–Winters with a multiplicative weekday season on the daily totals (smoothing fitted by one-step error); × the same-weekday intraday shape',
  factorModel:
    '√calls per interval = 4 leading factors of the day × interval matrix, each day’s scores by weighted least squares on weekday, special kind, day-of-month flags and the previous day’s residual',
  combination:
    'factor model and Holt–Winters, weighted by the inverse of each one’s squared error on earlier days of the same kind',
};

/** A forecast of one day: calls per slot. */
export interface DayForecast {
  calls: Float64Array;
  total: number;
}

/** The last `count` normal days with the target's weekday before it, most recent first. */
function sameWeekday(h: History, day: string, count: number, calendar: Calendar): number[] {
  const wd = weekday(day);
  const found: number[] = [];
  for (let d = cutoff(h, day) - 1; d >= 0 && found.length < count; d--) {
    if (weekday(h.dates[d]) === wd && dayKind(h.dates[d], calendar) === 'normal' && !Number.isNaN(dayTotal(h.calls[d])))
      found.push(d);
  }
  return found;
}

/** The mean share of the day's calls in each slot, over the given days. */
function meanShape(h: History, days: number[]): Float64Array {
  const shape = new Float64Array(h.slots);
  for (const d of days) {
    const total = dayTotal(h.calls[d]);
    if (!(total > 0)) continue;
    h.calls[d].forEach((v, i) => {
      if (!Number.isNaN(v)) shape[i] += v / total / days.length;
    });
  }
  const sum = shape.reduce((a, b) => a + b, 0);
  return sum > 0 ? shape.map((v) => v / sum) : shape;
}

/** Least-squares line through (0, y0), (−1, y1), … evaluated one step ahead (x = 1); the mean when fewer than 4 points. */
function trendAhead(totals: number[]): number {
  const n = totals.length;
  const mean = totals.reduce((a, b) => a + b, 0) / n;
  if (n < 4) return mean;
  const xs = totals.map((_, k) => -k);
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - xMean) ** 2, 0);
  const sxy = xs.reduce((a, x, k) => a + (x - xMean) * (totals[k] - mean), 0);
  return Math.max(0, mean + (sxy / sxx) * (1 - xMean));
}

/** Holt–Winters with a multiplicative weekday season over the normal days before `day`; one step ahead. */
function holtWintersTotal(h: History, day: string, calendar: Calendar): number | null {
  const series: [number, number][] = [];
  for (let d = 0; d < cutoff(h, day); d++) {
    const total = dayTotal(h.calls[d]);
    if (!Number.isNaN(total) && dayKind(h.dates[d], calendar) === 'normal') series.push([weekday(h.dates[d]), total]);
  }
  if (series.length < 14) return null;
  const target = weekday(day);
  let best = { sse: Number.POSITIVE_INFINITY, forecast: 0 };
  for (const alpha of [0.1, 0.2, 0.35, 0.5]) {
    for (const beta of [0, 0.05]) {
      for (const gamma of [0.05, 0.15, 0.3]) {
        const run = holtWinters(series, alpha, beta, gamma, target);
        if (run.sse < best.sse) best = run;
      }
    }
  }
  return best.forecast;
}

function holtWinters(series: [number, number][], alpha: number, beta: number, gamma: number, target: number) {
  const start = series.slice(0, 14);
  let level = start.reduce((a, [, y]) => a + y, 0) / start.length;
  let trend = 0;
  const season = new Map<number, number>();
  for (const [wd] of start) {
    const ys = start.filter(([w]) => w === wd).map(([, y]) => y);
    season.set(wd, ys.reduce((a, b) => a + b, 0) / ys.length / level);
  }
  let sse = 0;
  for (const [wd, y] of series.slice(14)) {
    const s = season.get(wd) ?? 1;
    const forecast = (level + trend) * s;
    sse += (y - forecast) ** 2;
    const previous = level;
    level = alpha * (y / s) + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
    season.set(wd, gamma * (y / level) + (1 - gamma) * s);
  }
  return { sse, forecast: Math.max(0, (level + trend) * (season.get(target) ?? 1)) };
}

/**
 * AHT per slot for `day`: the call-weighted mean over the last 8 normal same
 * weekdays (slots without calls take the day's mean); null without AHT data.
 */
export function forecastAht(h: History, day: string, calendar: Calendar): Float64Array | null {
  const aht = h.aht;
  if (!aht) return null;
  const days = sameWeekday(h, day, 8, calendar);
  const work = new Float64Array(h.slots);
  const calls = new Float64Array(h.slots);
  for (const d of days) {
    h.calls[d].forEach((c, i) => {
      if (c > 0 && aht[d][i] > 0) {
        work[i] += c * aht[d][i];
        calls[i] += c;
      }
    });
  }
  const total = calls.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const mean = work.reduce((a, b) => a + b, 0) / total;
  return work.map((w, i) => (calls[i] > 0 ? w / calls[i] : mean));
}

/**
 * A method's forecast of a normal `day` from the history before it; null when
 * the history is too short. Special days are left out of every estimate.
 */
export function forecastNormalDay(h: History, day: string, method: NormalDayMethod, calendar: Calendar): DayForecast | null {
  if (method === 'seasonalNaive') {
    const [last] = sameWeekday(h, day, 1, calendar);
    if (last === undefined) return null;
    const calls = h.calls[last].map((v) => (Number.isNaN(v) ? 0 : v));
    return { calls, total: calls.reduce((a, b) => a + b, 0) };
  }
  const days = sameWeekday(h, day, 8, calendar);
  if (days.length < 2) return null;
  const shape = meanShape(h, days);
  const total =
    method === 'weekdayProfile' ? trendAhead(days.map((d) => dayTotal(h.calls[d]))) : holtWintersTotal(h, day, calendar);
  if (total === null) return null;
  return { calls: shape.map((v) => v * total), total };
}
