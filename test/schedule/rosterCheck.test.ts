import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { FINAL_CHECK_REPLICATIONS, finalCheckSeed, withAgents } from '../../src/plan/staffToTarget';
import { simulationFigures, verdict } from '../../src/plan/verdict';
import { intervalStarts } from '../../src/scenario/day';
import { parseWeek, type Week } from '../../src/scenario/week';
import { defaultTemplates, presentStaffing, shiftRequirement } from '../../src/schedule';
import { checkBySimulation } from '../../src/schedule/repair';
import type { Roster } from '../../src/schedule/roster';
import { rosterWeek } from '../../src/schedule/roster';
import { checkRoster } from '../../src/schedule/rosterCheck';
import { simulateDay } from '../../src/sim';
import { CHECK_DAY, chosen } from './checkDay';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Two days of the check's day, the second with longer calls. */
function twoDays(people: number): Week {
  const base = { ...CHECK_DAY, day: { ...CHECK_DAY.day, date: '2026-12-21' } };
  const week = {
    schema: 1,
    name: 'two days',
    base: 'inline',
    days: [{ patch: { day: { date: '2026-12-21' } } }, { patch: { day: { date: '2026-12-22' }, ahtSeconds: 300 } }],
    shifts: { absenceShrinkage: 0.15, templates: defaultTemplates(base) },
    contracts: [{ name: 'Staff', maxDaysPerWeek: 5 }],
    agents: 'agents.csv',
  };
  const csv = [
    'name,contract,mon,tue,wed,thu,fri,sat,sun',
    ...Array.from({ length: people }, (_, i) => `P${i},Staff,any,any,any,any,any,any,any`),
  ].join('\n');
  const parsed = parseWeek(week, base, csv);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.week;
}

/** Each day of `roster` simulated here with the people present (absence 0.15 out), on `seed`: its verdict and day figures. */
function judged(week: Week, roster: Roster, seed: number, replications: number) {
  return week.days.map((s) => {
    const coverage = roster.coverage.filter((c) => c.date === s.day.date);
    const staffed = withAgents(s, presentStaffing({ coverage }, 0.15));
    const result = simulateDay({ ...staffed, simulation: { replications, seed } }, replications);
    return { date: s.day.date, v: verdict(staffed, planDay(staffed), simulationFigures(result)), day: result.day };
  });
}

describe('the check of a week’s roster by simulation', () => {
  it('simulates every day with the people present, names the lowest day, raises where short, checks on fresh seeds', async () => {
    const week = twoDays(40);
    const { roster, steps, finalCheck } = await checkRoster(week, highs, { replications: 8, maxSteps: 8 });
    // The first step is the roster as it comes, each day simulated on the first day's seed.
    const first = judged(week, rosterWeek(week, highs), 7, 8);
    const lowest = first.reduce((a, b) => ((b.day.answerRate.mean ?? 1) < (a.day.answerRate.mean ?? 1) ? b : a));
    expect(steps[0].date).toBe(lowest.date);
    expect(steps[0].answerRate).toEqual(lowest.day.answerRate);
    expect(steps[0].meetsTargets).toBe(first.every((d) => d.v.meets));
    expect(steps[0].meetsTargets).toBe(false);
    expect(steps[0].raised.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.raised.every((t) => step.short.includes(t))).toBe(true);
      expect(step.short.every((t) => /^2026-12-2[12] \d\d:\d\d$/.test(t))).toBe(true);
    }
    expect(steps.at(-1)?.paidHours).toBeGreaterThan(steps[0].paidHours);
    expect(roster.paidHours).toBe(chosen(steps).paidHours);
    // The final check: the chosen roster on a seed the search never used, four times the replications, every day.
    expect(finalCheck.seed).toBe(finalCheckSeed(7));
    expect(finalCheck.replications).toBe(FINAL_CHECK_REPLICATIONS * 8);
    const fresh = judged(week, roster, finalCheck.seed, finalCheck.replications);
    expect(finalCheck.meetsTargets).toBe(fresh.every((d) => d.v.meets));
  });

  it('asks no more of an interval the schedule already leaves short of what it asked', async () => {
    // Half the requirement on the phones everywhere; the first ten intervals short of what was asked (nobody left).
    const s = twoDays(40).days[0];
    const asked: number[][] = [];
    const { steps } = await checkBySimulation(
      [{ scenario: s, absence: 0, labels: intervalStarts(s) }],
      shiftRequirement(s, planDay(s)),
      (requirement) => {
        asked.push([...requirement]);
        const coverage = requirement.map((_, i) => ({ scheduled: Math.ceil(asked[0][i] / 2), short: i < 10 ? 1 : 0 }));
        return { solution: null, coverage, paidHours: 0, agents: 0 };
      },
      { seed: 7, replications: 8, maxSteps: 2 },
    );
    expect(steps[0].short.slice(0, 10)).toEqual(intervalStarts(s).slice(0, 10));
    expect(asked.length).toBe(2);
    expect(asked[1].slice(0, 10)).toEqual(asked[0].slice(0, 10));
    expect(asked[1].slice(10).some((r, i) => r > asked[0][10 + i])).toBe(true);
    expect(steps[0].raised.every((t) => !intervalStarts(s).slice(0, 10).includes(t))).toBe(true);
  });

  it('stops where the people cannot give more, with the shortfall named', async () => {
    const week = twoDays(12);
    const { roster, steps, finalCheck } = await checkRoster(week, highs, { replications: 8, maxSteps: 8 });
    expect(steps.length).toBeLessThan(8);
    // The answer is a roster simulated, its shortfall that of what it was asked: the least short, the cheapest of those.
    expect(roster.paidHours).toBe(chosen(steps).paidHours);
    const short = roster.coverage.filter((c) => c.short > 0);
    expect(short.length).toBeGreaterThan(0);
    expect(roster.shortfalls.length).toBe(short.length);
    expect(finalCheck.meetsTargets).toBe(false);
  });
});
