import { erlangA, erlangB, type SlDefinition, serviceLevel } from '../erlang';
import { nonNegative, share, shareOrNull } from './clamp';
import { geometricSum } from './geometric';

/** What the funnel of one interval needs: its traffic, its agents and the call-flow rules. */
export interface IntervalInput {
  intervalSeconds: number;
  /** first attempts in the interval */
  calls: number;
  ahtSeconds: number;
  /** agents answering inbound calls */
  agents: number;
  patienceSeconds: number;
  targetSeconds: number;
  slDefinition: SlDefinition;
  /** IVR (trunk) lines; null = unlimited */
  lines: number | null;
  ivrSeconds: number;
  containment: number;
  escapeShare: number;
  escapeAfterSeconds: number;
  escapeTo: 'priority' | 'callback';
  redialAbandoned: number;
  redialBlocked: number;
  /** most calls one customer makes, the first included */
  maxAttempts: number;
  /** callbacks offered when the estimated wait exceeds this (s); null = no offers */
  callbackOfferSeconds: number | null;
  callbackAcceptance: number;
}

/** The interval's steady-state funnel, in calls over the interval (not rates). */
export interface IntervalFunnel {
  /** first attempts plus redials */
  attempts: number;
  redials: number;
  blocked: number;
  contained: number;
  escaped: number;
  /** callers who asked for an agent (after IVR) */
  toAgents: number;
  callbacksRequested: number;
  /** callers who joined the agent queue */
  queued: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedWithin: number;
  /** P(wait > 0) for a caller joining the queue */
  pWait: number;
  /** mean wait of answered calls, s; null when nobody is answered (no agents) */
  asa: number | null;
  /** busy agent time from inbound calls ÷ agent time */
  occupancy: number;
  serviceLevel: number | null;
  /** P(a caller's estimated wait exceeds the callback threshold) */
  pCallbackOffer: number;
  /** line (trunk) holding time assumed for blocking, s */
  lineHoldSeconds: number;
  /** fixed-point iterations used */
  iterations: number;
}

/**
 * One interval of the peak day in steady state: Erlang B on the lines,
 * IVR containment and escapes, callback offers on the estimated wait, the
 * exact Erlang A queue, and redials of blocked and abandoned callers fed back
 * into the same interval — solved together as a fixed point.
 *
 * Approximations (the simulation checks them): each interval is in steady
 * state (no carry-over), redials return within the interval, patience is
 * exponential with the scenario's mean, priority escapes share the FIFO
 * queue, and the estimated wait is the queue's virtual wait.
 */
export function intervalFunnel(x: IntervalInput): IntervalFunnel {
  const L = x.intervalSeconds;
  // Below a billionth of a call an interval is empty: denormal rates would defeat the fixed point's tolerance.
  const firstRate = x.calls < 1e-9 ? 0 : x.calls / L;
  const ivrHold = (1 - x.escapeShare) * x.ivrSeconds + x.escapeShare * x.escapeAfterSeconds;
  const escapeAccepts = x.escapeTo === 'callback' ? x.callbackAcceptance : 0;

  /** The funnel's rates for given attempts, blocking and offer probability. */
  const flow = (attemptRate: number, pBlock: number, pOffer: number) => {
    const accepted = attemptRate * (1 - pBlock);
    const toAgents = accepted * (1 - x.containment);
    const callbackRate =
      accepted * ((1 - x.containment - x.escapeShare) * pOffer * x.callbackAcceptance + x.escapeShare * escapeAccepts);
    const queueRate = toAgents - callbackRate;
    return { accepted, callbackRate, queueRate, queue: erlangA(queueInput(x, queueRate)) };
  };

  let attemptRate = firstRate;
  let pBlock = 0;
  let pOffer = 0;
  let lineHold = ivrHold;
  let iterations = 1;
  const relaxRate = relaxation();
  const relaxHold = relaxation();
  const relaxOffer = relaxation();
  const needsIteration = x.lines !== null || x.redialAbandoned > 0 || x.redialBlocked > 0 || x.callbackOfferSeconds !== null;
  for (; needsIteration && iterations < 1000; iterations++) {
    pBlock = x.lines === null ? 0 : erlangB(x.lines, attemptRate * lineHold);
    const { accepted, queueRate, queue } = flow(attemptRate, pBlock, pOffer);
    // Still waiting at the threshold = neither answered nor abandoned by then.
    const atOffer =
      x.callbackOfferSeconds === null ? null : erlangA({ ...queueInput(x, queueRate), targetSeconds: x.callbackOfferSeconds });
    const offer = atOffer === null ? 0 : Math.max(0, 1 - atOffer.pServedWithin - atOffer.pAbandonWithin);
    const holdInQueue = queueRate > 0 ? queue.meanWaitAll + x.ahtSeconds * (1 - queue.pAbandon) : 0;
    const hold = ivrHold + (accepted > 0 ? queueRate / accepted : 0) * holdInQueue;
    // λ = λ₀ · (1 + ρ + … + ρ^(m−1)): each attempt redials with probability ρ (taken at the current
    // state), up to m attempts a customer; finite even when every blocked or abandoned caller redials.
    const abandonShare = accepted > 0 ? (queueRate / accepted) * queue.pAbandon : 0;
    const redialShare = x.redialBlocked * pBlock + x.redialAbandoned * (1 - pBlock) * abandonShare;
    const rate = firstRate * geometricSum(redialShare, x.maxAttempts);
    const settled =
      Math.abs(rate - attemptRate) <= SETTLED * rate &&
      Math.abs(hold - lineHold) <= SETTLED * hold &&
      Math.abs(offer - pOffer) <= SETTLED;
    attemptRate = relaxRate(attemptRate, rate);
    lineHold = relaxHold(lineHold, hold);
    pOffer = relaxOffer(pOffer, offer);
    if (settled) break;
  }

  const { callbackRate, queue } = flow(attemptRate, pBlock, pOffer);
  const attempts = attemptRate * L;
  const blocked = attempts * share(pBlock);
  const accepted = nonNegative(attempts - blocked);
  const contained = accepted * x.containment;
  const toAgents = nonNegative(accepted - contained);
  const callbacksRequested = nonNegative(callbackRate * L);
  const queued = nonNegative(toAgents - callbacksRequested);
  const pAbandon = share(queue.pAbandon);
  const answered = queued * (1 - pAbandon);
  const abandoned = queued * pAbandon;
  const answeredWithin = queued * share(queue.pServedWithin);
  const abandonedWithin = queued * share(queue.pAbandonWithin);
  return {
    attempts,
    redials: nonNegative(attempts - x.calls),
    blocked,
    contained,
    escaped: accepted * x.escapeShare,
    toAgents,
    callbacksRequested,
    queued,
    answered,
    answeredWithin,
    abandoned,
    abandonedWithin,
    pWait: share(queue.pWait),
    asa: x.agents > 0 && answered > 0 ? nonNegative(queue.asa) : null,
    occupancy: share(queue.occupancy),
    serviceLevel: shareOrNull(serviceLevel(x.slDefinition, { answered, answeredWithin, abandoned, abandonedWithin })),
    pCallbackOffer: share(pOffer),
    lineHoldSeconds: lineHold,
    iterations,
  };
}

/**
 * A damped update for one unknown of a fixed point: the full step while it keeps
 * its direction, half the step each time it turns back (an oscillation, as
 * blocking and line holding time feed each other), recovering gradually.
 */
function relaxation(): (current: number, target: number) => number {
  let factor = 1;
  let lastStep = 0;
  let lastRatio = 0;
  return (current, target) => {
    const step = target - current;
    factor = step * lastStep < 0 ? factor / 2 : Math.min(1, factor * 1.5);
    // Full steps shrinking by a steady ratio q (slow, near critical load) add up to step ÷ (1 − q): jump there (Aitken).
    const ratio = lastStep === 0 ? 0 : step / lastStep;
    const steady = factor === 1 && ratio > 0.5 && ratio < 0.999 && Math.abs(ratio - lastRatio) < 0.01 * ratio;
    lastRatio = steady ? 0 : ratio;
    lastStep = steady ? 0 : step;
    return current + (steady ? 1 / (1 - ratio) : factor) * step;
  };
}

/** Change below which the fixed point counts as settled: 1e-9 of the calls, 1e-9 in probability. */
const SETTLED = 1e-9;

function queueInput(x: IntervalInput, rate: number) {
  return {
    agents: x.agents,
    arrivalRate: rate,
    ahtSeconds: x.ahtSeconds,
    patienceSeconds: x.patienceSeconds,
    targetSeconds: x.targetSeconds,
  };
}
