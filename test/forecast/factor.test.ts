import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, backtest, calendarOf, predictionInterval, readHistory, weekday } from '../../src/forecast';
import { factorForecast } from '../../src/forecast/factor';
import { leadingSubspace, ridgeSolve } from '../../src/forecast/linalg';

/** A history of `days` days from a Sunday, 8 hourly slots, calls = level(weekday) × shape(slot) × (1 + noise(day, slot)). */
function synthetic(days: number, noise: (d: number, i: number) => number = () => 0) {
  const rows = ['time,calls'];
  for (let d = 0; d < days; d++) {
    const date = addDays('2026-01-04', d);
    const level = [40, 100, 90, 90, 85, 80, 30][weekday(date)];
    for (let i = 0; i < 8; i++) {
      const shape = [0.5, 1, 1.4, 1.2, 1, 0.9, 0.7, 0.3][i];
      rows.push(`${date} ${String(8 + i).padStart(2, '0')}:00,${(level * shape * (1 + noise(d, i))).toFixed(3)}`);
    }
  }
  return readHistory(rows.join('\n'), 60);
}

describe('linear algebra of the factor model', () => {
  it('finds the leading eigenvector subspace of a symmetric matrix', () => {
    const c = [
      [4, 1, 0],
      [1, 3, 0],
      [0, 0, 1],
    ].map((r) => Float64Array.from(r));
    const [v] = leadingSubspace(c, 1);
    const lambda = (7 + Math.sqrt(5)) / 2; // largest eigenvalue of [[4,1],[1,3]]
    const cv = c.map((row) => row.reduce((a, x, j) => a + x * v[j], 0));
    for (const [i, x] of cv.entries()) expect(x).toBeCloseTo(lambda * v[i], 9);
  });

  it('recovers the coefficients of exact linear data (weighted, without penalty)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), (beta) => {
        const a = Array.from({ length: 12 }, (_, r) => [1, Math.sin(r), Math.cos(3 * r)]);
        const y = a.map((row) => [row.reduce((s, x, j) => s + x * beta[j], 0)]);
        const [fit] = ridgeSolve(
          a,
          y,
          a.map((_, r) => 1 + r),
          [0, 0, 0],
        );
        for (const [j, b] of fit.entries()) expect(b).toBeCloseTo(beta[j], 6);
      }),
    );
  });
});

describe('factor model', () => {
  it('forecasts a noiseless weekday × shape history exactly', () => {
    const h = synthetic(70);
    const f = factorForecast(h, '2026-03-15', calendarOf([]));
    if (!f) throw new Error('no forecast');
    const sunday = [0.5, 1, 1.4, 1.2, 1, 0.9, 0.7, 0.3].map((s) => 40 * s);
    for (const [i, v] of [...f.calls].entries()) expect(v).toBeCloseTo(sunday[i], 6);
  });

  it('needs four weeks of history', () => {
    expect(factorForecast(synthetic(27), '2026-02-01', calendarOf([]))).toBeNull();
  });
});

describe('honest intervals', () => {
  it('a day’s forecast and 80 % interval in the backtest never depend on later days', () => {
    const noise = (d: number, i: number) => 0.2 * Math.sin(d * 12.9898 + i * 78.233);
    const h = synthetic(84, noise);
    const changed = synthetic(84, (d, i) => (d >= 70 ? 3 + noise(d, i) : noise(d, i)));
    const cal = calendarOf([]);
    const [a, b] = [backtest(h, cal), backtest(changed, cal)];
    a.scores.forEach((s, k) => {
      const firstDays = (x: typeof s) => x.track.filter((t) => t.date < addDays('2026-01-04', 70));
      const [early, earlyChanged] = [firstDays(s), firstDays(b.scores[k])];
      expect(earlyChanged.map((t) => [...t.forecast])).toEqual(early.map((t) => [...t.forecast]));
      const last = early[early.length - 1];
      const band = predictionInterval({ calls: last.forecast, total: 0 }, early.slice(0, -1), 'normal');
      const bandChanged = predictionInterval({ calls: last.forecast, total: 0 }, earlyChanged.slice(0, -1), 'normal');
      expect([...bandChanged.high]).toEqual([...band.high]);
    });
  });

  it('with no earlier errors falls back to Poisson noise and says so', () => {
    const band = predictionInterval({ calls: Float64Array.from([100]), total: 100 }, [], 'closed');
    expect(band.basis).toBe('Poisson noise only');
    expect(band.low[0]).toBeCloseTo(100 - 1.2816 * 10, 9);
  });
});
