import type { Calendar } from './calendar';
import { dayKind } from './calendar';
import { type Forecaster, forecaster } from './forecast';
import { dayTotal, type History } from './history';
import { predictionInterval, type TrackDay } from './intervals';
import { METHODS, type Method } from './methods';

/** Share of actual values inside their 80 % interval, on normal and on special days (null where there were none). */
export interface Coverage {
  normal: number | null;
  special: number | null;
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
  /** intervals (per slot) inside their 80 % interval, each sized from the days before it only */
  coverage: Coverage;
  /** day totals inside their 80 % interval, likewise */
  coverageDay: Coverage;
  /** actual ÷ forecast day totals (the risk run draws from them) */
  ratios: number[];
  /** every day forecast, in date order: what the intervals of later days are sized from */
  track: TrackDay[];
}

export interface Backtest {
  scores: BacktestScore[];
  /** the method with the lowest WAPE: suggested, never silently chosen */
  suggested: Method;
}

const share = (inside: number, all: number) => (all > 0 ? inside / all : null);

/**
 * Rolling-origin evaluation: each day of the history after the first
 * `warmupDays` (or those `only` keeps) is forecast from the days before it
 * alone, by every method, and so is its 80 % interval.
 */
export function backtest(
  h: History,
  calendar: Calendar,
  options: {
    warmupDays?: number;
    methods?: Method[];
    only?: (date: string) => boolean;
    /** called after each day of each method: days done so far, of how many */
    onDay?: (done: number, of: number) => void;
    /** forecasts to reuse (and keep for later forecasts of the same history and calendar) */
    forecaster?: Forecaster;
  } = {},
): Backtest {
  const warmup = options.warmupDays ?? 35;
  const methods = options.methods ?? METHODS;
  const make = options.forecaster ?? forecaster(h, calendar);
  const of = methods.length * h.dates.length;
  const scores = methods.map((method, m): BacktestScore => {
    const sums = { error: 0, actual: 0, specialError: 0, specialActual: 0 };
    const cover = { normal: [0, 0], special: [0, 0], normalDay: [0, 0], specialDay: [0, 0] };
    const apes: number[] = [];
    const ratios: number[] = [];
    const track: TrackDay[] = [];
    h.dates.forEach((date, d) => {
      options.onDay?.(m * h.dates.length + d + 1, of);
      if (d < warmup || (options.only && !options.only(date))) return;
      const actual = h.calls[d];
      const total = dayTotal(actual);
      if (!(total > 0)) return;
      const f = make.forecast(date, method);
      if (!f) return;
      const kind = dayKind(date, calendar);
      const band = predictionInterval(f, track, kind);
      const slots = kind === 'normal' ? cover.normal : cover.special;
      let error = 0;
      actual.forEach((a, i) => {
        if (Number.isNaN(a)) return;
        error += Math.abs(a - f.calls[i]);
        slots[1]++;
        if (a >= band.low[i] && a <= band.high[i]) slots[0]++;
      });
      const days = kind === 'normal' ? cover.normalDay : cover.specialDay;
      days[1]++;
      if (total >= band.totalLow && total <= band.totalHigh) days[0]++;
      sums.error += error;
      sums.actual += total;
      if (kind !== 'normal') {
        sums.specialError += error;
        sums.specialActual += total;
      }
      apes.push(Math.abs(total - f.total) / total);
      if (f.total > 0) ratios.push(total / f.total);
      track.push({ date, kind, actual, forecast: f.calls });
    });
    const normalActual = sums.actual - sums.specialActual;
    return {
      method,
      days: apes.length,
      wape: sums.error / sums.actual,
      mapeDay: apes.reduce((a, b) => a + b, 0) / apes.length,
      wapeSpecial: sums.specialActual > 0 ? sums.specialError / sums.specialActual : null,
      wapeNormal: normalActual > 0 ? (sums.error - sums.specialError) / normalActual : null,
      coverage: { normal: share(cover.normal[0], cover.normal[1]), special: share(cover.special[0], cover.special[1]) },
      coverageDay: {
        normal: share(cover.normalDay[0], cover.normalDay[1]),
        special: share(cover.specialDay[0], cover.specialDay[1]),
      },
      ratios,
      track,
    };
  });
  const suggested = [...scores].sort((a, b) => a.wape - b.wape)[0].method;
  return { scores, suggested };
}
