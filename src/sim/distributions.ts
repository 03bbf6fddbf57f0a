import { mean as average } from 'd3-array';
import { exp, log } from '../erlang/portableMath';
import { logGamma } from '../erlang/special';
import type { Distribution } from '../scenario';
import type { Rng } from './rng';
import { exponential, standardNormal } from './ziggurat';

/** Draws one duration (seconds) from a scenario distribution. */
export type Sampler = (rng: Rng) => number;

/**
 * A sampler for a duration with the given mean and shape (DESIGN.md §4):
 * exponential; log-normal (shape = σ of ln X); gamma and Weibull (shape = k);
 * deterministic; empirical (observed values rescaled to the mean). Powers and
 * logarithms go through portableMath, never Math or **, so a draw is the same bits on every engine.
 */
export function sampler(d: Pick<Distribution, 'kind' | 'shape' | 'values'>, mean: number): Sampler {
  switch (d.kind) {
    case 'exponential':
      return (rng) => mean * exponential(rng);
    case 'deterministic':
      return () => mean;
    case 'lognormal': {
      const sigma = d.shape ?? 1;
      const mu = log(mean) - (sigma * sigma) / 2;
      return (rng) => exp(mu + sigma * standardNormal(rng));
    }
    case 'gamma': {
      const k = d.shape ?? 1;
      return (rng) => (mean / k) * standardGamma(rng, k);
    }
    case 'weibull': {
      const k = d.shape ?? 1;
      const scale = mean / exp(logGamma(1 + 1 / k));
      return (rng) => scale * exp(log(exponential(rng)) / k);
    }
    case 'empirical': {
      const values = d.values ?? [mean];
      const valuesMean = average(values) ?? 0;
      const factor = valuesMean > 0 ? mean / valuesMean : 0;
      return (rng) => values[Math.floor(rng.next() * values.length)] * factor;
    }
  }
}

/** Gamma(k, 1) by Marsaglia & Tsang (2000), with the k < 1 boost. */
function standardGamma(rng: Rng, k: number): number {
  if (k < 1) return standardGamma(rng, k + 1) * exp(log(rng.next()) / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}
