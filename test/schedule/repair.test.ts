import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { FINAL_CHECK_REPLICATIONS, finalCheckSeed, withAgents } from '../../src/plan/staffToTarget';
import { simulationFigures, verdict } from '../../src/plan/verdict';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import {
  defaultTemplates,
  presentStaffing,
  repairSchedule,
  type Schedule,
  scheduleDay,
  shiftRequirement,
} from '../../src/schedule';
import { simulateDay } from '../../src/sim';
import { CHECK_DAY, chosen } from './checkDay';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** A ten-hour day of 30-minute intervals with a midday peak and a target in every interval. */
function day(extra: Partial<ScenarioInput> = {}): Scenario {
  const parsed = parseScenario({
    ...CHECK_DAY,
    shifts: {
      absenceShrinkage: 0.15,
      templates: defaultTemplates(CHECK_DAY),
    },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

/** The verdict of a schedule, recomputed here: the agents present on the phones, simulated on a seed. */
function judged(s: Scenario, schedule: Schedule, seed: number, replications: number) {
  const staffed = withAgents(s, presentStaffing(schedule, 0.15));
  const r = simulateDay({ ...staffed, simulation: { replications, seed } }, replications);
  return verdict(staffed, planDay(staffed), simulationFigures(r));
}

describe('the check of a schedule by simulation', () => {
  it('staffs each interval with the agents expected to show up: the scheduled ones less the absence', () => {
    const s = day();
    const schedule = scheduleDay(s, highs, { requirement: shiftRequirement(s, planDay(s)) });
    const present = presentStaffing(schedule, 0.15);
    schedule.coverage.forEach((c, i) => {
      expect(present[i]).toBe(Math.round(c.scheduled * 0.85));
      // The schedule was inflated for the absence, so those present still cover the requirement on the phones.
      expect(present[i]).toBeGreaterThanOrEqual(Math.floor(c.required * 0.85));
    });
  });

  it('raises where an interval misses and lowers where one holds with room, and checks the answer on fresh seeds', async () => {
    const s = day();
    // Too little to begin with (60 % of the requirement): every step's figures say where it falls short.
    const requirement = shiftRequirement(s, planDay(s)).map((r) => Math.round(0.6 * r));
    const { schedule, steps, finalCheck } = await repairSchedule(s, highs, requirement, { replications: 8, maxSteps: 12 });
    expect(steps[0].meetsTargets).toBe(false);
    expect(steps[0].short.length).toBeGreaterThan(0);
    expect(steps[0].raised).toEqual(steps[0].short);
    for (const step of steps) {
      expect(step.raised.filter((t) => step.trimmed.includes(t))).toEqual([]);
      if (step.meetsTargets) expect(step.short).toEqual([]);
      else expect(step.trimmed).toEqual([]);
    }
    // Each step's "meets" is the verdict of that schedule as simulated with the agents present, interval by interval.
    // The answer is the last schedule that met every target with confidence, else the one short in the fewest
    // intervals (the cheapest of those).
    expect(schedule.paidHours).toBe(chosen(steps).paidHours);
    expect(steps[steps.length - 1].paidHours).toBeGreaterThan(steps[0].paidHours);
    // The final check: the chosen schedule on a seed the search never used, with four times its replications.
    expect(finalCheck.seed).toBe(finalCheckSeed(7));
    expect(finalCheck.replications).toBe(FINAL_CHECK_REPLICATIONS * 8);
    const fresh = judged(s, schedule, finalCheck.seed, finalCheck.replications);
    expect(finalCheck.meetsTargets).toBe(fresh.meets);
    const failing = fresh.checks.reduce((n, c) => n + (c.intervals?.failing ?? 0), 0);
    expect(finalCheck.short.length > 0).toBe(failing > 0);
  });

  it('stops when a raise changes no interval (no template reaches it), the shortfall named', async () => {
    // One 8-hour template that cannot start after 09:00: 17:00–18:00 can never be staffed.
    const late = day({
      shifts: {
        absenceShrinkage: 0.15,
        templates: [{ name: 'Early', lengthMinutes: 480, earliestStart: '08:00', latestStart: '09:00', breaks: [] }],
      },
    });
    const { schedule, steps } = await repairSchedule(late, highs, shiftRequirement(late, planDay(late)), {
      replications: 8,
      maxSteps: 12,
    });
    expect(steps.length).toBeLessThan(12);
    expect(steps[steps.length - 1].short).toEqual(expect.arrayContaining(['17:00', '17:30']));
    expect(schedule.shortfalls.some((line) => line.startsWith('17:30'))).toBe(true);
  });

  it('trims a schedule that is far more than enough', async () => {
    const s = day();
    const requirement = shiftRequirement(s, planDay(s)).map((r) => 2 * r);
    const { schedule, steps } = await repairSchedule(s, highs, requirement, { replications: 8, maxSteps: 8 });
    expect(steps[0].meetsTargets).toBe(true);
    expect(steps[0].trimmed.length).toBeGreaterThan(0);
    expect(schedule.paidHours).toBeLessThan(steps[0].paidHours);
    expect(judged(s, schedule, 7, 8).meets).toBe(true);
  });
});
