import { type Calendar, dayKind, monthDayFlags } from './calendar';
import { cutoff, dayTotal, type History, weekday } from './history';
import { leadingSubspace, ridgeSolve } from './linalg';
import type { DayForecast } from './methods';

/** Factors kept from the day × interval matrix: enough for weekday and weekend shapes, level and a morning/evening tilt. */
export const FACTORS = 4;
/** Age at which a past day counts half in the fit, days: the level drifts over months. */
export const HALF_LIFE_DAYS = 120;
/** Penalty on a calendar coefficient, in recent-day equivalents: a kind seen once moves the forecast half way. */
const FLAG_PENALTY = 1;
/**
 * Penalty on another factor's previous residual, in recent-day equivalents:
 * a factor follows its own yesterday; a cross effect must be strongly borne
 * out by the data before it moves the forecast.
 */
const CROSS_LAG_PENALTY = 100;

/**
 * The factor model: square-root counts of the days before `day` as a day ×
 * interval matrix, its leading factors (the eigenvectors of the interval ×
 * interval cross-product), each day's factor scores regressed on weekday
 * intercepts, calendar flags (one per special kind, one per day-of-month group)
 * and the previous day's residual scores, by least squares weighted towards
 * recent days; the target's predicted scores back to counts. Null with fewer
 * than four weeks of history.
 */
export function factorForecast(
  h: History,
  day: string,
  calendar: Calendar,
  options: { factors?: number; halfLifeDays?: number; flagPenalty?: number } = {},
): DayForecast | null {
  const halfLife = options.halfLifeDays ?? HALF_LIFE_DAYS;
  const end = cutoff(h, day);
  const rows: number[] = [];
  for (let d = 0; d < end; d++) if (dayTotal(h.calls[d]) > 0) rows.push(d);
  if (rows.length < 28) return null;
  const n = h.slots;
  const dayNumber = (date: string) => Date.parse(`${date}T12:00:00Z`) / 86_400_000;
  const target = dayNumber(day);
  const weights = rows.map((d) => 0.5 ** ((target - dayNumber(h.dates[d])) / halfLife));
  const x = rows.map((d) => h.calls[d].map((v) => (Number.isNaN(v) ? 0 : Math.sqrt(v))));
  const cross = Array.from({ length: n }, () => new Float64Array(n));
  x.forEach((row, r) => {
    const w = weights[r];
    for (let i = 0; i < n; i++) {
      const wi = w * row[i];
      if (wi === 0) continue;
      const out = cross[i];
      for (let j = 0; j < n; j++) out[j] += wi * row[j];
    }
  });
  const k = Math.min(options.factors ?? FACTORS, n);
  const basis = leadingSubspace(cross, k);
  const scores = x.map((row) => basis.map((v) => v.reduce((a, b, i) => a + b * row[i], 0)));

  const kinds = [...new Set(rows.map((d) => dayKind(h.dates[d], calendar)).filter((kd) => kd !== 'normal'))];
  const design = (date: string) => {
    const wd = weekday(date);
    const kd = dayKind(date, calendar);
    return [
      ...Array.from({ length: 7 }, (_, j) => (j === wd ? 1 : 0)),
      ...kinds.map((name) => (name === kd ? 1 : 0)),
      ...monthDayFlags(date, calendar),
    ];
  };
  const base = rows.map((d) => design(h.dates[d]));
  const p = base[0].length;
  const penalty = Array.from({ length: p }, (_, j) => (j < 7 ? 1e-9 : (options.flagPenalty ?? FLAG_PENALTY)));
  const first = ridgeSolve(base, scores, weights, penalty);
  const residual = (r: number) => scores[r].map((s, f) => s - base[r].reduce((a, v, j) => a + v * first[f][j], 0));
  const residuals = rows.map((_, r) => residual(r));
  // The previous record day's residual scores, when it is at most a week before.
  const previous = (r: number, date: string) =>
    r >= 0 && dayNumber(date) - dayNumber(h.dates[rows[r]]) <= 7 ? residuals[r] : new Array<number>(k).fill(0);
  const full = base.map((row, r) => [...row, ...previous(r - 1, h.dates[rows[r]])]);
  const a = [...design(day), ...previous(rows.length - 1, day)];
  const predicted = basis.map((_, f) => {
    const lagPenalty = Array.from({ length: k }, (_, g) => (g === f ? FLAG_PENALTY : CROSS_LAG_PENALTY));
    const [beta] = ridgeSolve(
      full,
      scores.map((sc) => [sc[f]]),
      weights,
      [...penalty, ...lagPenalty],
    );
    return beta.reduce((s, b, j) => s + b * a[j], 0);
  });
  const calls = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const root = basis.reduce((s, v, f) => s + v[i] * predicted[f], 0);
    calls[i] = root > 0 ? root * root : 0;
  }
  return { calls, total: calls.reduce((s, v) => s + v, 0) };
}
