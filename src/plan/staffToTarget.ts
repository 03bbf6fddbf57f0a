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
    const total = (a: number[]) => a.reduce((x, y) => x + y, 0);
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

/** A seed the search never used, for the final check: far from the search's one, same for every run. */
export const finalCheckSeed = (seed: number) => (seed + 0x9e3779b9) % 2 ** 32;

/** How far each interval's per-interval targets are on the safe side of the stated confidence (negative: missing). */
function intervalMargins(v: Verdict, figures: ReturnType<typeof simulationFigures>): number[] {
  const checks = v.checks.filter((c) => INTERVAL_KEYS.includes(c.key) && c.scope !== 'day');
  return figures.intervals.map((f) => {
    let least = Number.POSITIVE_INFINITY;
    for (const c of checks) {
      const x = f[c.key];
      if (x.value === null) continue;
      const margin = c.direction === 'at least' ? x.value - c.target : c.target - x.value;
      // Shares in points, times relative to their target, both against the interval's far end.
      least = Math.min(least, (margin - (x.halfWidth ?? Number.POSITIVE_INFINITY)) / (c.unit === 'seconds' ? c.target : 1));
    }
    return least;
  });
}

/**
 * Adds agents where an interval misses at the stated confidence until every target holds, then
 * trims where intervals pass with room to spare, undoing any trim that breaks an interval. Every
 * round simulates the same seeds (common random numbers), so changes between rounds come from
 * the staffing, not from noise; the answer is the last staffing that met every target.
 */
export async function staffBySimulation(s: Scenario, simulate: Simulate, options: SearchOptions): Promise<SimulationStaffing> {
  const analytic = staffAnalytically(s, 'erlangA');
  const dedicated = dedicatedOf(s);
  const scale = confidenceScale(options.confidence);
  const starts = intervalStarts(s);
  let agents = agentsPerInterval(analytic.scenario);
  // At or below floor[i] − 1 the interval was seen to miss: a trim never goes there again.
  const floor = agents.map(() => dedicated);
  let lastMeeting: number[] | null = null;
  const rounds: SearchRound[] = [];
  let converged = false;
  const run = (a: number[], seed: number) =>
    simulate({ ...withAgents(s, a), simulation: { replications: options.replications, seed } });

  for (let round = 1; round <= options.maxRounds; round++) {
    const staffed = withAgents(s, agents);
    const plan = planDay(staffed);
    const figures = simulationFigures(await run(agents, options.seed), scale);
    const v = verdict(staffed, plan, figures);
    const margins = intervalMargins(v, figures);
    const next = [...agents];
    const missing = starts.filter((_, i) => margins[i] < 0);
    let added = 0;
    let removed = 0;
    if (!v.meets) {
      margins.forEach((m, i) => {
        if (m >= 0) return;
        floor[i] = Math.max(floor[i], agents[i] + 1);
        // A trimmed interval that now misses goes back to where it met; else a step sized by the shortfall.
        const back = lastMeeting && lastMeeting[i] > agents[i] ? lastMeeting[i] : 0;
        next[i] = Math.max(back, agents[i] + Math.max(1, Math.ceil(Math.min(0.2, -m) * agents[i] * 0.5)));
        added += next[i] - agents[i];
      });
      // A day target that fails while every interval passes: more agents where SL is lowest.
      if (missing.length === 0) {
        const worst = figures.intervals
          .map((f, i) => ({ i, value: f.serviceLevel.value ?? 1 }))
          .sort((a, b) => a.value - b.value)
          .slice(0, Math.max(1, Math.ceil(starts.length / 4)));
        for (const { i } of worst) {
          next[i]++;
          added++;
        }
      }
    } else {
      lastMeeting = [...agents];
      margins.forEach((m, i) => {
        if (!(m > 0.03) || !Number.isFinite(m)) return;
        const room = Math.min(agents[i] - Math.max(floor[i], dedicated), Math.floor(m * agents[i] * 0.25));
        const cut = Math.max(agents[i] - floor[i] > 0 ? 1 : 0, room);
        next[i] = agents[i] - cut;
        removed += cut;
      });
    }
    const r: SearchRound = { round, paidHours: plan.totals.paidHours, missing, added, removed, meets: v.meets };
    rounds.push(r);
    options.onRound?.(r);
    if (v.meets && removed === 0) {
      converged = true;
      break;
    }
    agents = next;
  }
  if (lastMeeting) agents = lastMeeting;
  const scenario = withAgents(s, agents);
  const checkSeed = finalCheckSeed(options.seed);
  const check = await run(agents, checkSeed);
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
    differences: agents
      .map((a, i) => ({ start: starts[i], analytic: analyticAgents[i], simulated: a }))
      .filter((d) => d.analytic !== d.simulated),
  };
}
