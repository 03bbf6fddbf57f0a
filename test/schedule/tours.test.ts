import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agent, Contract } from '../../src/scenario/week';
import type { ExtraColumn, ShiftCap } from '../../src/schedule/model';
import type { ShiftPattern } from '../../src/schedule/patterns';
import { addTours, startBands, type Tour } from '../../src/schedule/tours';

describe('bands of consistent start times', () => {
  it('hold every start in exactly one band no wider than the rule, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_439 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 240 }),
        (starts, within) => {
          const bands = startBands(starts, within);
          for (const s of starts) expect(bands.filter(([a, b]) => s >= a && s <= b)).toHaveLength(1);
          bands.forEach(([a, b], k) => {
            expect(b - a).toBeLessThanOrEqual(within);
            // A band starts only where its first start no longer fits the band before.
            if (k > 0) expect(a).toBeGreaterThan(bands[k - 1][0] + within);
            expect(starts).toContain(a);
            expect(starts).toContain(b);
          });
        },
      ),
    );
  });

  it('start a new band only past the rule from the last band’s first start', () => {
    expect(startBands([1_320, 1_200, 1_230, 1_260, 1_290], 60)).toEqual([
      [1_200, 1_260],
      [1_290, 1_320],
    ]);
  });
});

describe('tours of a contract', () => {
  const contract: Contract = {
    name: 'Part-time',
    minDaysPerWeek: 1,
    maxDaysPerWeek: 1,
    minPaidHoursPerWeek: 0,
    maxPaidHoursPerWeek: 40,
    minRestHours: 11,
    maxConsecutiveDays: 5,
    consecutiveDaysOff: 0,
  };
  const agent = (name: string, from: number, to: number): Agent => ({
    name,
    contract: 'Part-time',
    availability: [{ from, to }],
    skills: [],
  });
  const pattern = (start: number): ShiftPattern => ({
    template: 0,
    day: 0,
    start,
    end: start + 240,
    breaks: [],
    paidHours: 4,
    firstInterval: 0,
    endInterval: 1,
    coverage: Float64Array.of(1),
  });
  const templates = [
    { name: 'Four', lengthMinutes: 240, earliestStart: '07:00', latestStart: '20:00', breaks: [], minAgents: 0 },
  ];

  it('count towards an evening shift only the people who may work the evening', () => {
    const morning = [agent('M1', 420, 900), agent('M2', 420, 900), agent('M3', 420, 900)];
    const anyTime = [agent('A1', 0, 1_440)];
    const out = { caps: [] as ShiftCap[], extra: [] as ExtraColumn[], tours: [] as Tour[] };
    const evening = pattern(1_080);
    const early = pattern(480);
    addTours(contract, [...morning, ...anyTime], new Set([0]), [early, evening], templates, [{ midnight: 0, weekday: 0 }], out);
    // A row that holds the evening shift and takes cover only from the any-time group's tours.
    const rowsOf = (p: ShiftPattern) => out.caps.flatMap((c, r) => (c.of(p) ? [r] : []));
    const fromGroup = (row: number, people: Agent[]) =>
      out.tours.filter(
        (t) =>
          out.extra[t.column].caps.some(([r, v]) => r === row && v === -1) &&
          t.group.agents.map((a) => a.name).join() === people.map((a) => a.name).join(),
      );
    const eveningOnly = rowsOf(evening).filter((row) => !rowsOf(early).includes(row));
    expect(eveningOnly).toHaveLength(1);
    expect(fromGroup(eveningOnly[0], anyTime)).toHaveLength(1);
    expect(fromGroup(eveningOnly[0], morning)).toHaveLength(0);
    // The day's row of every shift takes every group.
    const both = rowsOf(early).filter((row) => rowsOf(evening).includes(row));
    expect(both).toHaveLength(1);
    expect(fromGroup(both[0], morning)).toHaveLength(1);
  });

  it('keep each person of a contract with consistent starts to one band', () => {
    const nights = { ...contract, startWithinMinutes: 60 };
    const staff = [agent('N1', 0, 1_440), agent('N2', 0, 1_440)];
    const out = { caps: [] as ShiftCap[], extra: [] as ExtraColumn[], tours: [] as Tour[] };
    addTours(
      nights,
      staff,
      new Set([0]),
      [pattern(600), pattern(630), pattern(720)],
      templates,
      [{ midnight: 0, weekday: 0 }],
      out,
    );
    expect(out.tours.map((t) => t.group.band)).toEqual([
      [600, 630],
      [720, 720],
    ]);
    // Both bands' tours share one head count: the two people.
    const heads = out.tours.map((t) => out.extra[t.column].caps.find(([, v]) => v === 1)?.[0]);
    expect(new Set(heads).size).toBe(1);
    expect(out.caps[heads[0] as number].upper).toBe(2);
  });
});
