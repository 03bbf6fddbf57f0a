import { type ErlangAResult, erlangA } from './erlangA';

/** Erlang A with finite lines and callers who redial after a busy signal or abandoning. */
export interface ErlangXInput {
  agents: number;
  /** first attempts per second, λ₀ */
  firstAttemptRate: number;
  ahtSeconds: number;
  patienceSeconds: number;
  targetSeconds: number;
  /** lines (trunks), ≥ agents; unlimited if omitted */
  lines?: number;
  /** share r of blocked and abandoned calls that are dialled again, in [0, 1) */
  redialShare: number;
}

export interface ErlangXResult extends ErlangAResult {
  /** λ: first attempts plus redials, calls per second */
  arrivalRate: number;
  /** redials per second, λ − λ₀ */
  redialRate: number;
  /** fixed-point iterations used */
  iterations: number;
}

/**
 * Erlang X (after Koole): the arrival rate including redials is the least
 * fixed point of λ = λ₀ + r·λ·(P_block(λ) + P_abandon(λ)).
 *
 * The right side is increasing in λ and bounded by λ₀ + r·λ, so plain
 * iteration from λ₀ rises monotonically to the least fixed point, below
 * λ₀/(1−r). Redials are treated as fresh Poisson arrivals (the usual
 * steady-state reading; the simulation checks it with real redial delays).
 */
export function erlangX(input: ErlangXInput): ErlangXResult {
  const { firstAttemptRate, redialShare } = input;
  let lambda = firstAttemptRate;
  for (let iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
    const result = erlangA({ ...input, arrivalRate: lambda });
    const next = firstAttemptRate + redialShare * lambda * (result.pBlock + result.pAbandon);
    if (Math.abs(next - lambda) <= 1e-12 * next) {
      return { ...result, arrivalRate: lambda, redialRate: lambda - firstAttemptRate, iterations };
    }
    lambda = next;
  }
  throw new RangeError(`redialShare: the redial fixed point did not settle in ${MAX_ITERATIONS} steps; lower the redial share`);
}

const MAX_ITERATIONS = 10_000;
