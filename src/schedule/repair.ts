import type { Highs } from 'highs';
import type { Scenario } from '../scenario/schema';
import type { Estimate } from '../sim/results';
import { simulateDay } from '../sim/simulate';
import { type Schedule, scheduleDay } from './solve';

/** One point of the trade-off: a schedule's cost and what the simulation says it delivers. */
export interface RepairStep {
  paidHours: number;
  agents: number;
  answerRate: Estimate;
  serviceLevel: Estimate;
  /** the day's answer-rate and SL targets met with 95% confidence (the CI's lower end clears them) */
  meetsTargets: boolean;
  /** intervals whose requirement this step raised */
  raised: string[];
}

export interface RepairResult {
  schedule: Schedule;
  steps: RepairStep[];
}

/** Agents on the phones per interval under a schedule (breaks taken out), as the simulation staffs them. */
export function scheduledStaffing(schedule: Schedule): number[] {
  return schedule.coverage.map((c) => Math.round(c.scheduled + 1e-9));
}

/**
 * Checks a schedule by simulating the day with it (IVR, redials, callbacks and
 * all) and, where the scenario's answer-rate or SL target is missed, raises the
 * requirement of the intervals that miss it and solves again, so the solver
 * adds the cheapest shifts that help. Stops when the day meets its targets with
 * 95% confidence or after `maxSteps`. The steps are the trade-off curve of paid
 * hours against answer rate.
 */
export function repairSchedule(
  s: Scenario,
  highs: Highs,
  requirement: number[],
  options: { replications: number; maxSteps: number; onStep?: (step: RepairStep) => void },
): RepairResult {
  const answerTarget = s.targets.answerRate;
  const slTarget = s.targets.serviceLevel;
  const current = [...requirement];
  const steps: RepairStep[] = [];
  let schedule = scheduleDay(s, highs, { requirement: current });
  for (let k = 0; k < options.maxSteps; k++) {
    const simulated = {
      ...s,
      staffing: { agents: scheduledStaffing(schedule) },
      simulation: { ...s.simulation, replications: options.replications },
    };
    const result = simulateDay(simulated, options.replications);
    const low = (e: Estimate) => (e.mean ?? 1) - (e.halfWidth ?? 0);
    const meetsTargets =
      (answerTarget === undefined || low(result.day.answerRate) >= answerTarget) && low(result.day.serviceLevel) >= slTarget;
    const missed = result.intervals
      .map((x, i) => ({ i, start: x.start, answer: x.metrics.answerRate.mean ?? 1, sl: x.metrics.serviceLevel.mean ?? 1 }))
      .filter((x) => (answerTarget !== undefined && x.answer < answerTarget) || x.sl < slTarget);
    const worst =
      missed.length > 0
        ? missed
        : result.intervals
            .map((x, i) => ({ i, start: x.start, sl: x.metrics.serviceLevel.mean ?? 1 }))
            .sort((a, b) => a.sl - b.sl)
            .slice(0, 3);
    const step: RepairStep = {
      paidHours: schedule.paidHours,
      agents: schedule.agents,
      answerRate: result.day.answerRate,
      serviceLevel: result.day.serviceLevel,
      meetsTargets,
      raised: meetsTargets || k === options.maxSteps - 1 ? [] : worst.map((x) => x.start),
    };
    steps.push(step);
    options.onStep?.(step);
    if (meetsTargets || k === options.maxSteps - 1) break;
    for (const { i } of worst) current[i] += Math.max(1, Math.ceil(0.05 * current[i]));
    schedule = scheduleDay(s, highs, { requirement: current });
  }
  return { schedule, steps };
}
