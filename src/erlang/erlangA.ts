import { erlangB } from './erlangB';
import { betaContinuedFraction } from './special';

/** An M/M/N+M queue (Erlang A: exponential patience), optionally with a finite number of lines. */
export interface ErlangAInput {
  /** agents, a whole number */
  agents: number;
  /** arrival rate λ, calls per second */
  arrivalRate: number;
  ahtSeconds: number;
  /** mean patience 1/θ, seconds */
  patienceSeconds: number;
  /** service-level threshold T, seconds */
  targetSeconds: number;
  /** lines (trunks): a call that finds this many in system is blocked; default unlimited */
  lines?: number;
}

/**
 * Steady-state metrics. Probabilities are per arriving call (blocked calls
 * included) unless the name says otherwise; with unlimited lines nothing is
 * blocked and "per arrival" = "per offered call".
 */
export interface ErlangAResult {
  load: number;
  erlangB: number;
  /** P(an arrival finds every line busy) */
  pBlock: number;
  /** P(an arrival waits), i.e. finds all agents busy and a line free */
  pWait: number;
  /** P(an arrival abandons) = θ·E[Q]/λ */
  pAbandon: number;
  /** E[Q], callers waiting */
  meanQueue: number;
  /** mean wait over all arrivals that got a line, seconds (Little: E[Q]/λ) */
  meanWaitAll: number;
  /** mean wait of answered calls, seconds (0 when nobody is answered: no agents) */
  asa: number;
  /** P(answered and wait ≤ T), per arrival */
  pServedWithin: number;
  /** P(abandoned and wait ≤ T), per arrival */
  pAbandonWithin: number;
  /** busy agent time / agent time = λ(1 − P(block) − P(abandon)) / (Nμ) */
  occupancy: number;
}

/** How far below its largest term a series is cut off: e^−60 ≈ 1e-26. */
const NEGLIGIBLE = Math.exp(-60);
/** The longest queue the law is summed over before the input is refused. */
const MAX_QUEUE_STATES = 20_000_000;

/**
 * Erlang A, exact: the stationary law of the birth–death chain with birth rate λ
 * and death rate min(j,N)·μ + max(j−N,0)·θ (Garnett, Mandelbaum & Reiman, 2002).
 *
 * The states j ≤ N sum to π_N / B(N, A), from the stable Erlang B recurrence;
 * the queue states are walked as scaled products from their mode, so neither
 * A^N nor N! is ever formed and overloaded cases do not overflow.
 *
 * P(served within t): an arrival finding k callers ahead is served if it
 * advances k+1 places (rates Nμ + iθ, i = k…0) before its own patience runs
 * out. That probability is a/(a+k+1) · I_x(k+1, a+1) with a = Nμ/θ and
 * x = 1 − e^{−θt} (the pure death chain of a+k+1 exponential lives), and
 * I_x(m, b) is the upper tail P(Y ≥ m) of a negative binomial Y. Summing
 * Σ_k w_k·P(Y ≥ k+1) = Σ_j P(Y = j)·Σ_{k<j} w_k adds positive terms only,
 * which avoids the alternating hypoexponential closed form that loses all
 * digits for long queues.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  return erlangAFromB(input, erlangB(input.agents, input.arrivalRate * input.ahtSeconds));
}

/** Erlang A from an already computed B(N, A): a staffing search walks the B recurrence once. */
export function erlangAFromB(input: ErlangAInput, b: number): ErlangAResult {
  const { agents: n, arrivalRate: lambda, ahtSeconds, patienceSeconds, targetSeconds } = input;
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const load = lambda * ahtSeconds;
  const lines = input.lines ?? Number.POSITIVE_INFINITY;
  if (lambda === 0 || b < 1e-290) return noWait(load, b, n);

  // Queue states N+k, k = 0…kBlock (kBlock = lines − N is the blocking state).
  const kBlock = lines - n;
  const ratio = (k: number) => lambda / (n * mu + k * theta);

  // Pass 1: the terms rise while λ ≥ Nμ + kθ, so the largest is at k*; then where they become negligible.
  const kStar = Math.min(kBlock, Math.max(0, Math.floor((lambda - n * mu) / theta)));
  if (kStar > MAX_QUEUE_STATES) throw tooLong();
  const rising = scaledProduct(0, 0);
  for (let k = 1; k <= kStar; k++) rising.times(ratio(k));
  const maxLog = rising.log();
  let kEnd = kStar;
  for (let relative = 1; kEnd < kBlock; kEnd++) {
    relative *= ratio(kEnd + 1);
    if (relative < NEGLIGIBLE) break;
    if (kEnd > MAX_QUEUE_STATES) throw tooLong();
  }

  const logLow = -Math.log(b); // log Σ_{j≤N} π_j/π_N
  const scale = Math.max(maxLog, logLow);
  const lowMass = Math.exp(logLow - scale); // states 0…N, in units of e^scale · π_N

  // Pass 2: normalising sums and the served / abandoned-within-t sums.
  const a = (n * mu) / theta;
  const x = -Math.expm1(-theta * targetSeconds);
  const served = negativeBinomial(a + 1, x); // P(served within t | k ahead) = a/(a+k+1)·P(Y ≥ k+1)
  const advanced = negativeBinomial(a, x); // P(k+1 advances by t, ignoring own patience) = P(Y' ≥ k+1)
  let queueMass = 0; // Σ_{k≥1} π_{N+k}
  let queueLength = 0; // Σ k·π_{N+k}
  let joinMass = 0; // Σ_{k<kBlock} π_{N+k}: arrivals that wait
  let servedMass = 0; // Σ π_{N+k} · a/(a+k+1)
  let servedWaitMass = 0; // Σ π_{N+k} · a/(a+k+1) · E[wait | served, k ahead]
  let harmonic = 0; // Σ_{i=1}^{k+1} 1/(Nμ + iθ)
  let servedWithin = 0;
  let advancedWithin = 0;
  let blockMass = 0;
  const term = scaledProduct(0, scale); // π_{N+k} in units of e^scale · π_N
  for (let k = 0; k <= kEnd; k++) {
    if (k > 0) term.times(ratio(k));
    const p = term.value();
    if (k > 0) {
      queueMass += p;
      queueLength += k * p;
    }
    if (k === kBlock) {
      blockMass = p;
      break;
    }
    // j = k is the first index at which P(Y = j) multiplies the weights of states < k.
    servedWithin += served.step(k) * servedMass;
    advancedWithin += advanced.step(k) * joinMass;
    const pServed = (p * a) / (a + k + 1);
    harmonic += 1 / (n * mu + (k + 1) * theta);
    joinMass += p;
    servedMass += pServed;
    servedWaitMass += pServed * harmonic;
  }
  servedWithin += servedMass * served.tail();
  advancedWithin += joinMass * advanced.tail();

  const total = lowMass + queueMass;
  const pLow = (lowMass * (1 - b)) / total; // arrivals that find an agent free
  const pBlock = blockMass / total;
  const meanQueue = queueLength / total;
  const pAbandon = (theta * meanQueue) / lambda;
  const pServed = pLow + servedMass / total;
  const pServedWithin = pLow + servedWithin / total;
  // A waiting caller has left the queue by t if served/advanced through or out of patience:
  // P(leave by t | k) = x + (1 − x)·P(Y' ≥ k+1).
  const pLeaveWithin = (x * joinMass + (1 - x) * advancedWithin) / total;
  const pAbandonWithin = Math.max(0, pLeaveWithin - servedWithin / total);
  return {
    load,
    erlangB: b,
    pBlock,
    pWait: joinMass / total,
    pAbandon,
    meanQueue,
    meanWaitAll: meanQueue / (lambda * (1 - pBlock)),
    asa: pServed > 0 ? servedWaitMass / total / pServed : 0,
    pServedWithin,
    pAbandonWithin,
    occupancy: n === 0 ? 0 : (lambda * pServed) / (n * mu),
  };
}

function noWait(load: number, b: number, agents: number): ErlangAResult {
  return {
    load,
    erlangB: b,
    pBlock: 0,
    pWait: 0,
    pAbandon: 0,
    meanQueue: 0,
    meanWaitAll: 0,
    asa: 0,
    pServedWithin: 1,
    pAbandonWithin: 0,
    occupancy: agents === 0 ? 0 : load / agents,
  };
}

/**
 * Walks the law of a negative binomial Y, P(Y = j) = C(j+r−1, j)·x^j·(1−x)^r,
 * in log space (its first terms underflow for large r), and gives the tail
 * P(Y > J) at the end from the incomplete beta function, so the walk can stop
 * where the queue law ends however far out Y's own mass lies.
 */
function negativeBinomial(r: number, x: number) {
  let j = -1;
  // r = 0 is the law concentrated at 0 (no agents: nobody ahead is ever served).
  const probability = scaledProduct(r === 0 ? 0 : r * Math.log1p(-x), 0);
  let cumulative = 0;
  return {
    /** P(Y = j) for the next j (must be called with j = 0, 1, 2, …). */
    step(next: number): number {
      while (j < next) {
        j++;
        if (j > 0) probability.times((x * (j + r - 1)) / j);
        cumulative += probability.value();
      }
      return probability.value();
    },
    /** P(Y > J), J the last index stepped to (−1 before the first step). */
    tail(): number {
      if (j < 0) return 1;
      if (r === 0 || x === 0) return 0;
      const alpha = j + 1;
      if (x < (alpha + 1) / (alpha + r + 2)) {
        // x^{J+1}(1−x)^r / B(J+1, r) = x·(J+r)·P(Y = J)
        const front = Math.exp(probability.log() + Math.log(x * (j + r)));
        return (front * betaContinuedFraction(alpha, r, x)) / alpha;
      }
      return Math.max(0, 1 - cumulative);
    },
  };
}

/**
 * A positive number walked through a long product of ratios, kept as m·e^E with
 * m near 1, so it neither overflows nor underflows while the product swings over
 * thousands of orders of magnitude; only a rescaling costs a logarithm.
 * value() is the number divided by e^scale.
 */
function scaledProduct(logStart: number, scale: number) {
  let m = 1;
  let exponent = logStart;
  let factor = Math.exp(exponent - scale);
  return {
    times(ratio: number): void {
      m *= ratio;
      if (m > 1e200 || m < 1e-200) {
        exponent += Math.log(m);
        m = 1;
        factor = Math.exp(exponent - scale);
      }
    },
    value: () => m * factor,
    log: () => Math.log(m) + exponent,
  };
}

function tooLong(): RangeError {
  return new RangeError(
    `patienceSeconds: the queue would exceed ${MAX_QUEUE_STATES} callers; use a shorter patience or more agents`,
  );
}
