import type { Highs, Model } from 'highs';
import type { CoveringModel } from './model';

/**
 * How much solver work a schedule may take, counted in work rather than
 * seconds so that the same scenario gives the same roster on any machine,
 * however busy. The WebAssembly build of HiGHS runs one thread.
 */
export const WORK_LIMITS = {
  /** simplex iterations of the LP relaxation */
  lpIterations: 200_000,
  /** branch-and-bound nodes of the rounding search around the LP solution */
  roundingNodes: 1_000,
  /** branch-and-bound nodes of the search that improves the schedule or proves it optimal */
  proofNodes: 2_000,
  /** the proof search runs only when at most this many patterns could still improve on the schedule */
  proofPatterns: 2_500,
  /** branch-and-bound nodes of each search for the cover nearest an earlier roster (stayClose) */
  stayCloseNodes: 50,
};

/** Why the search stopped: the schedule is proved optimal, the work limits ran out, or the safety-net wall clock fired. */
export type SearchStop = 'proved' | 'work limit' | 'time limit';

export interface SearchResult {
  /** whole agents per column of the model: the patterns, then the shortfalls, then any extra columns */
  values: Float64Array;
  objective: number;
  /** proved lower bound on the objective (LP relaxation or branch and bound, rounded up to the objective's granularity) */
  bound: number;
  stop: SearchStop;
}

const TOLERANCE = 1e-6;

/**
 * Solves the covering model in three steps, each within its work limit:
 * 1. the LP relaxation, whose value bounds every schedule (it is almost exact
 *    for covering models like this one);
 * 2. a search over whole-agent roundings of the LP solution (each pattern the
 *    LP uses, rounded down or up) for the first schedule;
 * 3. a branch and bound for a schedule one step of the objective cheaper,
 *    over the patterns that could be in one (those whose LP reduced cost is
 *    below the gap left); it improves the schedule and raises the bound, often
 *    to a proof. It is skipped when too many patterns remain, and the gap is
 *    then stated against the LP bound.
 * `safetySeconds` of wall clock stop the whole search should a machine be very
 * slow; the result then says so, as it may differ from one machine to another.
 * Returns null when no schedule satisfies the templates' head counts and the
 * paid-hours cap together.
 */
export function searchCover(highs: Highs, model: CoveringModel, safetySeconds: number): SearchResult | null {
  let elapsed = 0;
  const codes = highs.constants.modelStatus;
  const run = (m: Model, options: Record<string, number | string | boolean>) => {
    m.options.set({
      output_flag: false,
      random_seed: 0,
      mip_rel_gap: 0,
      time_limit: Math.max(0, safetySeconds - elapsed),
      ...options,
    });
    m.run();
    elapsed += m.getRunTime();
    const status = m.getModelStatus();
    if (status === codes.timeLimit) timedOut = true;
    return status;
  };
  let timedOut = false;
  const { integrality: _, ...relaxation } = model;
  const lp = highs.withModel(relaxation, (m) => {
    const status = run(m, { simplex_iteration_limit: WORK_LIMITS.lpIterations });
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return null;
    if (status !== codes.optimal) {
      throw new Error(
        timedOut
          ? `the safety time limit of ${safetySeconds} s ran out before the LP relaxation was solved; raise shifts.timeLimitSeconds`
          : status === codes.iterationLimit
            ? `the LP relaxation needed more than ${WORK_LIMITS.lpIterations.toLocaleString('en-US')} simplex iterations`
            : `the LP relaxation stopped without a solution (HiGHS model status ${status})`,
      );
    }
    const solution = m.getSolution();
    return { objective: m.getObjectiveValue(), x: solution.colValue, reducedCost: solution.colDual };
  });
  if (!lp) return null;
  const roundUp = (value: number) => Math.ceil(value / model.granularity - TOLERANCE) * model.granularity;
  let bound = roundUp(lp.objective);
  const integral = lp.x.every((v) => Math.abs(v - Math.round(v)) <= TOLERANCE);
  if (integral)
    return {
      values: lp.x.map(Math.round),
      objective: lp.objective,
      bound: lp.objective,
      stop: timedOut ? 'time limit' : 'proved',
    };

  const lower = new Float64Array(model.numCols);
  const upper = Float64Array.from(model.colUpper);
  for (let j = 0; j < model.patterns; j++) {
    lower[j] = Math.floor(lp.x[j] + TOLERANCE);
    upper[j] = Math.ceil(lp.x[j] - TOLERANCE);
  }
  let best = mip(highs, { ...model, colLower: lower, colUpper: upper }, (m) =>
    run(m, { mip_max_nodes: WORK_LIMITS.roundingNodes }),
  ).found;
  // A cheaper schedule costs at most `ceiling`, a whole step of the objective below the best one. Every schedule
  // costs at least the LP value plus the reduced costs of the agents it puts on patterns, so a pattern whose
  // reduced cost exceeds ceiling − LP value cannot be in one.
  const ceiling = best ? best.objective - model.granularity : Number.POSITIVE_INFINITY;
  const open = Float64Array.from(model.colUpper);
  let candidates = 0;
  for (let j = 0; j < model.patterns; j++) {
    if (lp.reducedCost[j] > ceiling - lp.objective + TOLERANCE * (1 + lp.objective)) open[j] = 0;
    else candidates++;
  }
  const proved = () => best !== null && best.objective - bound <= TOLERANCE * (1 + best.objective);
  if (!timedOut && !proved() && (candidates <= WORK_LIMITS.proofPatterns || !best)) {
    const limits = { mip_max_nodes: WORK_LIMITS.proofNodes, objective_bound: ceiling + model.granularity / 2 };
    const proof = mip(highs, { ...model, colUpper: open }, (m) => run(m, limits));
    if (!best && proof.complete && !proof.found) return null;
    if (proof.found && (!best || proof.found.objective < best.objective)) best = proof.found;
    // Schedules in the open patterns cost at least proof.bound (none is left below the cutoff when the search
    // is complete); the others cost at least the best schedule's.
    if (best) bound = Math.max(bound, roundUp(Math.min(proof.bound, ceiling + model.granularity)));
  }
  if (!best) {
    throw new Error(
      timedOut
        ? `the safety time limit of ${safetySeconds} s ran out before a schedule was found; raise shifts.timeLimitSeconds`
        : 'no schedule was found within the solver work limits',
    );
  }
  const stop: SearchStop = timedOut ? 'time limit' : proved() ? 'proved' : 'work limit';
  return {
    values: best.values,
    objective: best.objective,
    bound: proved() ? best.objective : Math.min(bound, best.objective),
    stop,
  };
}

/**
 * The fewest paid hours of any cover short in no interval by more than the cover
 * `values` is (the LP relaxation, its shortfalls free but capped at those of
 * `values`): where people cannot meet the requirement, the objective's gap
 * mixes paid hours with shortfall penalties, and this gives the paid hours'
 * own. Null if the LP stops without a solution within its work limit.
 */
export function paidHoursBound(highs: Highs, model: CoveringModel, values: Float64Array): number | null {
  const { integrality: _, ...relaxation } = model;
  const colCost = Float64Array.from(model.colCost);
  const colUpper = Float64Array.from(model.colUpper);
  for (let j = model.patterns; j < model.firstExtra; j++) {
    colCost[j] = 0;
    colUpper[j] = values[j];
  }
  return highs.withModel({ ...relaxation, colCost, colUpper }, (m) => {
    m.options.set({ output_flag: false, random_seed: 0, simplex_iteration_limit: WORK_LIMITS.lpIterations });
    m.run();
    return m.getModelStatus() === highs.constants.modelStatus.optimal ? m.getObjectiveValue() : null;
  });
}

/** How a search ended, as a schedule states it: optimal only when proved, the gap to the bound relative to the objective. */
export function searchOutcome(r: SearchResult): { status: 'optimal' | 'work limit' | 'time limit'; gap: number; bound: number } {
  return {
    status: r.stop === 'proved' ? 'optimal' : r.stop,
    gap: r.objective > 0 ? (r.objective - r.bound) / r.objective : 0,
    bound: r.bound,
  };
}

/** One branch and bound: the best schedule it found (if any) and the bound it proved on the schedules it searched. */
function mip(highs: Highs, model: CoveringModel, run: (m: Model) => number) {
  return highs.withModel(model, (m) => {
    const status = run(m);
    const complete = status === highs.constants.modelStatus.optimal || status === highs.constants.modelStatus.infeasible;
    const feasible = m.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const values = feasible ? m.getSolution().colValue.map(Math.round) : null;
    const objective = values ? values.reduce((sum, v, j) => sum + v * model.colCost[j], 0) : Number.POSITIVE_INFINITY;
    const dualBound = Number(m.info.get('mip_dual_bound'));
    return {
      found: values ? { values, objective } : null,
      bound: complete ? objective : Number.isFinite(dualBound) ? dualBound : Number.NEGATIVE_INFINITY,
      complete,
    };
  });
}
