import { scaledUpperGamma } from './special';

/**
 * Erlang B: the probability that a call finds all `agents` lines busy under
 * `load` Erlangs of Poisson traffic (M/M/N/N).
 *
 * Uses the recurrence B(n) = A·B(n−1) / (n + A·B(n−1)), which is stable:
 * each step shrinks the relative rounding error, so the result stays accurate
 * to a few ulps up to 50,000 lines. Never forms A^N or N!.
 *
 * Non-integer `agents` give the continuous extension (1/B(x) = A∫e^{−At}(1+t)^x dt),
 * seeded at the fractional part from the incomplete gamma function.
 */
export function erlangB(agents: number, load: number): number {
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
 * B(n, load) for whole n, remembering every value computed: a staffing search
 * that walks or bisects over n extends one recurrence, O(N) in all, not O(N²).
 */
export function erlangBSequence(load: number): (agents: number) => number {
  const table = [1];
  return (agents) => {
    for (let n = table.length; n <= agents; n++) table.push((load * table[n - 1]) / (n + load * table[n - 1]));
    return table[agents];
  };
}

/** B(f, A) for 0 ≤ f < 1: 1/B = A · e^A · A^{−(f+1)} · Γ(f+1, A). */
function erlangBFraction(fraction: number, load: number): number {
  if (fraction === 0) return 1;
  if (load === 0) return 0;
  // For loads near 0 the scaled gamma carries a relative error of ~|ln A|·1e-16; B ≤ 1 by definition.
  return Math.min(1, 1 / (load * scaledUpperGamma(fraction + 1, load)));
}
