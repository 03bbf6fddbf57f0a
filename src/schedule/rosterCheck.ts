import type { Highs } from 'highs';
import { intervalStarts } from '../scenario/day';
import type { Week } from '../scenario/week';
import type { PreviousRoster } from './assign';
import { type CheckOptions, checkBySimulation, type FinalCheck, type RepairStep } from './repair';
import { type Roster, rosterWeek, weekAbsence, weekRequirement } from './roster';

export interface RosterCheck {
  roster: Roster;
  steps: RepairStep[];
  finalCheck: FinalCheck;
}

/**
 * A week's roster checked by simulation, day by day with the people expected
 * to show up, every target of each day's scenario for the day and interval by
 * interval (checkBySimulation), each day on the first day's seed: where a
 * figure falls short the week is rostered again with more asked there, where
 * every target holds with room with less, and the answer is simulated again
 * on seeds the search never used. More asked of a week its people cannot
 * cover changes nobody's shifts, and the check stops there, the shortfall named.
 */
export async function checkRoster(
  week: Week,
  highs: Highs,
  options: CheckOptions & { previous?: PreviousRoster },
): Promise<RosterCheck> {
  const days = week.days.map((scenario, d) => ({
    scenario,
    absence: weekAbsence(week, d),
    labels: intervalStarts(scenario).map((start) => `${scenario.day.date} ${start}`),
  }));
  const { solved, steps, finalCheck } = await checkBySimulation(
    days,
    weekRequirement(week),
    (requirement) => {
      const roster = rosterWeek(week, highs, { previous: options.previous, requirement });
      const agents = roster.agents.filter((a) => a.shifts.length > 0).length;
      return { solution: roster, coverage: roster.coverage, paidHours: roster.paidHours, agents };
    },
    { ...options, seed: week.days[0].simulation.seed },
  );
  return { roster: solved.solution, steps, finalCheck };
}
