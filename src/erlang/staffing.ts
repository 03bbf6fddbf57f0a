import { erlangAFromB } from './erlangA';
import { erlangB, erlangBSequence } from './erlangB';
import { erlangCFromB, UNSTABLE_REASON } from './erlangC';
import { type SlDefinition, serviceLevel } from './serviceLevel';

export type QueueModel = 'C' | 'A';

/** One interval's traffic and the question asked of it. */
export interface StaffingCase {
  model: QueueModel;
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** mean patience, seconds; required for Erlang A */
  patienceSeconds?: number;
  /** SL threshold T, seconds */
  targetSeconds: number;
  slDefinition: SlDefinition;
}

/** The numbers a planner reads for one staffing level, whichever model made them. */
export interface QueueMetrics {
  agents: number;
  /** offered load, Erlangs */
  load: number;
  /** false when Erlang C has no steady state (agents ≤ load) */
  stable: boolean;
  pWait: number | null;
  /** SL under the case's definition */
  serviceLevel: number | null;
  /** mean wait of answered calls, seconds */
  asa: number | null;
  /** share of offered calls that abandon (0 under Erlang C, which has none) */
  pAbandon: number | null;
  occupancy: number | null;
}

export interface StaffingTargets {
  /** smallest acceptable SL (share, 0–1) at the case's threshold */
  serviceLevel?: number;
  maxAsaSeconds?: number;
  maxAbandonRate?: number;
  maxOccupancy?: number;
}

export const SCHEDULING_RULE = 'scheduled = ⌈required ÷ (1 − shrinkage)⌉';

/** The most agents a staffing search will try before reporting that no count meets the targets. */
export const MAX_AGENTS = 200_000;

/** The reverse question: with this many agents, what happens? */
export function queueMetrics(c: StaffingCase, agents: number): QueueMetrics {
  return metricsFromB(c, agents, erlangB(agents, load(c)));
}

export function load(c: StaffingCase): number {
  return (c.calls / c.intervalSeconds) * c.ahtSeconds;
}

function metricsFromB(c: StaffingCase, agents: number, b: number): QueueMetrics {
  const a = load(c);
  if (c.model === 'C') {
    if (agents <= a) {
      return { agents, load: a, stable: false, pWait: null, serviceLevel: null, asa: null, pAbandon: null, occupancy: null };
    }
    const r = erlangCFromB(agents, a, b, c.ahtSeconds, c.targetSeconds);
    return {
      agents,
      load: a,
      stable: true,
      pWait: r.erlangC,
      serviceLevel: r.serviceLevel,
      asa: r.asa,
      pAbandon: 0,
      occupancy: r.occupancy,
    };
  }
  if (c.patienceSeconds === undefined) throw new RangeError('patienceSeconds: required for Erlang A');
  const r = erlangAFromB(
    {
      agents,
      arrivalRate: c.calls / c.intervalSeconds,
      ahtSeconds: c.ahtSeconds,
      patienceSeconds: c.patienceSeconds,
      targetSeconds: c.targetSeconds,
    },
    b,
  );
  return {
    agents,
    load: a,
    stable: true,
    pWait: r.pWait,
    serviceLevel:
      serviceLevel(c.slDefinition, {
        answeredWithin: r.pServedWithin,
        answered: 1 - r.pAbandon,
        abandoned: r.pAbandon,
        abandonedWithin: r.pAbandonWithin,
      }) ?? 1,
    asa: r.asa,
    pAbandon: r.pAbandon,
    occupancy: r.occupancy,
  };
}

/** Which targets a staffing level misses; empty when it meets them all. */
export function missedTargets(m: QueueMetrics, t: StaffingTargets): string[] {
  if (!m.stable) return [UNSTABLE_REASON];
  const missed: string[] = [];
  const below = (value: number | null, floor: number) => value === null || value < floor;
  const above = (value: number | null, ceiling: number) => value === null || value > ceiling;
  if (t.serviceLevel !== undefined && below(m.serviceLevel, t.serviceLevel)) missed.push('serviceLevel');
  if (t.maxAsaSeconds !== undefined && above(m.asa, t.maxAsaSeconds)) missed.push('maxAsaSeconds');
  if (t.maxAbandonRate !== undefined && above(m.pAbandon, t.maxAbandonRate)) missed.push('maxAbandonRate');
  if (t.maxOccupancy !== undefined && above(m.occupancy, t.maxOccupancy)) missed.push('maxOccupancy');
  return missed;
}

export interface StaffingResult {
  /** the fewest agents meeting every target (fractional when asked for) */
  agents: number;
  metrics: QueueMetrics;
}

/**
 * The smallest N meeting every target. Erlang C walks N upward alongside the
 * B recurrence (O(N) in all); Erlang A, whose queue law costs more per N,
 * gallops out from the Erlang C answer and bisects, reusing one B table (O(N + K log N)).
 * Every metric is monotone in N, so the first N that passes is the answer.
 * With `fractional` (Erlang C only) the integer answer is refined by bisection
 * over continuous Erlang C to the smallest real N, within 1e-6 agents.
 */
export function requiredAgents(c: StaffingCase, targets: StaffingTargets, fractional = false): StaffingResult {
  const a = load(c);
  if (a === 0) {
    const idle = { agents: 0, load: 0, stable: true, pWait: 0, serviceLevel: null, asa: null, pAbandon: 0, occupancy: null };
    return { agents: 0, metrics: idle };
  }
  const passes = (n: number, b: number) => missedTargets(metricsFromB(c, n, b), targets).length === 0;
  const bAt = erlangBSequence(a);
  // Erlang C: walk up from the first stable N. Erlang A: gallop from the Erlang C answer, which is
  // usually within a few agents of it, then bisect.
  let nC = Math.floor(a) + 1;
  const caseC = { ...c, model: 'C' as const };
  while (missedTargets(metricsFromB(caseC, nC, bAt(nC)), targets).length > 0) {
    if (++nC > MAX_AGENTS) throw noStaffing();
  }
  const n = c.model === 'C' ? nC : gallop(nC, (k) => passes(k, bAt(k)));
  if (!fractional || c.model !== 'C') return { agents: n, metrics: metricsFromB(c, n, bAt(n)) };
  let lo = Math.max(n - 1, a);
  let hi = n;
  while (hi - lo > 1e-7) {
    const mid = (lo + hi) / 2;
    if (passes(mid, erlangB(mid, a))) hi = mid;
    else lo = mid;
  }
  return { agents: hi, metrics: metricsFromB(c, hi, erlangB(hi, a)) };
}

/** The smallest k ≥ 0 with passes(k), for a monotone predicate, searching outward from a guess. */
function gallop(guess: number, passes: (k: number) => boolean): number {
  let lo: number;
  let hi: number;
  if (passes(guess)) {
    hi = guess;
    let step = 1;
    lo = guess - step;
    while (lo >= 0 && passes(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    lo = Math.max(lo, -1);
  } else {
    lo = guess;
    let step = 1;
    hi = guess + step;
    while (!passes(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
      if (hi > 2 * MAX_AGENTS) throw noStaffing();
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function noStaffing(): RangeError {
  return new RangeError(`targets: no staffing up to ${MAX_AGENTS} agents meets them`);
}

/** Agents to schedule so that `required` are on the phones after shrinkage; the one rounding step. */
export function scheduledAgents(required: number, shrinkage: number): number {
  // The tolerance keeps 14 ÷ 0.7 = 20.000000000000004 at 20.
  return Math.max(0, Math.ceil(required / (1 - shrinkage) - 1e-9));
}
