import { mean as average } from 'd3-array';
import { logGamma } from '../erlang/special';
import type { Distribution } from '../scenario';
import type { Rng } from './rng';

/** Draws one duration (seconds) from a scenario distribution. */
export type Sampler = (rng: Rng) => number;

/**
 * A sampler for a duration with the given mean and shape (DESIGN.md §4):
 * exponential; log-normal (shape = σ of ln X); gamma and Weibull (shape = k);
 * deterministic; empirical (observed values rescaled to the mean).
 */
export function sampler(d: Pick<Distribution, 'kind' | 'shape' | 'values'>, mean: number): Sampler {
  switch (d.kind) {
    case 'exponential':
      return (rng) => -mean * Math.log(rng.next());
    case 'deterministic':
      return () => mean;
    case 'lognormal': {
      const sigma = d.shape ?? 1;
      const mu = Math.log(mean) - (sigma * sigma) / 2;
      const normal = normals();
      return (rng) => Math.exp(mu + sigma * normal(rng));
    }
    case 'gamma': {
      const k = d.shape ?? 1;
      const normal = normals();
      return (rng) => (mean / k) * standardGamma(rng, k, normal);
    }
    case 'weibull': {
      const k = d.shape ?? 1;
      const scale = mean / Math.exp(logGamma(1 + 1 / k));
      return (rng) => scale * (-Math.log(rng.next())) ** (1 / k);
    }
    case 'empirical': {
      const values = d.values ?? [mean];
      const valuesMean = average(values) ?? 0;
      const factor = valuesMean > 0 ? mean / valuesMean : 0;
      return (rng) => values[Math.floor(rng.next() * values.length)] * factor;
    }
  }
}

/**
 * Standard normals by Marsaglia's polar method: each accepted pair of
 * uniforms gives two independent normals, the second kept for the next draw
 * (in a typed array, so keeping it allocates nothing).
 */
function normals(): (rng: Rng) => number {
  const spare = new Float64Array(1);
  let hasSpare = false;
  return (rng) => {
    if (hasSpare) {
      hasSpare = false;
      return spare[0];
    }
    for (;;) {
      const u = 2 * rng.next() - 1;
      const v = 2 * rng.next() - 1;
      const r = u * u + v * v;
      if (r >= 1 || r === 0) continue;
      const f = Math.sqrt((-2 * Math.log(r)) / r);
      spare[0] = v * f;
      hasSpare = true;
      return u * f;
    }
  };
}

/** Gamma(k, 1) by Marsaglia & Tsang (2000), with the k < 1 boost. */
function standardGamma(rng: Rng, k: number, normal: (rng: Rng) => number): number {
  if (k < 1) return standardGamma(rng, k + 1, normal) * rng.next() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
