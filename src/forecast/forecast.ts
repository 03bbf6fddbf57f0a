import { type Calendar, dayKind } from './calendar';
import { factorForecast } from './factor';
import { cutoff, dayTotal, type History } from './history';
import { MIN_INTERVAL_DAYS } from './intervals';
import { type DayForecast, forecastAht, forecastNormalDay, type Method } from './methods';

/** Weight, in earlier-day equivalents, that pulls a learned per-interval ratio towards 1 (no effect). */
const RATIO_PRIOR_DAYS = 1;

export interface SpecialEffect {
  kind: string;
  /** the calendar's name of the day (null for an inferred day after) */
  name: string | null;
  /** the earlier days of this kind the effect was learned from */
  learnedFrom: string[];
  /** false when no earlier day of the kind exists, or earlier days of the kind forecast better without it */
  applied: boolean;
  /** why it is applied or not, in words */
  note: string;
  /** day total ÷ the unadjusted forecast's total */
  uplift: number;
}

export interface Forecast extends DayForecast {
  method: Method;
  special: SpecialEffect | null;
  /** AHT per slot, s, where the history has AHT */
  aht: Float64Array | null;
}

/**
 * Forecasts of one history under one calendar, remembered by method and
 * date: a backtest asks for the same earlier special days many times.
 */
export interface Forecaster {
  forecast(day: string, method: Method): Forecast | null;
}

export function forecaster(h: History, calendar: Calendar): Forecaster {
  const bases = new Map<string, DayForecast | null>();
  const finals = new Map<string, Forecast | null>();
  const errorsOf = new Map<string, number[] | null>();
  const memo = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  /** The method's forecast before any special-day effect (the factor model's includes its calendar flags). */
  const base = (method: Exclude<Method, 'combination'>, day: string): DayForecast | null =>
    memo(bases, `${method} ${day}`, () =>
      method === 'factorModel' ? factorForecast(h, day, calendar) : forecastNormalDay(h, day, method, calendar),
    );

  /**
   * The effect of a special kind on `day`, learned from the earlier days of
   * that kind as Σ actual ÷ Σ unadjusted forecast per interval (so level and
   * shape relative to each day's own forecast), and applied only if, on those
   * earlier days, each forecast with the effect learned from the days before
   * it beat the unadjusted one.
   */
  const effect = (method: Exclude<Method, 'combination'>, day: string, kind: string, raw: DayForecast) => {
    const earlier: { date: string; actual: Float64Array; base: DayForecast }[] = [];
    for (let d = 0; d < cutoff(h, day); d++) {
      const date = h.dates[d];
      if (dayKind(date, calendar) !== kind || !(dayTotal(h.calls[d]) > 0)) continue;
      const b = base(method, date);
      if (b) earlier.push({ date, actual: h.calls[d], base: b });
    }
    const ratios = (upTo: number) => {
      const r = new Float64Array(h.slots);
      for (let i = 0; i < h.slots; i++) {
        let actual = 0;
        let forecast = 0;
        for (let t = 0; t < upTo; t++) {
          const a = earlier[t].actual[i];
          if (Number.isNaN(a)) continue;
          actual += a;
          forecast += earlier[t].base.calls[i];
        }
        const prior = (RATIO_PRIOR_DAYS * forecast) / upTo;
        r[i] = forecast > 0 ? (actual + prior) / (forecast + prior) : 1;
      }
      return r;
    };
    let withEffect = 0;
    let without = 0;
    for (let t = 1; t < earlier.length; t++) {
      const r = ratios(t);
      earlier[t].actual.forEach((a, i) => {
        if (Number.isNaN(a)) return;
        withEffect += Math.abs(a - earlier[t].base.calls[i] * r[i]);
        without += Math.abs(a - earlier[t].base.calls[i]);
      });
    }
    const learnedFrom = earlier.map((e) => e.date);
    const name = calendar.days.get(day)?.name ?? null;
    const none = (note: string) => ({ calls: raw.calls, special: { kind, name, learnedFrom, applied: false, note, uplift: 1 } });
    if (earlier.length === 0) return none(`no earlier ${kind} day in the history: no effect learned`);
    if (earlier.length === 1) return none(`one earlier ${kind} day: too few to show an effect helps, none applied`);
    if (!(withEffect < without)) return none(`earlier ${kind} days were forecast better without an effect, none applied`);
    const r = ratios(earlier.length);
    const calls = raw.calls.map((v, i) => v * r[i]);
    const total = calls.reduce((a, b) => a + b, 0);
    const uplift = raw.total > 0 ? total / raw.total : 1;
    const note = `× ${uplift.toFixed(2)} learned from ${earlier.length} earlier ${kind} days`;
    return { calls, special: { kind, name, learnedFrom, applied: true, note, uplift } };
  };

  const forecast = (day: string, method: Method): Forecast | null =>
    memo(finals, `${method} ${day}`, () => {
      const aht = forecastAht(h, day, calendar);
      if (method === 'combination') return combine(day, aht);
      const raw = base(method, day);
      if (!raw) return null;
      const kind = dayKind(day, calendar);
      if (kind === 'normal') return { ...raw, method, special: null, aht };
      const { calls, special } = effect(method, day, kind, raw);
      return { calls, total: calls.reduce((a, b) => a + b, 0), method, special, aht };
    });
  /**
   * The combination: factor model and Holt–Winters weighted by the inverse of
   * each one's squared error per interval on earlier days of the same kind
   * (all earlier days where fewer than MIN_INTERVAL_DAYS; equal weights with none).
   */
  const squaredErrors = (d: number) =>
    memo(errorsOf, h.dates[d], () => {
      const [a, b] = [forecast(h.dates[d], 'factorModel'), forecast(h.dates[d], 'holtWinters')];
      if (!a || !b || !(dayTotal(h.calls[d]) > 0)) return null;
      const sse = [0, 0];
      h.calls[d].forEach((x, i) => {
        if (Number.isNaN(x)) return;
        sse[0] += (x - a.calls[i]) ** 2;
        sse[1] += (x - b.calls[i]) ** 2;
      });
      return sse;
    });
  const combine = (day: string, aht: Float64Array | null): Forecast | null => {
    const [f, g] = [forecast(day, 'factorModel'), forecast(day, 'holtWinters')];
    if (!f || !g) return null;
    const kind = dayKind(day, calendar);
    const errors = (sameKind: boolean) => {
      const sse = [0, 0];
      let days = 0;
      for (let d = 0; d < cutoff(h, day); d++) {
        if (sameKind && dayKind(h.dates[d], calendar) !== kind) continue;
        const e = squaredErrors(d);
        if (!e) continue;
        days++;
        sse[0] += e[0];
        sse[1] += e[1];
      }
      return { sse, days };
    };
    const own = errors(true);
    const { sse } = own.days >= MIN_INTERVAL_DAYS ? own : errors(false);
    const w = sse[0] + sse[1] > 0 ? sse[1] / (sse[0] + sse[1]) : 0.5;
    const calls = f.calls.map((v, i) => w * v + (1 - w) * g.calls[i]);
    return { calls, total: w * f.total + (1 - w) * g.total, method: 'combination', special: f.special ?? g.special, aht };
  };
  return { forecast };
}

/**
 * The forecast of `day` by `method`. Special days start from the method's
 * forecast and take the effect learned for their kind (see forecaster).
 */
export function forecastDay(h: History, day: string, method: Method, calendar: Calendar): Forecast | null {
  return forecaster(h, calendar).forecast(day, method);
}
