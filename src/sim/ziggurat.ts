/**
 * Standard exponential and normal variates by the ziggurat method (Marsaglia
 * & Tsang, "The Ziggurat Method for Generating Random Variables", 2000):
 * the density is covered by strips of equal area, and about 99 % of draws
 * are one 32-bit number, a table look-up, a comparison and a product, where
 * −ln U or the polar method cost a logarithm (and a square root) each. The
 * rest (the wedges and the tail) are exact by rejection, so the variates
 * have exactly the distribution named, resolved to 2⁻²⁴ of a strip.
 *
 * The strip comes from the low bits of the draw and the point in it from the
 * others, never the same bits (the original shares them, which correlates
 * the two: Doornik, "An Improved Ziggurat Method", 2005).
 */
import { exp, log } from '../erlang/portableMath';
import type { Rng } from './rng';

const EXP_STRIPS = 256;
const EXP_R = 7.697117470131487; // where the exponential's tail starts
const EXP_AREA = 3.949659822581572e-3; // of each strip
const NORMAL_STRIPS = 128;
const NORMAL_R = 3.442619855899;
const NORMAL_AREA = 9.91256303526217e-3;
const SCALE = 2 ** 24; // the point in a strip: 24 bits, unsigned for the exponential, with a sign for the normal

/** Strip i's accept bound (k, against the draw), width per unit (w) and density at its edge (f). */
function strips(count: number, r: number, area: number, density: (x: number) => number, edge: (f: number) => number) {
  const k = new Float64Array(count);
  const w = new Float64Array(count);
  const f = new Float64Array(count);
  const q = area / density(r);
  k[0] = (r / q) * SCALE;
  k[1] = 0;
  w[0] = q / SCALE;
  w[count - 1] = r / SCALE;
  f[0] = 1;
  f[count - 1] = density(r);
  let x = r;
  for (let i = count - 2; i >= 1; i--) {
    const inner = edge(area / x + density(x));
    k[i + 1] = (inner / x) * SCALE;
    x = inner;
    f[i] = density(x);
    w[i] = x / SCALE;
  }
  return { k, w, f };
}

const exponentialStrips = strips(
  EXP_STRIPS,
  EXP_R,
  EXP_AREA,
  (x) => exp(-x),
  (f) => -log(f),
);
const normalStrips = strips(
  NORMAL_STRIPS,
  NORMAL_R,
  NORMAL_AREA,
  (x) => exp(-0.5 * x * x),
  (f) => Math.sqrt(-2 * log(f)),
);

/** A standard exponential variate (mean 1), never 0. */
export function exponential(rng: Rng): number {
  for (;;) {
    const bits = rng.bits();
    const i = bits & (EXP_STRIPS - 1);
    const j = (bits >>> 8) + 0.5;
    const x = j * exponentialStrips.w[i];
    if (j < exponentialStrips.k[i]) return x;
    if (i === 0) return EXP_R - log(rng.next());
    if (exponentialStrips.f[i] + rng.next() * (exponentialStrips.f[i - 1] - exponentialStrips.f[i]) < exp(-x)) return x;
  }
}

/** A standard normal variate (mean 0, variance 1). */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const bits = rng.bits();
    const i = bits & (NORMAL_STRIPS - 1);
    const j = (bits >> 7) + 0.5; // signed: −2²⁴ … 2²⁴
    const x = j * normalStrips.w[i];
    if (Math.abs(j) < normalStrips.k[i]) return x;
    if (i === 0) {
      // The tail beyond r (Marsaglia 1964).
      for (;;) {
        const y = -log(rng.next()) / NORMAL_R;
        if (-2 * log(rng.next()) >= y * y) return j > 0 ? NORMAL_R + y : -NORMAL_R - y;
      }
    }
    if (normalStrips.f[i] + rng.next() * (normalStrips.f[i - 1] - normalStrips.f[i]) < exp(-0.5 * x * x)) return x;
  }
}
