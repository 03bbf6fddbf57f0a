import type { Highs } from 'highs';
import { checkScenario } from '../scenario/check';
import { intervalCount } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import { formatScenarioError } from '../scenario/shape';
import { type RepairStep, repairSchedule } from './repair';
import { scheduleDay } from './solve';

/** What a scheduling worker was given is not something it can solve; the message names the argument and what is allowed. */
export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(`scheduling worker: ${message}`);
    this.name = 'ScheduleInputError';
  }
}

function validScenario(s: unknown): Scenario {
  const parsed = checkScenario(s);
  if (!parsed.ok)
    throw new ScheduleInputError(`the scenario is not valid: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}`);
  return parsed.scenario;
}

/** One requirement per interval: agents needed, finite and not negative. */
function validRequirement(s: Scenario, requirement: unknown): number[] {
  const n = intervalCount(s);
  if (!Array.isArray(requirement) || requirement.length !== n) {
    throw new ScheduleInputError(`requirement: must be ${n} numbers of agents, one per interval`);
  }
  requirement.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1_000_000) {
      throw new ScheduleInputError(`requirement[${i}]: must be a number of agents from 0 to 1000000, got ${String(x)}`);
    }
  });
  return requirement;
}

/** The length of a check by simulation and where its steps go, as a worker receives them, checked. */
export function checkOptions(replications: unknown, maxSteps: unknown, onStep: unknown) {
  if (typeof onStep !== 'function') throw new ScheduleInputError('onStep: must be a function');
  return {
    replications: whole('replications', replications, 1, 10_000),
    maxSteps: whole('maxSteps', maxSteps, 1, 100),
    onStep: onStep as (step: RepairStep) => void,
  };
}

function whole(name: string, x: unknown, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw new ScheduleInputError(`${name}: must be a whole number from ${min} to ${max}, got ${String(x)}`);
  }
  return x;
}

/** HiGHS loaded on first use, once per worker. */
export function onceLoaded(load: () => Promise<Highs>): () => Promise<Highs> {
  let highs: Promise<Highs> | null = null;
  return () => {
    highs ??= load();
    return highs;
  };
}

/**
 * What a scheduling worker does, as plain functions over an injected HiGHS
 * loader (the browser needs to tell it where the WebAssembly file is). What
 * arrives is checked first and refused with a ScheduleInputError.
 */
export function scheduleWorkerApi(load: () => Promise<Highs>) {
  const solver = onceLoaded(load);
  return {
    async solve(s: unknown, requirement: unknown) {
      const scenario = validScenario(s);
      const needed = validRequirement(scenario, requirement);
      return scheduleDay(scenario, await solver(), { requirement: needed });
    },
    async check(s: unknown, requirement: unknown, replications: unknown, maxSteps: unknown, onStep: (step: RepairStep) => void) {
      const scenario = validScenario(s);
      const needed = validRequirement(scenario, requirement);
      const options = checkOptions(replications, maxSteps, onStep);
      return repairSchedule(scenario, await solver(), needed, options);
    },
  };
}

export type ScheduleWorkerApi = ReturnType<typeof scheduleWorkerApi>;
