import { sum } from 'd3-array';
import {
  queueMetrics,
  requiredAgents,
  type StaffingCase,
  type StaffingTargets,
  scheduledAgents,
  serviceLevel,
  slFormula,
} from '../erlang';
import { MAX_LOAD } from '../erlang/erlangCase';
// The day's grid, not the scenario index: workers that plan (the schedule's check) ship no schema library.
import { agentsPerInterval, ahtPerInterval, callsPerInterval, intervalStarts, minutesOf } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import { nonNegative, share, shareOrNull } from './clamp';
import { geometricSum } from './geometric';
import { type IntervalFunnel, intervalFunnel } from './interval';

export interface IntervalPlan extends IntervalFunnel {
  index: number;
  start: string;
  /** first attempts */
  calls: number;
  ahtSeconds: number;
  /** agents the scenario has for inbound calls */
  agents: number;
  /** offered agent load of callers asking for an agent, Erlangs */
  load: number;
  /** fewest agents meeting the targets, by Erlang C (null: none up to the search limit, or a load beyond the engine's range) */
  requiredC: number | null;
  /** the same by exact Erlang A */
  requiredA: number | null;
  /** Erlang A requirement after shrinkage, plus dedicated callback agents */
  scheduledA: number | null;
  /** SL that Erlang C predicts with the scenario's agents; null when unstable */
  serviceLevelC: number | null;
  /** answered ÷ (answered + abandoned) */
  answerRate: number | null;
  callbacksCompleted: number;
  callbacksFailed: number;
  /** callbacks waiting at the interval's end */
  callbackBacklog: number;
  /** agent-seconds spent on callbacks (approximation) */
  callbackWorkSeconds: number;
  /** busy ÷ available agent time, inbound and callbacks */
  occupancyAll: number;
}

export interface DayTotals {
  calls: number;
  redials: number;
  attempts: number;
  blocked: number;
  contained: number;
  escaped: number;
  toAgents: number;
  callbacksRequested: number;
  callbacksCompleted: number;
  callbacksFailed: number;
  queued: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedWithin: number;
  answerRate: number | null;
  handledRate: number | null;
  serviceLevel: number | null;
  asa: number | null;
  occupancy: number | null;
  /** paid hours of the scenario's staffing: agents ÷ (1 − shrinkage) */
  paidHours: number;
  /** paid hours the Erlang A requirement would need */
  requiredPaidHours: number;
}

export interface DayPlan {
  intervals: IntervalPlan[];
  totals: DayTotals;
  slFormula: string;
  /** what the numbers assume, shown with them */
  notes: string[];
}

export const PLAN_NOTES = [
  'Analytic plan: each interval in steady state (no queue carried over between intervals).',
  'Patience is exponential with the scenario mean (Erlang A); redials return within the same interval, up to the most calls a customer makes (redial.maxAttempts).',
  'Callbacks are an approximation: offered when the queue’s virtual wait exceeds the threshold; callback work uses idle agent time (idle, window) or dedicated agents, first come first served, until the deadline. The simulation checks this.',
];

/** The interval-by-interval analytic plan of a scenario's day, with day totals weighted by calls. */
export function planDay(s: Scenario): DayPlan {
  const L = s.intervalMinutes * 60;
  const calls = callsPerInterval(s);
  const aht = ahtPerInterval(s);
  const agents = agentsPerInterval(s);
  const starts = intervalStarts(s);
  const cb = s.callback;
  const dedicated = cb.enabled && cb.serve.mode === 'dedicated' ? cb.serve.agents : 0;
  const offerSeconds = cb.enabled ? (cb.offerWhen.waitAboveSeconds ?? null) : null;
  const reach = 1 - (1 - cb.reachProbability) ** cb.maxAttempts;
  // Attempts that do not reach the customer still take agent time: (1 − q) + (1 − q)² + … over m attempts.
  const unreachedAttempts = (1 - cb.reachProbability) * geometricSum(1 - cb.reachProbability, cb.maxAttempts);
  const deadline = minutesOf(cb.deadline);
  const t = s.targets;
  const targets: StaffingTargets = {
    serviceLevel: t.serviceLevel,
    maxAsaSeconds: t.maxAsaSeconds,
    maxAbandonRate: minDefined(t.maxAbandonRate, t.answerRate === undefined ? undefined : 1 - t.answerRate),
    maxOccupancy: t.maxOccupancy,
  };

  let backlog = 0;
  const intervals: IntervalPlan[] = calls.map((c, i) => {
    const inbound = Math.max(0, agents[i] - dedicated);
    const positionSeconds =
      cb.enabled && cb.offerWhen.positionAbove !== undefined && inbound > 0
        ? (cb.offerWhen.positionAbove * aht[i]) / inbound
        : null;
    const funnel = intervalFunnel({
      intervalSeconds: L,
      calls: c,
      ahtSeconds: aht[i],
      agents: inbound,
      patienceSeconds: s.patience.meanSeconds,
      targetSeconds: t.targetSeconds,
      slDefinition: t.slDefinition,
      lines: s.ivr.lines,
      ivrSeconds: s.ivr.time.meanSeconds,
      containment: s.ivr.containment,
      escapeShare: s.ivr.escape.share,
      escapeAfterSeconds: s.ivr.escape.afterSeconds,
      escapeTo: cb.enabled ? s.ivr.escape.to : 'priority',
      redialAbandoned: s.redial.abandoned.share,
      redialBlocked: s.redial.blocked.share,
      maxAttempts: s.redial.maxAttempts,
      callbackOfferSeconds: minDefined(offerSeconds ?? undefined, positionSeconds ?? undefined) ?? null,
      callbackAcceptance: cb.acceptance,
    });
    const load = (funnel.toAgents / L) * aht[i];
    const base: StaffingCase = {
      model: 'C',
      calls: funnel.toAgents,
      intervalSeconds: L,
      ahtSeconds: aht[i],
      patienceSeconds: s.patience.meanSeconds,
      targetSeconds: t.targetSeconds,
      slDefinition: t.slDefinition,
    };
    const requiredC = requirement({ ...base, model: 'C' }, targets);
    const requiredA = requirement({ ...base, model: 'A' }, targets);
    const atAgentsC = queueMetrics(base, inbound);

    // Callback work, first come first served, from the capacity this interval leaves.
    backlog += funnel.callbacksRequested;
    const startMinutes = minutesOf(starts[i]);
    const inboundBusy = funnel.occupancy * inbound;
    let capacity = 0;
    if (cb.enabled && startMinutes < deadline) {
      if (cb.serve.mode === 'dedicated') capacity = dedicated * L;
      else if (cb.serve.mode === 'idle') capacity = Math.max(0, inbound - cb.serve.reserveAgents - inboundBusy) * L;
      else if (startMinutes >= minutesOf(cb.serve.from)) capacity = Math.max(0, inbound - inboundBusy) * L;
    }
    const workEach = reach * aht[i] * cb.handleTimeMultiplier + unreachedAttempts * cb.unreachedAttemptSeconds;
    const processed = workEach > 0 ? Math.min(backlog, capacity / workEach) : backlog;
    backlog = nonNegative(backlog - processed);
    let failed = processed * (1 - reach);
    const lastBeforeDeadline = i === calls.length - 1 || minutesOf(starts[i + 1]) >= deadline;
    if (lastBeforeDeadline && backlog > 0) {
      failed += backlog;
      backlog = 0;
    }
    const callbackWork = processed * workEach;
    const staffed = inbound + dedicated;
    return {
      ...funnel,
      index: i,
      start: starts[i],
      calls: c,
      ahtSeconds: aht[i],
      agents: inbound,
      load,
      requiredC,
      requiredA,
      scheduledA: requiredA === null ? null : scheduledAgents(requiredA + dedicated, s.shrinkage),
      serviceLevelC: atAgentsC.stable ? shareOrNull(atAgentsC.serviceLevel) : null,
      answerRate: shareOrNull(ratio(funnel.answered, funnel.answered + funnel.abandoned)),
      callbacksCompleted: processed * reach,
      callbacksFailed: failed,
      callbackBacklog: backlog,
      callbackWorkSeconds: callbackWork,
      occupancyAll: staffed > 0 ? share((inboundBusy * L + callbackWork) / (staffed * L)) : 0,
    };
  });
  return {
    intervals,
    totals: dayTotals(intervals, s, L),
    slFormula: slFormula(t.slDefinition, t.targetSeconds),
    notes: PLAN_NOTES,
  };
}

/**
 * Requirements depend on an interval's traffic and the targets only, not on its
 * staffing: remembered, so editing agents or callbacks re-plans without
 * re-running every staffing search. Bounded, and emptied when full.
 */
const requirements = new Map<string, number | null>();

function requirement(c: StaffingCase, targets: StaffingTargets): number | null {
  const key = JSON.stringify([
    c.model,
    c.calls,
    c.intervalSeconds,
    c.ahtSeconds,
    c.patienceSeconds,
    c.targetSeconds,
    c.slDefinition,
    targets,
  ]);
  const known = requirements.get(key);
  if (known !== undefined) return known;
  // Beyond the engine's accuracy range (redials can take the load there) there is no answer to give;
  // checked first, as the search would fill its Erlang B table up to the load.
  let agents: number | null = null;
  if ((c.calls / c.intervalSeconds) * c.ahtSeconds <= MAX_LOAD) {
    try {
      agents = requiredAgents(c, targets).agents;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  if (requirements.size >= 20_000) requirements.clear();
  requirements.set(key, agents);
  return agents;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Day totals: counts add up; rates are recomputed from the counts, never averaged. */
function dayTotals(xs: IntervalPlan[], s: Scenario, L: number): DayTotals {
  const count = (pick: (x: IntervalPlan) => number) => sum(xs, pick);
  const answered = count((x) => x.answered);
  const abandoned = count((x) => x.abandoned);
  const answeredWithin = count((x) => x.answeredWithin);
  const abandonedWithin = count((x) => x.abandonedWithin);
  const toAgents = count((x) => x.toAgents);
  const blocked = count((x) => x.blocked);
  const callbacksCompleted = count((x) => x.callbacksCompleted);
  const dedicated = s.callback.enabled && s.callback.serve.mode === 'dedicated' ? s.callback.serve.agents : 0;
  const available = count((x) => (x.agents + dedicated) * L);
  const busy = count((x) => x.occupancy * x.agents * L + x.callbackWorkSeconds);
  return {
    calls: count((x) => x.calls),
    redials: count((x) => x.redials),
    attempts: count((x) => x.attempts),
    blocked,
    contained: count((x) => x.contained),
    escaped: count((x) => x.escaped),
    toAgents,
    callbacksRequested: count((x) => x.callbacksRequested),
    callbacksCompleted,
    callbacksFailed: count((x) => x.callbacksFailed),
    queued: count((x) => x.queued),
    answered,
    answeredWithin,
    abandoned,
    abandonedWithin,
    answerRate: shareOrNull(ratio(answered, answered + abandoned)),
    handledRate: shareOrNull(ratio(answered + callbacksCompleted, toAgents + blocked)),
    serviceLevel: shareOrNull(serviceLevel(s.targets.slDefinition, { answered, answeredWithin, abandoned, abandonedWithin })),
    asa: ratio(
      count((x) => x.answered * (x.asa ?? 0)),
      answered,
    ),
    occupancy: shareOrNull(ratio(busy, available)),
    paidHours: count((x) => ((x.agents + dedicated) / (1 - s.shrinkage)) * (L / 3600)),
    requiredPaidHours: count((x) => (x.scheduledA ?? 0) * (L / 3600)),
  };
}
