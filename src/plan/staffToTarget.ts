import { sum } from 'd3-array';
import { requiredAgents, type StaffingCase, type StaffingTargets } from '../erlang';
import { agentsPerInterval, intervalStarts } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import type { SimulationResult } from '../sim/results';
import { confidenceScale } from './confidence';
import { attemptsPerCallback, type DayCost, dayCost } from './cost';
import { type DayPlan, planDay } from './plan';
import { simulationFigures, type TargetKey, type Verdict, verdict } from './verdict';

/**
 * Staffing that meets the targets: analytically (the fewest agents per interval that meet the
 * per-interval targets by exact Erlang A or Erlang C), or by simulation (starting there, adding
 * agents where an interval misses with the stated confidence and removing them where it passes
 * with room to spare, with common random numbers between rounds, until every target holds).
 */

/** The scenario with these agents on the phones per interval (dedicated callback agents included). */
export function withAgents(s: Scenario, agents: readonly number[]): Scenario {
  return { ...s, staffing: { agents: [...agents] } };
}

const dedicatedOf = (s: Scenario) => (s.callback.enabled && s.callback.serve.mode === 'dedicated' ? s.callback.serve.agents : 0);

export interface StaffingChange {
  agents: number[];
  paidHours: number;
  cost: DayCost | null;
}

/** Paid hours and cost of a scenario's staffing as planned. */
export function staffingFigures(s: Scenario, plan: DayPlan = planDay(s)): StaffingChange {
  const agents = agentsPerInterval(s);
  const perCallback = attemptsPerCallback(s.callback.reachProbability, s.callback.maxAttempts);
  const attempts = (plan.totals.callbacksCompleted + plan.totals.callbacksFailed) * perCallback;
  return { agents, paidHours: plan.totals.paidHours, cost: dayCost(s, agents, attempts, plan.totals.answered) };
}

export interface AnalyticStaffing {
  model: 'erlangA' | 'erlangC';
  scenario: Scenario;
  before: StaffingChange;
  after: StaffingChange;
  /** intervals whose requirement is beyond the engine's range (their staffing is kept) */
  kept: string[];
}

/**
 * The fewest agents per interval meeting the per-interval targets by Erlang A or C (dedicated
 * callback agents kept). The traffic an interval's agents see depends on the staffing itself
 * (fewer abandons mean fewer redials; shorter waits free IVR lines), so the requirement is
 * re-planned with the new staffing until it no longer moves.
 */
export function staffAnalytically(s: Scenario, model: 'erlangA' | 'erlangC'): AnalyticStaffing {
  const plan = planDay(s);
  const dedicated = dedicatedOf(s);
  const kept = new Set<string>();
  const requiredAt = (p: DayPlan, current: number[]) =>
    p.intervals.map((x, i) => {
      const required = model === 'erlangA' ? x.requiredA : x.requiredC;
      if (required === null) {
        kept.add(x.start);
        return current[i];
      }
      return required + dedicated;
    });
  const settles = (a: number[]) => requiredAt(planDay(withAgents(s, a)), a);
  // From a staffing, raise each interval to what the staffing requires until nothing moves:
  // the requirement then rises monotonically and settles, covering itself.
  const raised = (start: number[]) => {
    let a = start;
    for (let pass = 0; pass < 20; pass++) {
      const next = settles(a);
      if (next.every((n, i) => n <= a[i])) break;
      a = next.map((n, i) => Math.max(n, a[i]));
    }
    return a;
  };
  let agents = raised(requiredAt(plan, agentsPerInterval(s)));
  // An understaffed start inflates the first requirements (abandons redial, lines stay busy): start
  // again from what the staffing found itself requires, while that gives fewer agents.
  for (let pass = 0; pass < 10; pass++) {
    const lower = raised(settles(agents));
    const total = (a: number[]) => sum(a);
    if (total(lower) >= total(agents)) break;
    agents = lower;
  }
  const scenario = withAgents(s, agents);
  return { model, scenario, before: staffingFigures(s, plan), after: staffingFigures(scenario), kept: [...kept] };
}

export interface SearchRound {
  round: number;
  paidHours: number;
  /** intervals that missed a target at the stated confidence in this round */
  missing: string[];
  added: number;
  removed: number;
  meets: boolean;
}

export interface SimulationStaffing {
  scenario: Scenario;
  analytic: StaffingChange;
  after: StaffingChange;
  rounds: SearchRound[];
  converged: boolean;
  /** the verdict of an independent simulation on seeds the search never used */
  finalCheck: Verdict;
  finalCheckSeed: number;
  finalCheckReplications: number;
  /** the Erlang A answer the search started from */
  analyticScenario: Scenario;
  /** where the simulation's staffing differs from the analytic answer, by interval */
  differences: { start: string; analytic: number; simulated: number }[];
}

export interface SearchOptions {
  replications: number;
  seed: number;
  confidence: number;
  maxRounds: number;
  onRound?: (round: SearchRound) => void;
}

/** Runs the scenario's simulation (replications and seed from `simulation`), e.g. on the worker pool. */
export type Simulate = (s: Scenario) => Promise<SimulationResult>;

/** The per-interval targets: only those a verdict checks interval by interval. */
const INTERVAL_KEYS: TargetKey[] = ['serviceLevel', 'answerRate', 'asaSeconds', 'abandonRate', 'occupancy'];

/**
 * How many half-widths an interval's figure must clear its target by during the search, and how
 * many times the search's replications the final check simulates on seeds it never used. The
 * final check asks for one half-width of its own (half the search's, with four times the
 * replications); fresh seeds move each estimate by about 0.55 of the search's half-widths (sd).
 * At 2 and 4, an interval the search left right at its bar passes the final check about 997
 * times in 1,000; a single guard of one half-width would pass it only about half the time.
 */
export const SEARCH_GUARD = 2;

/**
 * The share of the way to its corrected requirement a short interval goes in the first round:
 * when many intervals are short their queues carry over into each other, so the shift read then
 * is larger than it will be once they are all staffed. Later rounds go all the way.
 */
const FIRST_STEP = 0.6;

/** The least a short interval gets in a round, as a share of its agents: a near miss then clears its bar for good. */
const LEAST_STEP = 0.02;

/** Half-widths beyond the guard an interval must clear to lose an agent in a trim. */
const TRIM_ROOM = 2;
export const FINAL_CHECK_REPLICATIONS = 4;

/** A seed the search never used, for the final check: far from the search's one, same for every run. */
export const finalCheckSeed = (seed: number) => (seed + 0x9e3779b9) % 2 ** 32;

type Figures = ReturnType<typeof simulationFigures>;
type IntervalCheck = Verdict['checks'][number];

const intervalChecks = (v: Verdict) => v.checks.filter((c) => INTERVAL_KEYS.includes(c.key) && c.scope !== 'day');

/** How far each interval's targets are on the safe side of `guard` half-widths (negative: short of it). */
function intervalMargins(checks: IntervalCheck[], figures: Figures, guard: number): number[] {
  return figures.intervals.map((f) => {
    let least = Number.POSITIVE_INFINITY;
    for (const c of checks) {
      const x = f[c.key];
      if (x.value === null) continue;
      const margin = c.direction === 'at least' ? x.value - c.target : c.target - x.value;
      // Shares in points, times relative to their target, both against the interval's far end.
      least = Math.min(
        least,
        (margin - guard * (x.halfWidth ?? Number.POSITIVE_INFINITY)) / (c.unit === 'seconds' ? c.target : 1),
      );
    }
    return least;
  });
}

/** The target as Erlang A's staffing search takes it, for one figure. */
function staffingTarget(key: TargetKey, target: number): StaffingTargets {
  if (key === 'serviceLevel') return { serviceLevel: target };
  if (key === 'answerRate') return { maxAbandonRate: 1 - target };
  if (key === 'abandonRate') return { maxAbandonRate: target };
  if (key === 'asaSeconds') return { maxAsaSeconds: target };
  return { maxOccupancy: target };
}

/**
 * The fewest agents an interval needs, read from what the simulation showed there: for each
 * target, the agents Erlang A would need to reach the simulated figure stand for the agents the
 * interval has (the shift is what carry-over, redials and callbacks cost there, taken to hold at
 * nearby staffing), and the shifted Erlang A requirement for the target plus the search's guard
 * is the answer. Null where no count can say (a guarded target beyond any staffing).
 */
function correctedRequirement(
  s: Scenario,
  x: DayPlan['intervals'][number],
  f: Figures['intervals'][number],
  checks: IntervalCheck[],
  shifts: Map<TargetKey, number>,
): number | null {
  if (x.toAgents <= 1e-9) return 0;
  const c: StaffingCase = {
    model: 'A',
    calls: x.toAgents,
    intervalSeconds: s.intervalMinutes * 60,
    ahtSeconds: x.ahtSeconds,
    patienceSeconds: s.patience.meanSeconds,
    targetSeconds: s.targets.targetSeconds,
    slDefinition: s.targets.slDefinition,
  };
  const required = (key: TargetKey, target: number) => {
    try {
      return requiredAgents(c, staffingTarget(key, target)).agents;
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
  };
  let most = 0;
  for (const check of checks) {
    const sim = f[check.key];
    if (sim.value === null) continue;
    const guard = SEARCH_GUARD * (sim.halfWidth ?? 0);
    const wanted = check.direction === 'at least' ? check.target + guard : check.target - guard;
    // A figure no staffing reaches (a share of 1 or more, a time or share of 0 or less).
    if (check.unit === 'share' ? wanted >= 0.9999 || wanted <= 0 : wanted <= 0) return null;
    // Agents Erlang A needs to reach what the simulation showed stand for the agents there. A
    // share at its limit says nothing of the shift: the last one read there stands (`shifts`).
    const telling = check.unit === 'seconds' ? sim.value > 0 : sim.value > 1e-4 && sim.value < 0.9999;
    const reached = telling ? required(check.key, sim.value) : null;
    const need = required(check.key, wanted);
    if (need === null) return null;
    if (reached !== null) shifts.set(check.key, x.agents - reached);
    most = Math.max(most, need + (shifts.get(check.key) ?? 0));
  }
  return most;
}

/**
 * From the analytic answer, each round simulates the day on the same seeds (common random
 * numbers, so changes between rounds come from the staffing, not from noise). While a target
 * fails, each short interval gets at least one agent more, up to its Erlang A requirement
 * corrected by what the simulation showed there; once every target holds with the guard, each
 * interval is trimmed to that corrected requirement, never to a count seen short, and an
 * interval a trim breaks goes back to where it held. It stops when every target holds and
 * nothing moves; the answer is the last staffing that met every target, checked on seeds the
 * search never used.
 */
export async function staffBySimulation(s: Scenario, simulate: Simulate, options: SearchOptions): Promise<SimulationStaffing> {
  const analytic = staffAnalytically(s, 'erlangA');
  const dedicated = dedicatedOf(s);
  const scale = confidenceScale(options.confidence);
  const starts = intervalStarts(s);
  let agents = agentsPerInterval(analytic.scenario);
  // At or below floor[i] − 1 the interval was seen short: the search never goes there again.
  const floor = agents.map(() => dedicated);
  const shifts = agents.map(() => new Map<TargetKey, number>());
  let lastMeeting: number[] | null = null;
  const rounds: SearchRound[] = [];
  let converged = false;
  const run = (a: number[], seed: number, replications = options.replications) =>
    simulate({ ...withAgents(s, a), simulation: { replications, seed } });

  for (let round = 1; round <= options.maxRounds; round++) {
    const staffed = withAgents(s, agents);
    const plan = planDay(staffed);
    const figures = simulationFigures(await run(agents, options.seed), scale);
    const v = verdict(staffed, plan, figures);
    const checks = intervalChecks(v);
    const margins = intervalMargins(checks, figures, SEARCH_GUARD);
    const meets = v.meets && margins.every((m) => m >= 0);
    const wanted = (i: number) => {
      const n = correctedRequirement(s, plan.intervals[i], figures.intervals[i], checks, shifts[i]);
      return n === null ? null : n + dedicated;
    };
    let next: number[];
    // A trim broke an interval or a day target: the last staffing that met every target stands.
    const broken = !meets && lastMeeting !== null;
    if (lastMeeting && broken) next = lastMeeting;
    else if (meets) {
      // Trim one agent where an interval clears its bar with room to spare and its corrected
      // requirement is lower (a larger cut, read at this staffing, breaks more than it saves).
      lastMeeting = [...agents];
      const room = intervalMargins(checks, figures, SEARCH_GUARD + TRIM_ROOM);
      next = agents.map((a, i) => (room[i] >= 0 && a - 1 >= floor[i] && (wanted(i) ?? a) < a ? a - 1 : a));
    } else {
      // Add: each short interval at least one agent, and up to its corrected requirement; where
      // Erlang A cannot say (the simulation is far from it), a quarter more.
      next = agents.map((a, i) => {
        if (margins[i] >= 0) return a;
        floor[i] = Math.max(floor[i], a + 1);
        const want = wanted(i) ?? a + Math.ceil(0.25 * (a - dedicated));
        const step = round > 1 ? 1 : FIRST_STEP;
        return Math.max(a + Math.max(1, Math.ceil(LEAST_STEP * (a - dedicated))), a + Math.ceil(step * (want - a)));
      });
      // A day target that fails while every interval passes: more agents where SL is lowest.
      if (margins.every((m) => m >= 0)) {
        const worst = figures.intervals
          .map((f, i) => ({ i, value: f.serviceLevel.value ?? 1 }))
          .sort((a, b) => a.value - b.value)
          .slice(0, Math.max(1, Math.ceil(starts.length / 4)));
        for (const { i } of worst) next[i] = agents[i] + 1;
      }
    }
    const added = next.reduce((sum, n, i) => sum + Math.max(0, n - agents[i]), 0);
    const removed = next.reduce((sum, n, i) => sum + Math.max(0, agents[i] - n), 0);
    const missing = starts.filter((_, i) => margins[i] < 0);
    const r: SearchRound = { round, paidHours: plan.totals.paidHours, missing, added, removed, meets };
    rounds.push(r);
    options.onRound?.(r);
    if (broken || (meets && added === 0 && removed === 0)) {
      converged = true;
      break;
    }
    agents = next;
  }
  if (lastMeeting) agents = lastMeeting;
  const scenario = withAgents(s, agents);
  const checkSeed = finalCheckSeed(options.seed);
  const checkReplications = FINAL_CHECK_REPLICATIONS * options.replications;
  const check = await run(agents, checkSeed, checkReplications);
  const finalCheck = verdict(scenario, planDay(scenario), simulationFigures(check, scale));
  const analyticAgents = agentsPerInterval(analytic.scenario);
  return {
    scenario,
    analytic: analytic.after,
    after: staffingFigures(scenario),
    rounds,
    converged: converged || lastMeeting !== null,
    finalCheck,
    finalCheckSeed: checkSeed,
    finalCheckReplications: checkReplications,
    analyticScenario: analytic.scenario,
    differences: agents
      .map((a, i) => ({ start: starts[i], analytic: analyticAgents[i], simulated: a }))
      .filter((d) => d.analytic !== d.simulated),
  };
}
