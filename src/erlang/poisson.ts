/**
 * The Poisson term π_x(A) = e^{−A}·A^x / Γ(x+1) in O(1) with full relative
 * precision, by Loader's saddle-point expansion (as R's dpois computes it):
 * π_x(A) = e^{−stirlerr(x) − bd0(x, A)} / √(2πx). Both parts are small,
 * accurately computed numbers, so no digits are lost to the huge, nearly
 * cancelling x·ln A, A and ln Γ(x+1) of the textbook formula.
 */

import { logGamma } from './special';

const LOG_TWO_PI = Math.log(2 * Math.PI);
const NEGATIVE_INFINITY = Number.NEGATIVE_INFINITY;

// Stirling's series coefficients B_2k / (2k(2k−1)).
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;
const S5 = 691 / 360360;
const S6 = 1 / 156;

/**
 * ln Γ(x+1) − (x + ½)·ln x + x − ½·ln 2π, the error of Stirling's formula, for x ≥ 15.
 * The series errs by less than its next term, S7/x^15 < 1e-19 there; one formula for
 * every x (R switches to fewer terms for large x) keeps it branch-free.
 */
export function stirlerr(x: number): number {
  const r = 1 / (x * x);
  return (S0 - (S1 - (S2 - (S3 - (S4 - (S5 - S6 * r) * r) * r) * r) * r) * r) / x;
}

/**
 * x·ln(x/A) + A − x ≥ 0, the deviance of a Poisson count x from its mean A,
 * without the cancellation of that formula when x is near A: there it sums
 * the series 2x·Σ v^{2j+1}/(2j+1) − (x−A), v = (x−A)/(x+A), term by term.
 * R uses the series for |v| < 0.1; it is used here up to |v| < 0.5 (A/3 < x < 3A,
 * at most ~28 terms), where the direct formula would lose the last digits
 * of a large deviance to the cancellation of A − x against x·ln(x/A).
 */
export function bd0(x: number, a: number): number {
  if (Math.abs(x - a) < 0.5 * (x + a)) {
    let v = (x - a) / (x + a);
    let s = (x - a) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / a) + a - x;
}

/** π_x(A) = e^{−A}·A^x / Γ(x+1) for real x ≥ 15 and A > 0, to a few ulps times |ln π|. */
export function poissonTerm(x: number, a: number): number {
  return Math.exp(-stirlerr(x) - bd0(x, a) - 0.5 * (LOG_TWO_PI + Math.log(x)));
}

/** stirlerr for any x > 0: below 15 from ln Γ itself, whose terms are small there, so little cancels. */
function stirlerrAny(x: number): number {
  return x >= 15 ? stirlerr(x) : logGamma(x + 1) - (x + 0.5) * Math.log(x) + x - 0.5 * LOG_TWO_PI;
}

/**
 * ln π_x(A) for real x ≥ 0 and A > 0, by the saddle point from x = 15 on: accurate
 * to a few ulps of its own size, where x·ln A − A − ln Γ(x+1) would lose those of A.
 */
export function logPoissonTerm(x: number, a: number): number {
  if (x === 0) return -a;
  if (x < 15) return x * Math.log(a) - a - logGamma(x + 1);
  return -stirlerr(x) - bd0(x, a) - 0.5 * (LOG_TWO_PI + Math.log(x));
}

/**
 * ln P(Y = j) for a negative binomial Y, P(Y = j) = Γ(j+r)/(Γ(r)·j!)·x^j·(1−x)^r
 * (r ≥ 0, 0 ≤ x < 1), by Loader's binomial form as R's dnbinom computes it:
 * P(Y = j) = r/(j+r) · P(Binomial(j+r, 1−x) = r).
 */
export function logNegativeBinomial(j: number, r: number, x: number): number {
  if (r === 0 || x === 0) return j === 0 ? 0 : NEGATIVE_INFINITY;
  // Both forms are computed and one is chosen, so every call runs the same operations.
  const atZero = r * Math.log1p(-x);
  const i = Math.max(j, 1);
  const n = i + r;
  const lc = stirlerrAny(n) - stirlerrAny(r) - stirlerrAny(i) - bd0(r, n * (1 - x)) - bd0(i, n * x);
  const atI = Math.log(r / n) + lc - 0.5 * (LOG_TWO_PI + Math.log(r) + Math.log1p(-r / n));
  return j === 0 ? atZero : atI;
}
