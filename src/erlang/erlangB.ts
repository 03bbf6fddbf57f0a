import { poissonTerm } from './poisson';
import { scaledUpperGamma } from './special';

/** Below this many agents the recurrence is the faster way, and accurate to a few ulps. */
const RECURRENCE_BELOW = 48;
/** A term this small relative to the sum cannot change it in double precision. */
const NEGLIGIBLE = 2 ** -56;

/**
 * Erlang B: the probability that a call finds all `agents` lines busy under
 * `load` Erlangs of Poisson traffic (M/M/N/N).
 *
 * B = π_N / P(X ≤ N) for X ~ Poisson(A), π_N = P(X = N). Its series are summed
 * outward from N only as far as a term can change the double result: O(1)
 * terms away from critical load, O(√N) near it (about 2,000 at 50,000 agents and
 * load N − √N). Every term is positive (no cancellation) and none forms A^N or N!. Below 48 agents the stable recurrence
 * B(n) = A·B(n−1) / (n + A·B(n−1)) is used instead.
 *
 * Non-integer `agents` give the continuous extension 1/B(x) = A∫e^{−At}(1+t)^x dt,
 * π_x = e^{−A}A^x/Γ(x+1); the recurrence, and the downward sum where it runs
 * to the bottom, start at the fractional part from the incomplete gamma function.
 */
export function erlangB(agents: number, load: number): number {
  if (load === 0) return agents === 0 ? 1 : 0;
  if (agents < RECURRENCE_BELOW) return recurrence(agents, load);
  return load < agents ? fromPoissonTail(agents, load) : 1 / inverseBelow(agents, load);
}

function recurrence(agents: number, load: number): number {
  const whole = Math.floor(agents);
  const fraction = agents - whole;
  let b = erlangBFraction(fraction, load);
  for (let n = 1; n <= whole; n++) {
    const ab = load * b;
    b = ab / (n + fraction + ab);
  }
  return b;
}

/**
 * For A < x: P(X ≤ x) = 1 − P(X > x) = 1 − π_x·S with S = Σ_{k≥1} Π_{i=1}^{k} A/(x+i),
 * terms falling at least as fast as a geometric series of ratio A/(x+k+1) < 1,
 * and P(X > x) below about ½, so the subtraction keeps all but one bit.
 * Four terms share one division: near critical load this loop is the whole cost.
 */
function fromPoissonTail(x: number, a: number): number {
  const pi = poissonTerm(x, a);
  if (pi === 0) return 0; // below the smallest double: B < 2π_x
  const a2 = a * a;
  const a3 = a2 * a;
  const a4 = a2 * a2;
  let term = 1; // Π_{i≤k} A/(x+i) at the last k summed
  let sum = 0;
  for (let k = 0; ; k += 4) {
    const c1 = x + k + 1;
    const c2 = c1 + 1;
    const c3 = c1 + 2;
    const c4 = c1 + 3;
    const c34 = c3 * c4;
    const c12 = c1 * c2;
    const q = term / (c12 * c34);
    term = q * a4;
    sum += q * (a * c2 * c34 + a2 * c34 + a3 * c4) + term;
    // The tail after the fourth term is at most term·r/(1 − r) with r = A/c4, which bounds every later ratio.
    const ratio = a / c4;
    if (term * ratio < NEGLIGIBLE * sum * (1 - ratio)) break;
  }
  return pi / (1 - pi * sum);
}

/**
 * 1/B(x, A) for A ≥ x: R(x) = 1 + (x/A)·R(x−1), unrolled downward,
 * R(x) = Σ_{k<m} t_k + t_m·R(x−m) with t_k = Π_{i<k}(x−i)/A, falling terms.
 * The remainder is at most t_m·A/(A − x + m) (R(y) ≤ A/(A−y)), so the sum
 * stops where that cannot matter, or at the fractional part, where R is exact.
 */
function inverseBelow(x: number, a: number): number {
  const whole = Math.floor(x);
  const perLoad = 1 / a;
  let term = 1;
  let sum = 0;
  for (let m = 0; m < whole; m++) {
    sum += term;
    term *= (x - m) * perLoad;
    if (term * a < NEGLIGIBLE * sum * (a - x + m + 1)) return sum;
  }
  return sum + term / erlangBFraction(x - whole, a);
}

/** B(f, A) for 0 ≤ f < 1: 1/B = A · e^A · A^{−(f+1)} · Γ(f+1, A). */
function erlangBFraction(fraction: number, load: number): number {
  if (fraction === 0) return 1;
  if (load === 0) return 0;
  // For loads near 0 the scaled gamma carries a relative error of ~|ln A|·1e-16; B ≤ 1 by definition.
  return Math.min(1, 1 / (load * scaledUpperGamma(fraction + 1, load)));
}
