import { erlangAFromB } from './erlangA';
import { erlangB } from './erlangB';
import { erlangCFromB, isStable, UNSTABLE_REASON } from './erlangC';
import { type SlDefinition, serviceLevel } from './serviceLevel';
import { smallestPassing } from './smallestPassing';

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
    if (!isStable(agents, a, c.ahtSeconds)) {
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
 * How far a staffing level is inside its targets (> 0) or outside (< 0): the
 * smallest margin, in logarithms of what each target bounds (the shortfall
 * 1 − SL, ASA, abandonment, occupancy), which fall nearly linearly in N where
 * SL itself flattens out. It guides the staffing search; missedTargets decides.
 */
function margin(m: QueueMetrics, t: StaffingTargets): number {
  if (!m.stable) return Number.NEGATIVE_INFINITY;
  let smallest = Number.POSITIVE_INFINITY;
  const below = (value: number | null, ceiling: number) => {
    const inside = value === null ? Number.NEGATIVE_INFINITY : Math.log(ceiling) - Math.log(value);
    smallest = Math.min(smallest, Number.isNaN(inside) ? Number.NEGATIVE_INFINITY : inside);
  };
  if (t.serviceLevel !== undefined) below(m.serviceLevel === null ? null : 1 - m.serviceLevel, 1 - t.serviceLevel);
  if (t.maxAsaSeconds !== undefined) below(m.asa, t.maxAsaSeconds);
  if (t.maxAbandonRate !== undefined) below(m.pAbandon, t.maxAbandonRate);
  if (t.maxOccupancy !== undefined) below(m.occupancy, t.maxOccupancy);
  return smallest;
}

/**
 * The smallest N meeting every target. Every metric is monotone in N, and one
 * evaluation costs O(1) to O(√N) (erlangB sums its series outward from N only
 * as far as it matters), so the search probes a few N along the secant of the
 * targets' margins (smallestPassing) instead of walking N one by one. Erlang C
 * starts from square-root staffing, A + √A; Erlang A from the Erlang C answer,
 * usually within a few per cent of its own. With `fractional` (Erlang C only)
 * the integer answer is refined by bisection over continuous Erlang C to the
 * smallest real N, within 1e-6 agents.
 */
export function requiredAgents(c: StaffingCase, targets: StaffingTargets, fractional = false): StaffingResult {
  const a = load(c);
  if (a === 0) {
    const idle = { agents: 0, load: 0, stable: true, pWait: 0, serviceLevel: null, asa: null, pAbandon: 0, occupancy: null };
    return { agents: 0, metrics: idle };
  }
  // Each model's metrics by N, so the answer's metrics are not computed twice.
  const seen = { C: new Map<number, QueueMetrics>(), A: new Map<number, QueueMetrics>() };
  const metrics = (model: StaffingCase, n: number) => {
    let m = seen[model.model].get(n);
    if (m === undefined) {
      m = queueMetrics(model, n);
      seen[model.model].set(n, m);
    }
    return m;
  };
  const probe = (model: StaffingCase) => (n: number) => {
    const m = metrics(model, n);
    return { passes: missedTargets(m, targets).length === 0, margin: margin(m, targets) };
  };
  // Erlang C fails at every N ≤ A (no steady state).
  const stableFrom = Math.floor(a) + 1;
  const probeC = probe({ ...c, model: 'C' });
  const nC = smallestPassing(Math.ceil(a + Math.sqrt(a)), stableFrom - 1, MAX_AGENTS, probeC);
  // Erlang C's slope at its answer: a first step for Erlang A, whose margins rise a little more slowly.
  const slopeC = () => (nC !== null && nC > stableFrom ? probeC(nC).margin - probeC(nC - 1).margin : undefined);
  const n = nC === null || c.model === 'C' ? nC : smallestPassing(nC, -1, MAX_AGENTS, probe(c), slopeC());
  if (n === null) throw noStaffing();
  if (!fractional || c.model !== 'C') return { agents: n, metrics: metrics(c, n) };
  const passes = (x: number) => missedTargets(queueMetrics(c, x), targets).length === 0;
  let lo = Math.max(n - 1, a);
  let hi = n;
  while (hi - lo > 1e-7) {
    const mid = (lo + hi) / 2;
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return { agents: hi, metrics: queueMetrics(c, hi) };
}

function noStaffing(): RangeError {
  return new RangeError(`targets: no staffing up to ${MAX_AGENTS} agents meets them`);
}

/** Agents to schedule so that `required` are on the phones after shrinkage; the one rounding step. */
export function scheduledAgents(required: number, shrinkage: number): number {
  // The tolerance keeps 14 ÷ 0.7 = 20.000000000000004 at 20.
  return Math.max(0, Math.ceil(required / (1 - shrinkage) - 1e-9));
}
