import { describe, expect, it } from 'vitest';
import { predictionInterval, type TrackDay } from '../../src/forecast';

/** A backtested day of one interval: `forecast` calls forecast, `ratio` × that happened. */
const day = (kind: string, ratio: number, forecast = 100): TrackDay => ({
  date: '2026-01-01',
  kind,
  actual: Float64Array.from([ratio * forecast]),
  forecast: Float64Array.from([forecast]),
});
const forecastOf = (calls: number) => ({ calls: Float64Array.from([calls]), total: calls });

/** Deterministic uniform draws in [0, 1) (mulberry32). */
function uniform(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('80 % intervals from few earlier days', () => {
  it('take the order statistics at rank p·(n + 1): from 19 days the 2nd and the 18th of them', () => {
    const track = Array.from({ length: 19 }, (_, i) => day('normal', 0.9 + i / 100));
    const band = predictionInterval(forecastOf(1000), track, 'normal');
    expect(band.totalLow).toBeCloseTo(1000 * 0.91, 9);
    expect(band.totalHigh).toBeCloseTo(1000 * 1.07, 9);
  });

  it('cover a new day of the same kind 80 % of the time, even from 12 earlier days', () => {
    const draw = uniform(20261202);
    const normal = () => Math.sqrt(-2 * Math.log(1 - draw())) * Math.cos(2 * Math.PI * draw());
    let inside = 0;
    const trials = 4000;
    for (let k = 0; k < trials; k++) {
      const track = Array.from({ length: 12 }, () => day('normal', Math.exp(0.1 * normal())));
      const band = predictionInterval(forecastOf(1000), track, 'normal');
      const actual = 1000 * Math.exp(0.1 * normal());
      if (actual >= band.totalLow && actual <= band.totalHigh) inside++;
    }
    // Exchangeable draws fall between the 1.3rd and 11.7th of 12 with probability 0.8 exactly (the rank 1 + p·(n − 1) gives 0.69).
    expect(inside / trials).toBeGreaterThan(0.78);
    expect(inside / trials).toBeLessThan(0.82);
  });

  it('a special day with fewer than 5 earlier special days is widened by their errors, in quadrature with Student t', () => {
    const normalDays = Array.from({ length: 19 }, (_, i) => day('normal', 0.9 + i / 100));
    const plain = predictionInterval(forecastOf(1000), normalDays, 'after');
    expect(plain.basis).toBe('days only: no earlier special day, so this day’s own effect is not in it');
    expect(plain.totalHigh).toBeCloseTo(1070, 9);

    const special = [day('after', Math.exp(0.2)), day('observance', Math.exp(-0.1))];
    const band = predictionInterval(forecastOf(1000), [...normalDays, ...special], 'after');
    expect(band.basis).toBe('days, widened by the day-total errors of 2 earlier special days');
    const level = 1.8856 * Math.sqrt((0.2 ** 2 + 0.1 ** 2) / 2); // t(0.9, 2 d.f.) × their root mean square
    const all = [...normalDays.map((d) => d.actual[0] / 100), Math.exp(0.2), Math.exp(-0.1)].sort((a, b) => a - b);
    const rank = (p: number) => {
      const at = p * (all.length + 1) - 1;
      return all[Math.floor(at)] + (at % 1) * (all[Math.floor(at) + 1] - all[Math.floor(at)]);
    };
    expect(band.totalHigh).toBeCloseTo(1000 * Math.exp(Math.hypot(Math.log(rank(0.9)), level)), 9);
    expect(band.totalLow).toBeCloseTo(1000 * Math.exp(-Math.hypot(Math.log(rank(0.1)), level)), 9);
    expect(band.high[0]).toBeGreaterThan(plain.high[0]);
    expect(band.low[0]).toBeLessThan(plain.low[0]);
  });

  it('an open day is not widened by closed days, and normal days never are', () => {
    const normalDays = Array.from({ length: 19 }, (_, i) => day('normal', 0.9 + i / 100));
    const closed = [day('closed', 0.05), day('closed', 0.02)];
    const open = predictionInterval(forecastOf(1000), [...normalDays, ...closed], 'observance');
    expect(open.basis).toMatch(/^days only: no earlier special day/);
    const normal = predictionInterval(forecastOf(1000), [...normalDays, day('after', 2)], 'normal');
    expect(normal.basis).toBe('normal days');
    expect(normal.totalHigh).toBeCloseTo(1070, 9);
  });
});
