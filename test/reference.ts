/**
 * Independent reference computations for the tests: exact big-integer
 * fixed-point arithmetic (120 decimal digits) for Erlang B and C, and plain
 * textbook methods (direct sums, uniformization) for Erlang A. Slow but
 * sharing no code with src/erlang.
 */

const DIGITS = 120n;
const S = 10n ** DIGITS;

/** A load given exactly as numerator / denominator. */
export interface ExactLoad {
  num: bigint;
  den: bigint;
}

/** Erlang B(N, A) by the recurrence in exact fixed point; returns the fixed-point value. */
function bigErlangB(agents: number, a: ExactLoad): bigint {
  let b = S;
  for (let n = 1n; n <= BigInt(agents); n++) {
    b = (S * a.num * b) / (n * a.den * S + a.num * b);
  }
  return b;
}

const toNumber = (fixed: bigint) => Number(fixed) / Number(S);

export function referenceErlangB(agents: number, a: ExactLoad): number {
  return toNumber(bigErlangB(agents, a));
}

/** Erlang C = N·B / (N − A(1 − B)) for N > A, exactly. */
export function referenceErlangC(agents: number, a: ExactLoad): number {
  const b = bigErlangB(agents, a);
  const n = BigInt(agents);
  return toNumber((S * n * a.den * b) / (n * a.den * S - a.num * (S - b)));
}

function logSumExp(logs: number[]): number {
  const max = Math.max(...logs);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return max + Math.log(sum);
}

/** ln Γ(n+1) for whole n, by summing logs: independent of the engine's Stirling series. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) out[i] = out[i - 1] + Math.log(i);
  return out;
}

export interface ReferenceA {
  pWait: number;
  pAbandon: number;
  meanQueue: number;
  pServedWithin: number;
}

/**
 * Erlang A from the textbook stationary law π_j (log space, direct sums),
 * and P(served within t) by uniformizing the tagged caller's position chain.
 */
export function referenceErlangA(
  agents: number,
  lambda: number,
  aht: number,
  patience: number,
  t: number,
  maxQueue: number,
): ReferenceA {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const load = lambda / mu;
  const lf = logFactorials(agents);
  const logPi: number[] = [];
  for (let j = 0; j <= agents; j++) logPi.push(j * Math.log(load) - lf[j]);
  for (let k = 1; k <= maxQueue; k++) logPi.push(logPi[agents + k - 1] + Math.log(lambda / (agents * mu + k * theta)));
  const logZ = logSumExp(logPi);
  const pi = logPi.map((l) => Math.exp(l - logZ));
  let pWait = 0;
  let meanQueue = 0;
  for (let k = 0; k <= maxQueue; k++) {
    pWait += pi[agents + k];
    meanQueue += k * pi[agents + k];
  }
  // Uniformization: position p = 1…maxQueue+1, rate Λ; f[p] = P(served within n steps from p).
  const rate = agents * mu + (maxQueue + 1) * theta;
  const steps = Math.ceil(rate * t + 12 * Math.sqrt(rate * t + 1) + 30);
  let f = new Float64Array(maxQueue + 2);
  f[0] = 1;
  const served = new Float64Array(maxQueue + 2);
  let logPoisson = -rate * t;
  for (let n = 0; n <= steps; n++) {
    if (n > 0) logPoisson += Math.log((rate * t) / n);
    const w = Math.exp(logPoisson);
    for (let p = 1; p <= maxQueue + 1; p++) served[p] += w * f[p];
    const next = new Float64Array(maxQueue + 2);
    next[0] = 1;
    for (let p = 1; p <= maxQueue + 1; p++) {
      const advance = (agents * mu + (p - 1) * theta) / rate;
      const stay = 1 - advance - theta / rate;
      next[p] = advance * f[p - 1] + stay * f[p];
    }
    f = next;
  }
  let pServedWithin = 1 - pWait;
  for (let k = 0; k <= maxQueue; k++) pServedWithin += pi[agents + k] * served[k + 1];
  return { pWait, pAbandon: (theta * meanQueue) / lambda, meanQueue, pServedWithin };
}
