import { describe, expect, it } from 'vitest';
import type { ShiftTemplate } from '../../src/scenario/schema';
import { type Agent, type Contract, contractSchema } from '../../src/scenario/week';
import { assignShifts, type HorizonDay } from '../../src/schedule/assign';
import type { ShiftPattern } from '../../src/schedule/patterns';

const templates = [
  { name: 'Long 10 h', lengthMinutes: 600, earliestStart: '08:00', latestStart: '08:00', breaks: [], minAgents: 0 },
  { name: 'Short 4 h', lengthMinutes: 240, earliestStart: '08:00', latestStart: '08:00', breaks: [], minAgents: 0 },
] as ShiftTemplate[];
const days: HorizonDay[] = [
  { midnight: 0, weekday: 0 },
  { midnight: 1_440, weekday: 1 },
];

/** A shift on an hourly grid of the two days, on the phones all its length. */
const shift = (template: number, day: number, fromHour: number, hours: number): ShiftPattern => {
  const start = day * 1_440 + fromHour * 60;
  return {
    template,
    day,
    start,
    end: start + hours * 60,
    breaks: [],
    paidHours: hours,
    firstInterval: start / 60,
    endInterval: start / 60 + hours,
    coverage: new Float64Array(hours).fill(1),
  };
};

const contract = (name: string, rules: Partial<Contract>): Contract => contractSchema.parse({ name, ...rules });
const anyTime = { from: 0, to: 1_440 };

/** Each person's shifts as "day:template", every shift given to someone (the test fails on one left open). */
function worked(shifts: ShiftPattern[], agents: Agent[], contracts: Contract[], names: ShiftTemplate[]) {
  const { assignments, unassigned } = assignShifts(shifts, {
    agents,
    contracts,
    templates: names,
    days,
    candidates: [],
    required: new Array(48).fill(0),
  });
  expect(unassigned).toEqual([]);
  return Object.fromEntries(assignments.map((a) => [a.agent.name, a.patterns.map((p) => `${p.day}:${names[p.template].name}`)]));
}

describe('giving the cover’s shifts to people', () => {
  it('moves a shift to someone else when the day-by-day matching left one that only an exchange can place', () => {
    // Day 1 matches first: Ann, furthest below her 14 h minimum, takes the long shift, Bob the short one.
    // Day 2's long shift then fits nobody (Ann would pass 14 h, Bob is away), unless Ann and Bob swap day 1.
    const contracts = [
      contract('Fourteen', { minPaidHoursPerWeek: 14, maxPaidHoursPerWeek: 14 }),
      contract('Twenty', { maxPaidHoursPerWeek: 20 }),
    ];
    const agents: Agent[] = [
      { name: 'Ann', contract: 'Fourteen', availability: [anyTime, anyTime, null, null, null, null, null], skills: [] },
      { name: 'Bob', contract: 'Twenty', availability: [anyTime, null, null, null, null, null, null], skills: [] },
    ];
    const shifts = [shift(0, 0, 8, 10), shift(1, 0, 8, 4), shift(0, 1, 8, 10)];
    expect(worked(shifts, agents, contracts, templates)).toEqual({ Ann: ['0:Short 4 h', '1:Long 10 h'], Bob: ['0:Long 10 h'] });
  });

  it('gives a late shift to someone off the next morning where an exchange of one shift could not mend it', () => {
    // Day 1: shifts X (06:00), D (08:00) and a late one L (20:00–24:00); day 2: E at 06:00, which only Cid may work.
    // With 11 h rest Cid must not take L; freeing him takes a chain of three (L to Dee, D to Eve, X to Cid).
    const four = (name: string, fromHour: number) => ({
      name,
      lengthMinutes: 240,
      earliestStart: `0${fromHour}:00`.slice(-5),
      latestStart: `0${fromHour}:00`.slice(-5),
      breaks: [],
      minAgents: 0,
    });
    const named = [four('X', 6), four('D', 8), four('L', 20), four('E', 6)] as ShiftTemplate[];
    const contracts = [
      contract('Cid', { templates: ['X', 'L', 'E'] }),
      contract('Dee', { templates: ['D', 'L'] }),
      contract('Eve', { templates: ['D', 'X'] }),
    ];
    const person = (name: string, days: number): Agent => ({
      name,
      contract: name,
      availability: [anyTime, days > 1 ? anyTime : null, null, null, null, null, null],
      skills: [],
    });
    const shifts = [shift(0, 0, 6, 4), shift(1, 0, 8, 4), shift(2, 0, 20, 4), shift(3, 1, 6, 4)];
    const people = [person('Cid', 2), person('Dee', 1), person('Eve', 1)];
    expect(worked(shifts, people, contracts, named)).toEqual({ Cid: ['0:X', '1:E'], Dee: ['0:L'], Eve: ['0:D'] });
  });
});
