import { erlangB } from './erlangB';
import { logNegativeBinomial, logPoissonTerm } from './poisson';
import { betaContinuedFraction, digamma } from './special';

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

/** A tail this small relative to the queue's sums cannot change them in double precision. */
const NEGLIGIBLE = 1e-17;
/** The most queue states one evaluation walks before the input is refused. */
const MAX_QUEUE_STATES = 20_000_000;
/** Numbers walked through long products are rescaled outside this range (see `rescaled`). */
const HUGE = 1e200;
const TINY = 1e-200;

/**
 * Erlang A, exact: the stationary law of the birth–death chain with birth rate λ
 * and death rate min(j,N)·μ + max(j−N,0)·θ (Garnett, Mandelbaum & Reiman, 2002).
 *
 * The states j ≤ N sum to π_N / B(N, A), from Erlang B (O(1) to O(√N));
 * the queue states are walked as scaled products, so neither A^N nor N! is
 * ever formed and overloaded cases do not overflow. The queue law rises to its
 * mode k* and falls after it; the walk covers only the states around k* where
 * the rest, bounded by geometric series on both sides, can change a sum:
 * O(√N) states near critical load, O(√(λ/θ)) under overload, however far out k* lies.
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

/** Erlang A from an already computed B(N, A). */
export function erlangAFromB(input: ErlangAInput, b: number): ErlangAResult {
  const { agents: n, arrivalRate: lambda, ahtSeconds, patienceSeconds, targetSeconds } = input;
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const load = lambda * ahtSeconds;
  const lines = input.lines ?? Number.POSITIVE_INFINITY;
  if (lambda === 0 || b < 1e-290) return noWait(load, b, n);

  // Queue states N+k, k = 0…kBlock (kBlock = lines − N is the blocking state), with
  // π_{N+k}/π_N = Π_{i≤k} λ/(Nμ + iθ); the terms rise while λ ≥ Nμ + kθ, so the largest is at k*.
  const nMu = n * mu;
  const a = nMu / theta;
  const kBlock = lines - n;
  const kStar = Math.min(kBlock, Math.max(0, Math.floor((lambda - nMu) / theta)));
  // ln π_{N+k*}/π_N = ln π_{a+k*}(λ/θ) − ln π_a(λ/θ) (Poisson terms, by the saddle point, exactly 0 at k* = 0):
  // a common scale, and where the queue starts its walk below k* the start too, so it must keep its digits.
  const maxLog = logQueueTerm(kStar, a, lambda / theta);
  const logLow = -Math.log(b); // log Σ_{j≤N} π_j/π_N
  const scale = Math.max(maxLog, logLow);
  const lowMass = Math.exp(logLow - scale); // states 0…N, in units of e^scale · π_N

  const x = -Math.expm1(-theta * targetSeconds);
  const { queueMass, queueLength, joinMass, servedMass, servedWaitMass, servedWithin, advancedWithin, blockMass } = walkQueue(
    lambda,
    nMu,
    theta,
    x,
    kBlock,
    kStar,
    scale,
    queueStart(lambda, nMu, theta, x, kStar),
  );

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

/** The sums over queue states N+k that the metrics are made of, in units of e^scale · π_N. */
interface QueueSums {
  /** Σ_{k≥1} π_{N+k} */
  queueMass: number;
  /** Σ k·π_{N+k} */
  queueLength: number;
  /** Σ_{k<kBlock} π_{N+k}: arrivals that wait */
  joinMass: number;
  /** Σ π_{N+k} · a/(a+k+1): waiting arrivals that are served */
  servedMass: number;
  /** Σ π_{N+k} · a/(a+k+1) · E[wait | served, k ahead] */
  servedWaitMass: number;
  /** Σ π_{N+k} · P(served within t | k ahead) */
  servedWithin: number;
  /** Σ π_{N+k} · P(k+1 advances by t | k ahead) */
  advancedWithin: number;
  /** π_{N+kBlock} */
  blockMass: number;
}

/** Where the walk over the queue states starts, and the walked quantities' values there. */
interface QueueStart {
  k: number;
  /** ln π_{N+k}/π_N */
  logTerm: number;
  /** ln P(Y = k), Y ~ NB(a+1, x) */
  logServed: number;
  /** ln P(Y' = k), Y' ~ NB(a, x) */
  logAdvanced: number;
  /** Σ_{i=1}^{k} 1/(Nμ + iθ) = (ψ(a+k+1) − ψ(a+1))/θ */
  harmonic: number;
}

/**
 * Below the mode the terms fall geometrically too (each step down multiplies by (Nμ + kθ)/λ,
 * less and less): the walk starts where the rest below cannot matter, O(√(λ/θ)) states under k*.
 * Every operation here runs at every load (at k* = 0 it gives k = 0 and exact zeros), so an
 * optimizing compiler that has seen only light loads meets nothing new under overload.
 */
function queueStart(lambda: number, nMu: number, theta: number, x: number, kStar: number): QueueStart {
  const a = nMu / theta;
  let k = kStar;
  for (let drop = 1; ; ) {
    const down = (nMu + k * theta) / lambda;
    const further = Math.min(k, (drop * down) / (1 - down)) >= NEGLIGIBLE;
    drop *= down;
    k -= further ? 1 : 0;
    if (kStar - k > MAX_QUEUE_STATES) throw tooLong();
    if (!further) break;
  }
  return {
    k,
    logTerm: logQueueTerm(k, a, lambda / theta),
    logServed: logNegativeBinomial(k, a + 1, x),
    logAdvanced: logNegativeBinomial(k, a, x),
    harmonic: (digamma(a + k + 1) - digamma(a + 1)) / theta,
  };
}

/**
 * One pass over the queue states. Each product (the queue law and two negative binomial
 * laws) is kept as mantissa · e^log, m near 1, so it neither overflows nor underflows while
 * it swings over thousands of orders of magnitude; only a rescaling costs a logarithm.
 */
function walkQueue(
  lambda: number,
  nMu: number,
  theta: number,
  x: number,
  kBlock: number,
  kStar: number,
  scale: number,
  start: QueueStart,
): QueueSums {
  const a = nMu / theta;
  const kLo = start.k;
  let mTerm = 1; // π_{N+k} in units of e^scale · π_N is mTerm · fTerm
  let logTerm = start.logTerm - scale;
  let fTerm = 0; // set at the first state
  // Served within t | k ahead = a/(a+k+1)·P(Y ≥ k+1), Y ~ NB(a+1, x); P(Y = k) = mServed · fServed.
  let mServed = 1;
  let logServed = start.logServed;
  let fServed = 0;
  // Advanced k+1 places by t = P(Y' ≥ k+1), Y' ~ NB(a, x); a = 0 (no agents) is the law at 0.
  let mAdvanced = 1;
  let logAdvanced = start.logAdvanced;
  let fAdvanced = 0;
  let queueMass = 0; // Σ_{k≥1} π_{N+k}
  let queueLength = 0; // Σ k·π_{N+k}
  let joinMass = 0; // Σ_{k<kBlock} π_{N+k}: arrivals that wait
  let servedMass = 0; // Σ π_{N+k} · a/(a+k+1)
  let servedWaitMass = 0; // Σ π_{N+k} · a/(a+k+1) · E[wait | served, k ahead]
  let harmonic = start.harmonic; // Σ_{i=1}^{k+1} 1/(Nμ + iθ)
  let servedWithin = 0;
  let advancedWithin = 0;
  let blockMass = 0;
  let last = -1; // the last index the negative binomial laws were walked to
  let ratio = 0; // λ/(Nμ + kθ) for the coming k
  for (let k = kLo; ; k++) {
    // Rescaling at the first state as well costs nothing and means the optimizing compiler has seen it.
    if (k > kLo) mTerm *= ratio;
    if (k === kLo || mTerm > HUGE || mTerm < TINY) {
      logTerm += Math.log(mTerm);
      mTerm = 1;
      fTerm = Math.exp(logTerm);
    }
    const p = mTerm * fTerm;
    if (k > 0) queueMass += p;
    queueLength += k * p;
    if (k === kBlock) {
      blockMass = p;
      break;
    }
    // j = k is the first index at which P(Y = j) multiplies the weights of states < k.
    if (k > kLo) {
      const xOverK = x / k;
      mServed *= (k + a) * xOverK;
      mAdvanced *= (k + a - 1) * xOverK;
    }
    if (k === kLo || mServed > HUGE || mServed < TINY) {
      logServed += Math.log(mServed);
      mServed = 1;
      fServed = Math.exp(logServed);
    }
    if (k === kLo || mAdvanced > HUGE || mAdvanced < TINY) {
      logAdvanced += Math.log(mAdvanced);
      mAdvanced = 1;
      fAdvanced = Math.exp(logAdvanced);
    }
    const pServedK = mServed * fServed;
    const pAdvancedK = mAdvanced * fAdvanced;
    last = k;
    servedWithin += pServedK * servedMass;
    advancedWithin += pAdvancedK * joinMass;
    // 1/(Nμ + (k+1)θ) gives the next ratio, the harmonic sum and a/(a+k+1) = Nμ/(Nμ + (k+1)θ).
    const inverseRate = 1 / (nMu + (k + 1) * theta);
    ratio = lambda * inverseRate;
    const pServed = p * nMu * inverseRate;
    harmonic += inverseRate;
    joinMass += p;
    servedMass += pServed;
    servedWaitMass += pServed * harmonic;
    // Past the mode every later ratio is at most this one, r, so
    // Σ_{j>k} j·π_{N+j} ≤ π_{N+k}·Σ_{i≥1} (k+i)·r^i = π_{N+k}·r·(k(1−r) + 1)/(1−r)², which bounds the other tails too.
    const tail = p * ratio * (k * (1 - ratio) + 1);
    if (k >= kStar && tail < NEGLIGIBLE * Math.max(queueLength, p) * (1 - ratio) * (1 - ratio)) break;
    if (k - kLo > MAX_QUEUE_STATES) throw tooLong();
  }
  servedWithin += servedMass * negativeBinomialTail(Math.log(mServed) + logServed, last, a + 1, x);
  advancedWithin += joinMass * negativeBinomialTail(Math.log(mAdvanced) + logAdvanced, last, a, x);

  return { queueMass, queueLength, joinMass, servedMass, servedWaitMass, servedWithin, advancedWithin, blockMass };
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
 * P(Y > J) for a negative binomial Y ~ NB(r, x), P(Y = j) = C(j+r−1, j)·x^j·(1−x)^r,
 * walked to J = `last` (−1 before the first step; ln P(Y = J) given): the incomplete
 * beta function I_x(J+1, r), from its continued fraction on the side where that
 * converges, so the walk can stop where the queue law ends however far out Y's mass lies.
 */
function negativeBinomialTail(logLast: number, last: number, r: number, x: number): number {
  if (last < 0) return 1;
  if (r === 0 || x === 0) return 0;
  const alpha = last + 1;
  // x^{J+1}(1−x)^r / B(J+1, r) = x·(J+r)·P(Y = J)
  const front = Math.exp(logLast + Math.log(x * (last + r)));
  if (x < (alpha + 1) / (alpha + r + 2)) return (front * betaContinuedFraction(alpha, r, x)) / alpha;
  return Math.max(0, 1 - (front * betaContinuedFraction(r, alpha, 1 - x)) / r);
}

/** ln π_{N+k}/π_N = ln Π_{i≤k} y/(a+i) = ln π_{a+k}(y) − ln π_a(y), y = λ/θ, a = Nμ/θ. */
function logQueueTerm(k: number, a: number, y: number): number {
  return logPoissonTerm(a + k, y) - logPoissonTerm(a, y);
}

function tooLong(): RangeError {
  return new RangeError(
    `patienceSeconds: the queue law would span more than ${MAX_QUEUE_STATES} states; use a shorter patience or more agents`,
  );
}
