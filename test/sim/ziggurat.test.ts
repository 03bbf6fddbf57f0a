import { describe, expect, it } from 'vitest';
import { replicationRng } from '../../src/sim';
import { exponential, standardNormal } from '../../src/sim/ziggurat';

const N = 2_000_000;
const R = 3.442619855899; // where the normal ziggurat's tail starts

/** Φ by Simpson's rule on the density: exact to about 1e-12 here. */
function normalCdf(x: number): number {
  if (x < 0) return 1 - normalCdf(-x);
  const steps = 2000;
  const h = x / steps;
  const f = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(x);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return 0.5 + (s * h) / 3;
}

/** Kolmogorov–Smirnov distance between the sorted sample and the CDF. */
function ksDistance(sorted: Float64Array, cdf: (x: number) => number, points = 4000): number {
  let d = 0;
  for (let k = 1; k < points; k++) {
    const i = Math.floor((k * sorted.length) / points);
    d = Math.max(d, Math.abs(cdf(sorted[i]) - i / sorted.length));
  }
  return d;
}

/** How many draws exceed x, against its binomial expectation: a z-score. */
function tailZ(sorted: Float64Array, x: number, p: number): number {
  let above = 0;
  for (const v of sorted) if (v > x) above++;
  return (above - N * p) / Math.sqrt(N * p * (1 - p));
}

describe('ziggurat variates have exactly the distribution named', () => {
  it('exponential: the CDF everywhere (KS at the 1 % level), the tail past the base strip, never 0', () => {
    const rng = replicationRng(2026, 0);
    const xs = Float64Array.from({ length: N }, () => exponential(rng)).sort();
    expect(xs[0]).toBeGreaterThan(0);
    expect(ksDistance(xs, (x) => 1 - Math.exp(-x))).toBeLessThan(1.63 / Math.sqrt(N));
    // 7.697 is where the ziggurat's tail starts; 3 and 12 are inside the strips and deep in the tail.
    for (const x of [0.01, 1, 3, 7.697117470131487, 9, 12]) expect(Math.abs(tailZ(xs, x, Math.exp(-x)))).toBeLessThan(4.5);
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    expect(Math.abs(mean - 1)).toBeLessThan(4.5 / Math.sqrt(N));
  });

  it('normal: the CDF everywhere, both tails past the base strip and their shape, symmetric, variance 1', () => {
    const rng = replicationRng(2027, 0);
    const zs = Float64Array.from({ length: N }, () => standardNormal(rng)).sort();
    expect(ksDistance(zs, normalCdf)).toBeLessThan(1.63 / Math.sqrt(N));
    for (const x of [-4, -R, -1, 0, 0.5, 2, R, 4.2]) {
      expect(Math.abs(tailZ(zs, x, 1 - normalCdf(x)))).toBeLessThan(4.5);
    }
    const variance = zs.reduce((a, z) => a + z * z, 0) / N;
    expect(Math.abs(variance - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    // Past r the draws come from the tail's own rejection sampler: their mean excess over r is φ(r) ÷ (1 − Φ(r)) − r.
    const excess: number[] = [];
    while (excess.length < 4000) {
      const z = Math.abs(standardNormal(rng));
      if (z > R) excess.push(z - R);
    }
    const exact = Math.exp(-0.5 * R * R) / Math.sqrt(2 * Math.PI) / (1 - normalCdf(R)) - R;
    const mean = excess.reduce((a, b) => a + b, 0) / excess.length;
    const sd = Math.sqrt(excess.reduce((a, b) => a + (b - mean) ** 2, 0) / (excess.length - 1));
    expect(Math.abs(mean - exact)).toBeLessThan((4 * sd) / Math.sqrt(excess.length));
  });

  it('draws differ between replications and repeat for the same one', () => {
    const a = replicationRng(5, 3);
    const b = replicationRng(5, 3);
    const c = replicationRng(5, 4);
    const first = [exponential(a), standardNormal(a)];
    expect([exponential(b), standardNormal(b)]).toEqual(first);
    expect([exponential(c), standardNormal(c)]).not.toEqual(first);
  });
});
