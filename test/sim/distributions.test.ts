import { describe, expect, it } from 'vitest';
import { replicationRng } from '../../src/sim';
import { sampler } from '../../src/sim/distributions';

function moments(draw: () => number, n = 200_000) {
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sum2 += x * x;
  }
  const mean = sum / n;
  return { mean, cv: Math.sqrt(sum2 / n - mean * mean) / mean };
}

describe('duration distributions: the mean as given, the shape as named', () => {
  const rng = replicationRng(11, 0);
  const cases = [
    { d: { kind: 'exponential' as const }, cv: 1 },
    { d: { kind: 'deterministic' as const }, cv: 0 },
    { d: { kind: 'lognormal' as const, shape: 0.8 }, cv: Math.sqrt(Math.exp(0.64) - 1) },
    { d: { kind: 'gamma' as const, shape: 2 }, cv: 1 / Math.sqrt(2) },
    { d: { kind: 'gamma' as const, shape: 0.5 }, cv: Math.sqrt(2) },
    { d: { kind: 'weibull' as const, shape: 2 }, cv: 0.5227 },
    {
      d: { kind: 'empirical' as const, values: [10, 20, 30, 60] },
      cv: Math.sqrt(((10 - 30) ** 2 + (20 - 30) ** 2 + 0 + 30 ** 2) / 4) / 30,
    },
  ];
  for (const { d, cv } of cases) {
    it(`${d.kind}${'shape' in d ? ` (shape ${d.shape})` : ''}: mean 180 s, coefficient of variation ${cv.toFixed(3)}`, () => {
      const draw = sampler(d, 180);
      const m = moments(() => draw(rng));
      expect(m.mean).toBeGreaterThan(180 * 0.99);
      expect(m.mean).toBeLessThan(180 * 1.01);
      expect(m.cv).toBeCloseTo(cv, 1);
    });
  }
});
