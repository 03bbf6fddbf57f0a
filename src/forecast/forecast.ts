import { dayTotal, type History } from './history';
import {
  type DayForecast,
  type DayKind,
  dayKind,
  forecastAht,
  forecastNormalDay,
  METHODS,
  type Method,
  type SpecialDay,
} from './methods';

/** Days of the same kind an effect is learned from when the same named day is not in the history: the most recent ones. */
const RECENT_SPECIAL_DAYS = 4;

export interface SpecialEffect {
  kind: DayKind;
  /** the past special days the effect was learned from */
  learnedFrom: string[];
  /** day total ÷ the method's normal-day forecast (median over those days) */
  uplift: number;
  /** true when the intraday shape was reshaped from those days */
  reshaped: boolean;
}

export interface Forecast extends DayForecast {
  method: Method;
  special: SpecialEffect | null;
  /** AHT per slot, s, where the history has AHT */
  aht: Float64Array | null;
}

/** Calendar lookup by date. */
export function calendarOf(days: SpecialDay[]): Map<string, string> {
  return new Map(days.map((d) => [d.date, d.name]));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * The forecast of `day` by `method`. Special days (a holiday, its eve, the day
 * after) start from the normal-day forecast and take an uplift and intraday
 * shape learned from earlier special days in the history: the same named day
 * (an earlier year) when there is one, otherwise days of the same kind.
 */
export function forecastDay(h: History, day: string, method: Method, calendar: Map<string, string>): Forecast | null {
  const base = forecastNormalDay(h, day, method, calendar);
  if (!base) return null;
  const kind = dayKind(day, calendar);
  const aht = forecastAht(h, day, calendar);
  if (kind === 'normal') return { ...base, method, special: null, aht };
  const name = calendar.get(day);
  const past = h.dates
    .map((date, d) => ({ date, d }))
    .filter(({ date, d }) => date < day && dayKind(date, calendar) === kind && !Number.isNaN(dayTotal(h.calls[d])));
  const sameName = name ? past.filter(({ date }) => calendar.get(date) === name) : [];
  const learned = (sameName.length > 0 ? sameName : past.slice(-RECENT_SPECIAL_DAYS))
    .map(({ date, d }) => {
      const normal = forecastNormalDay(h, date, method, calendar);
      const total = dayTotal(h.calls[d]);
      return normal && normal.total > 0 && total > 0 ? { date, ratio: total / normal.total, values: h.calls[d], total } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  if (learned.length === 0) return { ...base, method, special: { kind, learnedFrom: [], uplift: 1, reshaped: false }, aht };
  // Few examples of a kind say little about the next one: the uplift is shrunk towards 1 (none) by n ÷ (n + 2).
  const shrink = sameName.length > 0 ? 1 : learned.length / (learned.length + 2);
  const uplift = 1 + (median(learned.map((x) => x.ratio)) - 1) * shrink;
  const total = base.total * uplift;
  // The learned shape replaces the normal one for the same named day; for a day of the same kind it is blended half and half.
  const weight = sameName.length > 0 ? 1 : 0.5 * shrink;
  const shape = base.calls.map((v, i) => {
    const learnedShare =
      learned.reduce((a, x) => a + (Number.isNaN(x.values[i]) ? 0 : x.values[i] / x.total), 0) / learned.length;
    const normalShare = base.total > 0 ? v / base.total : 0;
    return weight * learnedShare + (1 - weight) * normalShare;
  });
  const sum = shape.reduce((a, b) => a + b, 0);
  return {
    calls: shape.map((s) => (sum > 0 ? (s / sum) * total : 0)),
    total,
    method,
    special: { kind, learnedFrom: learned.map((x) => x.date), uplift, reshaped: true },
    aht,
  };
}

export interface BacktestScore {
  method: Method;
  /** forecasts made */
  days: number;
  /** Σ|actual − forecast| ÷ Σ actual over every interval of every day forecast */
  wape: number;
  /** mean absolute percentage error of the day totals */
  mapeDay: number;
  /** the same WAPE on special days only (null if none) */
  wapeSpecial: number | null;
  /** the same WAPE on normal days only */
  wapeNormal: number | null;
  /** actual ÷ forecast day totals, for prediction intervals */
  ratios: number[];
}

export interface Backtest {
  scores: BacktestScore[];
  /** the method with the lowest WAPE: suggested, never silently chosen */
  suggested: Method;
}

/**
 * Rolling-origin evaluation: each day of the history after the first
 * `warmupDays` (or those `only` keeps) is forecast from the days before it
 * alone, by every method.
 */
export function backtest(
  h: History,
  calendar: Map<string, string>,
  options: { warmupDays?: number; methods?: Method[]; only?: (date: string) => boolean } = {},
): Backtest {
  const warmup = options.warmupDays ?? 35;
  const methods = options.methods ?? METHODS;
  const scores = methods.map((method) => {
    const sums = { error: 0, actual: 0, specialError: 0, specialActual: 0 };
    const apes: number[] = [];
    const ratios: number[] = [];
    h.dates.forEach((date, d) => {
      if (d < warmup || (options.only && !options.only(date))) return;
      const actual = h.calls[d];
      const total = dayTotal(actual);
      if (!(total > 0)) return;
      const f = forecastDay(h, date, method, calendar);
      if (!f) return;
      let error = 0;
      actual.forEach((a, i) => {
        if (!Number.isNaN(a)) error += Math.abs(a - f.calls[i]);
      });
      sums.error += error;
      sums.actual += total;
      if (f.special) {
        sums.specialError += error;
        sums.specialActual += total;
      }
      apes.push(Math.abs(total - f.total) / total);
      if (f.total > 0) ratios.push(total / f.total);
    });
    const normalActual = sums.actual - sums.specialActual;
    return {
      method,
      days: apes.length,
      wape: sums.error / sums.actual,
      mapeDay: apes.reduce((a, b) => a + b, 0) / apes.length,
      wapeSpecial: sums.specialActual > 0 ? sums.specialError / sums.specialActual : null,
      wapeNormal: normalActual > 0 ? (sums.error - sums.specialError) / normalActual : null,
      ratios,
    };
  });
  const suggested = [...scores].sort((a, b) => a.wape - b.wape)[0].method;
  return { scores, suggested };
}

/** An 80% prediction interval for the day total and each slot, from the backtest's actual ÷ forecast ratios and Poisson noise. */
export function predictionInterval(
  f: Forecast,
  score: BacktestScore,
): { low: Float64Array; high: Float64Array; totalLow: number; totalHigh: number } {
  const sorted = [...score.ratios].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 1);
  const [r10, r90] = [q(0.1), q(0.9)];
  return {
    low: f.calls.map((v) => Math.max(0, v * r10 - 1.2816 * Math.sqrt(v))),
    high: f.calls.map((v) => v * r90 + 1.2816 * Math.sqrt(v)),
    totalLow: f.total * r10,
    totalHigh: f.total * r90,
  };
}
