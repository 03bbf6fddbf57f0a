import type { Highs } from 'highs';
import { planDay } from '../plan/plan';
import { FINAL_CHECK_REPLICATIONS, finalCheckSeed, withAgents } from '../plan/staffToTarget';
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
 * Agents expected on the phones per interval under a schedule: those it puts there (breaks taken
 * out) less the absence the schedule was inflated for, as the expected count, to the nearest agent.
 */
export function presentStaffing(schedule: Schedule, absence: number): number[] {
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

/**
 * Checks a schedule by simulating the day with the agents expected to show up (the
 * absence the schedule was inflated for taken out, as the expected count), against every
 * target of the scenario, for the day and interval by interval. Where a figure falls short,
 * the requirement of its interval is raised (by how far short, within 5–50 %) and the
 * schedule solved again, so the solver adds the cheapest shifts that help; once every target
 * holds with 95 % confidence, the requirement is lowered where an interval holds with room to
 * spare, until a lower one breaks a target, nothing is short but of confidence (more
 * replications would tell, not more agents), or `maxSteps` is reached. The answer is the
 * last schedule that met every target (else the last tried), simulated again on seeds the
 * search never used. The steps are the trade-off curve of paid hours against answer rate.
 */
export function repairSchedule(
  s: Scenario,
  highs: Highs,
  requirement: number[],
  options: { replications: number; maxSteps: number; onStep?: (step: RepairStep) => void },
): RepairResult {
  const starts = intervalStarts(s);
  const absence = absenceOf(s);
  const judged = (schedule: Schedule, seed: number, replications: number) => {
    const staffed = withAgents(s, presentStaffing(schedule, absence));
    const result = simulateDay({ ...staffed, simulation: { replications, seed } }, replications);
    const figures = simulationFigures(result);
    const v = verdict(staffed, planDay(staffed), figures);
    return { result, v, status: intervalStatus(v, figures) };
  };
  const current = [...requirement];
  const steps: RepairStep[] = [];
  let schedule = scheduleDay(s, highs, { requirement: current });
  let lastMeeting: Schedule | null = null;
  for (let k = 0; k < options.maxSteps; k++) {
    const { result, v, status } = judged(schedule, s.simulation.seed, options.replications);
    const short = starts.filter((_, i) => !status[i].holds);
    const last = k === options.maxSteps - 1;
    // A lowered requirement that broke a target ends the search at the schedule before it.
    const broken = !v.meets && lastMeeting !== null;
    if (v.meets) lastMeeting = schedule;
    let raise: number[] = [];
    let trim: number[] = [];
    if (!v.meets && !broken) {
      // Raised where a figure is short of what the final check needs; one that has it but not
      // the confidence here needs the final check's replications, not more agents.
      raise = status.flatMap((x, i) => (x.shortBy > 0 ? [i] : []));
      const dayShort = v.checks.some((c) => c.day !== null && (c.day.margin ?? 0) < 0);
      // A day target short while every interval reaches its own: more staff where SL is lowest.
      if (raise.length === 0 && dayShort)
        raise = result.intervals
          .map((x, i) => ({ i, sl: x.metrics.serviceLevel.mean ?? 1 }))
          .sort((a, b) => a.sl - b.sl)
          .slice(0, Math.max(1, Math.ceil(starts.length / 8)))
          .map((x) => x.i);
    } else if (v.meets) trim = status.flatMap((x, i) => (x.room && current[i] > 0 ? [i] : []));
    const stop = last || broken || (v.meets ? trim.length === 0 : raise.length === 0);
    const step: RepairStep = {
      paidHours: schedule.paidHours,
      agents: schedule.agents,
      answerRate: result.day.answerRate,
      serviceLevel: result.day.serviceLevel,
      meetsTargets: v.meets,
      short,
      raised: stop ? [] : raise.map((i) => starts[i]),
      trimmed: stop ? [] : trim.map((i) => starts[i]),
    };
    steps.push(step);
    options.onStep?.(step);
    if (stop) break;
    for (const i of raise) {
      const share = Math.min(MOST_STEP, Math.max(STEP, status[i].shortBy));
      current[i] += Math.max(1, Math.ceil(share * current[i]));
    }
    for (const i of trim) current[i] = Math.max(0, current[i] - Math.max(1, Math.floor(STEP * current[i])));
    const before = schedule;
    schedule = scheduleDay(s, highs, { requirement: current });
    // The same agents on the phones (a raise no template can cover): the same seeds would say the same again.
    if (schedule.coverage.every((c, i) => c.scheduled === before.coverage[i].scheduled)) break;
  }
  if (lastMeeting) schedule = lastMeeting;
  const seed = finalCheckSeed(s.simulation.seed);
  const replications = FINAL_CHECK_REPLICATIONS * options.replications;
  const final = judged(schedule, seed, replications);
  return {
    schedule,
    steps,
    finalCheck: {
      seed,
      replications,
      meetsTargets: final.v.meets,
      short: starts.filter((_, i) => !final.status[i].holds),
    },
  };
}
