import type { Highs } from 'highs';
import { planDay } from '../plan/plan';
import { FINAL_CHECK_REPLICATIONS, finalCheckSeed, type Simulate, withAgents } from '../plan/staffToTarget';
import { judge, type SimulatedFigures, simulationFigures, type Verdict, verdict } from '../plan/verdict';
import { intervalStarts } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import type { Estimate } from '../sim/results';
import { simulateDay } from '../sim/simulate';
import { absenceOf, type Schedule, scheduleDay } from './solve';

/** One point of the trade-off: a schedule's cost and what the simulation says it delivers. */
export interface RepairStep {
  paidHours: number;
  agents: number;
  answerRate: Estimate;
  serviceLevel: Estimate;
  /** over a week: the day the answer rate and SL are of, the week's lowest answer rate */
  date?: string;
  /** every target of the scenario, for the day and interval by interval, met with 95% confidence */
  meetsTargets: boolean;
  /** intervals that miss a target (or cannot be said to meet it) */
  short: string[];
  /** intervals whose requirement this step raised */
  raised: string[];
  /** intervals whose requirement this step lowered (their targets held with room to spare) */
  trimmed: string[];
}

/** The final schedule simulated again, on seeds the search never used. */
export interface FinalCheck {
  seed: number;
  replications: number;
  meetsTargets: boolean;
  short: string[];
}

export interface RepairResult {
  schedule: Schedule;
  steps: RepairStep[];
  finalCheck: FinalCheck;
}

/**
 * Agents expected on the phones per interval under a schedule or roster: those it puts there (breaks
 * taken out) less the absence it was inflated for, as the expected count, to the nearest agent.
 */
export function presentStaffing(schedule: { coverage: { scheduled: number }[] }, absence: number): number[] {
  return schedule.coverage.map((c) => Math.round(c.scheduled * (1 - absence) + 1e-9));
}

/** Half-widths beyond its target an interval's every figure must clear for its requirement to be lowered. */
const TRIM_ROOM = 3;

/** The least an interval's requirement moves in a step, as a share of it (at least one agent). */
const STEP = 0.05;
/** The most it is raised in a step, as a share of it: far short, it is raised by how far (SL 40 % for 80 %: by half). */
const MOST_STEP = 0.5;

/**
 * Per interval: whether each of its targets holds (95 %), whether with room to trim, and how
 * far short its worst figure is (points of a share, or the share of a time target) of what the
 * final check needs: with four times the replications its interval is half as wide, so a figure
 * must clear its target by half its interval here to be said to meet it there.
 */
function intervalStatus(v: Verdict, figures: SimulatedFigures) {
  const checks = v.checks.filter((c) => c.scope !== 'day' && c.intervals !== null);
  return figures.intervals.map((f) => {
    let holds = true;
    let room = true;
    let shortBy = 0;
    for (const c of checks) {
      const x = f[c.key];
      const judged = judge(x, c);
      if (judged.status === 'no calls') continue;
      if (judged.status !== 'meets') holds = false;
      const margin = judged.margin ?? 0;
      const halfWidth = x.halfWidth ?? 0;
      if (margin < TRIM_ROOM * (x.halfWidth ?? Number.POSITIVE_INFINITY)) room = false;
      const needed = halfWidth / Math.sqrt(FINAL_CHECK_REPLICATIONS);
      shortBy = Math.max(shortBy, (needed - margin) / (c.unit === 'seconds' ? c.target : 1));
    }
    return { holds, room: holds && room, shortBy };
  });
}

/** The check simulates in this thread unless given another Simulate: the CLI's cluster (`--redis`) takes every day of a step at once. */
const inThisThread: Simulate = async (s) => simulateDay(s, s.simulation.replications);

/** How long the check runs, where it reports each step, and what simulates. */
export interface CheckOptions {
  replications: number;
  maxSteps: number;
  onStep?: (step: RepairStep) => void;
  simulate?: Simulate;
}

/** A day the check simulates: its scenario, the absence its shifts were inflated for and its intervals' names. */
export interface CheckedDay {
  scenario: Scenario;
  absence: number;
  labels: string[];
}

/**
 * What a re-solve gives the check: the solution, what it costs, and what it puts on the phones and
 * how far short of the requirement asked it is, every day's intervals in turn.
 */
export interface CheckedSolution<T> {
  solution: T;
  coverage: { scheduled: number; short: number }[];
  paidHours: number;
  agents: number;
}

/**
 * Checks a schedule (one day, or a week of days rostered together) by
 * simulating each day with the agents expected to show up (the absence the
 * schedule was inflated for taken out, as the expected count), against every
 * target of the scenario, for the day and interval by interval, each day on
 * `seed`. Where a figure falls short, the requirement of its interval is
 * raised (by how far short, within 5–50 %) and the schedule solved again, so
 * the solver adds the cheapest shifts that help; an interval the schedule
 * already leaves short of what was asked is not raised, as no template or
 * person is left to give it more. Once every target holds with 95 %
 * confidence, the requirement is lowered where an interval holds with room to
 * spare. It stops when a lower one breaks a target, nothing is left to raise
 * (short only of confidence: more replications would tell, not more agents),
 * a re-solve puts the same agents on the phones, or at `maxSteps`. The answer
 * is the last schedule that met every target (else of those tried the one
 * short in the fewest intervals, the cheapest of those), simulated again on
 * seeds the search never used. The steps are the
 * trade-off curve of paid hours against answer rate; a week's steps give its
 * lowest day's figures.
 */
export async function checkBySimulation<T>(
  days: CheckedDay[],
  requirement: number[],
  solve: (requirement: number[]) => CheckedSolution<T>,
  options: CheckOptions & { seed: number },
): Promise<{ solved: CheckedSolution<T>; steps: RepairStep[]; finalCheck: FinalCheck }> {
  const labels = days.flatMap((d) => d.labels);
  const offsets = days.map((_, d) => days.slice(0, d).reduce((n, x) => n + x.labels.length, 0));
  const simulate = options.simulate ?? inThisThread;
  const judged = async (solved: CheckedSolution<T>, seed: number, replications: number) => {
    const each = await Promise.all(
      days.map(async ({ scenario, absence, labels }, d) => {
        const coverage = solved.coverage.slice(offsets[d], offsets[d] + labels.length);
        const staffed = withAgents(scenario, presentStaffing({ coverage }, absence));
        const result = await simulate({ ...staffed, simulation: { replications, seed } });
        const figures = simulationFigures(result);
        const v = verdict(staffed, planDay(staffed), figures);
        return { result, v, status: intervalStatus(v, figures) };
      }),
    );
    const lowest = each.reduce(
      (worst, x, d) => ((x.result.day.answerRate.mean ?? 1) < (each[worst].result.day.answerRate.mean ?? 1) ? d : worst),
      0,
    );
    return { each, meets: each.every((x) => x.v.meets), status: each.flatMap((x) => x.status), lowest };
  };
  const current = [...requirement];
  const steps: RepairStep[] = [];
  let solved = solve(current);
  let lastMeeting: CheckedSolution<T> | null = null;
  // Where none meets every target: the one short in the fewest intervals, the cheapest of those.
  let leastShort: { solved: CheckedSolution<T>; short: number } | null = null;
  for (let k = 0; k < options.maxSteps; k++) {
    const { each, meets, status, lowest } = await judged(solved, options.seed, options.replications);
    const short = labels.filter((_, i) => !status[i].holds);
    if (
      leastShort === null ||
      short.length < leastShort.short ||
      (short.length === leastShort.short && solved.paidHours < leastShort.solved.paidHours)
    )
      leastShort = { solved, short: short.length };
    const last = k === options.maxSteps - 1;
    // A lowered requirement that broke a target ends the search at the schedule before it.
    const broken = !meets && lastMeeting !== null;
    if (meets) lastMeeting = solved;
    let raise: number[] = [];
    let trim: number[] = [];
    if (!meets && !broken) {
      // Raised where a figure is short of what the final check needs; one that has it but not
      // the confidence here needs the final check's replications, not more agents. One the
      // schedule already leaves short of what was asked has no template or person left to give it more.
      const canGrow = (i: number) => solved.coverage[i].short < 1e-9;
      raise = status.flatMap((x, i) => (x.shortBy > 0 && canGrow(i) ? [i] : []));
      each.forEach(({ v, result }, d) => {
        const mine = (i: number) => i >= offsets[d] && i < offsets[d] + days[d].labels.length;
        const dayShort = v.checks.some((c) => c.day !== null && (c.day.margin ?? 0) < 0);
        // A day target short while every interval of the day reaches its own: more staff where SL is lowest.
        if (dayShort && !raise.some(mine))
          raise.push(
            ...result.intervals
              .map((x, i) => ({ i: offsets[d] + i, sl: x.metrics.serviceLevel.mean ?? 1 }))
              .filter((x) => canGrow(x.i))
              .sort((a, b) => a.sl - b.sl)
              .slice(0, Math.max(1, Math.ceil(days[d].labels.length / 8)))
              .map((x) => x.i),
          );
      });
    } else if (meets) trim = status.flatMap((x, i) => (x.room && current[i] > 0 ? [i] : []));
    const stop = last || broken || (meets ? trim.length === 0 : raise.length === 0);
    const figures = each[lowest].result.day;
    const step: RepairStep = {
      paidHours: solved.paidHours,
      agents: solved.agents,
      answerRate: figures.answerRate,
      serviceLevel: figures.serviceLevel,
      ...(days.length > 1 ? { date: days[lowest].scenario.day.date } : {}),
      meetsTargets: meets,
      short,
      raised: stop ? [] : raise.map((i) => labels[i]),
      trimmed: stop ? [] : trim.map((i) => labels[i]),
    };
    steps.push(step);
    options.onStep?.(step);
    if (stop) break;
    for (const i of raise) {
      const share = Math.min(MOST_STEP, Math.max(STEP, status[i].shortBy));
      current[i] += Math.max(1, Math.ceil(share * current[i]));
    }
    for (const i of trim) current[i] = Math.max(0, current[i] - Math.max(1, Math.floor(STEP * current[i])));
    const next = solve(current);
    // The same agents on the phones (a raise no template or person can cover): the same seeds would say the same
    // again, and the schedule simulated stays the answer, its shortfalls those of what it was asked.
    if (next.coverage.every((c, i) => c.scheduled === solved.coverage[i].scheduled)) break;
    solved = next;
  }
  solved = lastMeeting ?? leastShort?.solved ?? solved;
  const seed = finalCheckSeed(options.seed);
  const replications = FINAL_CHECK_REPLICATIONS * options.replications;
  const final = await judged(solved, seed, replications);
  return {
    solved,
    steps,
    finalCheck: { seed, replications, meetsTargets: final.meets, short: labels.filter((_, i) => !final.status[i].holds) },
  };
}

/** The check by simulation (checkBySimulation) of one day's schedule, on the scenario's seed. */
export async function repairSchedule(
  s: Scenario,
  highs: Highs,
  requirement: number[],
  options: CheckOptions,
): Promise<RepairResult> {
  const { solved, steps, finalCheck } = await checkBySimulation(
    [{ scenario: s, absence: absenceOf(s), labels: intervalStarts(s) }],
    requirement,
    (current) => {
      const schedule = scheduleDay(s, highs, { requirement: current });
      return { solution: schedule, coverage: schedule.coverage, paidHours: schedule.paidHours, agents: schedule.agents };
    },
    { ...options, seed: s.simulation.seed },
  );
  return { schedule: solved.solution, steps, finalCheck };
}
