import type { Highs } from 'highs';
import { formatScenarioError } from '../scenario/shape';
import { parseWeek } from '../scenario/week';
import type { RepairStep } from './repair';
import { OtherWeekRoster, readPreviousRoster, rosterWeek } from './roster';
import { checkRoster } from './rosterCheck';
import { checkOptions, onceLoaded, ScheduleInputError } from './workerApi';

/** The week, its people and the roster before, as a worker receives them, checked; else a ScheduleInputError. */
function rosterInput(week: unknown, base: unknown, agents: unknown, previous: unknown) {
  if (!Array.isArray(agents) || !agents.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
    throw new ScheduleInputError('agents: must be rows of texts, the header first');
  const parsed = parseWeek(week, base, agents);
  if (!parsed.ok)
    throw new ScheduleInputError(`the week is not valid: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}`);
  if (previous !== null && typeof previous !== 'string')
    throw new ScheduleInputError('previous: must be a roster CSV text or null');
  if (previous === null) return { week: parsed.week, previous: undefined };
  try {
    return { week: parsed.week, previous: readPreviousRoster(previous, parsed.week) };
  } catch (error) {
    // The app's last roster, of a week whose days have since moved, keeps nobody: the week is rostered afresh.
    if (error instanceof OtherWeekRoster) return { week: parsed.week, previous: undefined };
    throw new ScheduleInputError(`previous: ${(error as Error).message}`);
  }
}

/**
 * What a roster worker does (a worker of its own: it validates week files
 * with the schema library, which the scheduling worker does without), as
 * plain functions over an injected HiGHS loader.
 */
export function rosterWorkerApi(load: () => Promise<Highs>) {
  const solver = onceLoaded(load);
  return {
    /** A week rostered to its people; `previous` (an earlier roster's CSV) keeps them where they were. */
    async roster(week: unknown, base: unknown, agents: unknown, previous: unknown) {
      const input = rosterInput(week, base, agents, previous);
      return rosterWeek(input.week, await solver(), { previous: input.previous });
    },
    /** The same roster checked by simulation (checkRoster), each step handed to `onStep` as it is simulated. */
    async check(
      week: unknown,
      base: unknown,
      agents: unknown,
      previous: unknown,
      replications: unknown,
      maxSteps: unknown,
      onStep: (step: RepairStep) => void,
    ) {
      const input = rosterInput(week, base, agents, previous);
      const options = checkOptions(replications, maxSteps, onStep);
      return checkRoster(input.week, await solver(), { ...options, previous: input.previous });
    },
  };
}

export type RosterWorkerApi = ReturnType<typeof rosterWorkerApi>;
