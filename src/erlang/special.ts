/**
 * Special functions the Erlang formulas need, written for the argument ranges
 * of contact-center traffic (loads up to ~10^5 Erlangs) at double precision.
 * Logarithms and powers are ./portableMath's, the same bits on every engine: the
 * simulation's Weibull scale comes from logGamma.
 */
import { exp, log } from './portableMath';

const HALF_LOG_TWO_PI = 0.5 * log(2 * Math.PI);

/** log Γ(x) for x > 0: Stirling's series after shifting x to ≥ 15 (error < 1e-15 relative). */
export function logGamma(x: number): number {
  let product = 1;
  while (x < 15) {
    product *= x;
    x += 1;
  }
  const x2 = 1 / (x * x);
  const series = (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 / 1188)))) / x;
  return (x - 0.5) * log(x) - x + HALF_LOG_TWO_PI + series - log(product);
}

/** ψ(x) = d ln Γ(x)/dx for x > 0: the asymptotic series after shifting x to ≥ 15 (error < 1e-15 absolute). */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 15) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  return shift + log(x) - 0.5 / x - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
}

/**
 * e^x · x^(−s) · Γ(s, x), the scaled upper incomplete gamma function, for s in [1, 2).
 * Scaling keeps it finite for loads of thousands of Erlangs, where Γ(s, x) underflows.
 */
export function scaledUpperGamma(s: number, x: number): number {
  if (x < 2) {
    // Γ(s,x) = Γ(s) − γ(s,x), with γ from its power series; no overflow below x = 2.
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= x / (s + n);
      sum += term;
    }
    return exp(x + logGamma(s) - s * log(x)) - sum;
  }
  // Legendre's continued fraction by the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  throw new RangeError(`incomplete gamma did not converge (s=${s}, x=${x})`);
}

/**
 * The continued fraction of the regularized incomplete beta function I_x(a, b)
 * (modified Lentz); I_x(a, b) = x^a (1−x)^b / (a·B(a, b)) · betaContinuedFraction(a, b, x).
 * Converges fast for x < (a + 1) / (a + b + 2).
 */
export function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  throw new RangeError(`incomplete beta did not converge (a=${a}, b=${b}, x=${x})`);
}
