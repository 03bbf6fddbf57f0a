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
    // A day of its own is no full week: no minimum, so each band has a tour off the day and one on it.
    expect(out.tours.map((t) => [t.group.band, t.on])).toEqual([
      [[600, 630], 0],
      [[600, 630], 1],
      [[720, 720], 0],
      [[720, 720], 1],
    ]);
    // Both bands' tours share one head count: the two people.
    const heads = out.tours.map((t) => out.extra[t.column].caps.find(([, v]) => v === 1)?.[0]);
    expect(new Set(heads).size).toBe(1);
    expect(out.caps[heads[0] as number].upper).toBe(2);
  });

  // Weekly hours: any-time people over a few days, shifts of 8, 10 and 12 paid hours.
  const hoursTemplates = [8, 10, 12].map((h) => ({ ...templates[0], name: `${h} h`, lengthMinutes: 60 * h }));
  const shift = (day: number, k: number): ShiftPattern => ({
    ...pattern(day * 1_440 + 480),
    template: k,
    day,
    end: day * 1_440 + 480 + 60 * (8 + 2 * k),
    paidHours: 8 + 2 * k,
  });
  const toursOver = (c: Contract, people: number, length: number) => {
    const out = { caps: [] as ShiftCap[], extra: [] as ExtraColumn[], tours: [] as Tour[] };
    const days = Array.from({ length }, (_, d) => ({ midnight: d * 1_440, weekday: 0 }));
    const staff = Array.from({ length: people }, (_, i) => agent(`P${i}`, 0, 1_440));
    const patterns = days.flatMap((_, d) => [0, 1, 2].map((k) => shift(d, k)));
    addTours(c, staff, new Set([0, 1, 2]), patterns, hoursTemplates, days, out);
    return { out, patterns };
  };
  // Whether every cap row holds for `shifts` (pattern, count) and one tour per person (working days as bits).
  const holds = (built: ReturnType<typeof toursOver>, shifts: ShiftPattern[], tourOf: number[]) => {
    const { out } = built;
    const rows = out.caps.map(() => 0);
    for (const p of shifts)
      out.caps.forEach((c, r) => {
        if (c.of(p)) rows[r] += c.weight ? c.weight(p) : 1;
      });
    for (const on of tourOf) {
      const t = out.tours.find((t) => t.on === on);
      if (!t) return false;
      for (const [r, v] of out.extra[t.column].caps) rows[r] += v;
    }
    return rows.every((v, r) => v <= out.caps[r].upper + 1e-9);
  };
  const at = (built: ReturnType<typeof toursOver>, day: number, k: number) =>
    built.patterns.find((p) => p.day === day && p.template === k) as ShiftPattern;

  it('count a person’s weekly hours: one 10 h day fits beside an 8 h one in 18 h, two do not', () => {
    const c = { ...contract, minDaysPerWeek: 2, maxDaysPerWeek: 2, maxPaidHoursPerWeek: 18 };
    const built = toursOver(c, 1, 2);
    expect(holds(built, [at(built, 0, 1), at(built, 1, 0)], [0b11])).toBe(true);
    expect(holds(built, [at(built, 0, 1), at(built, 1, 1)], [0b11])).toBe(false);
    // Two people on two days may each take one: two 10 h days in all, never three.
    const two = toursOver({ ...c, maxPaidHoursPerWeek: 19 }, 2, 2);
    const tens = (n: number) => [0, 1, 0, 1].map((d, i) => at(two, d, i < n ? 1 : 0));
    expect(holds(two, tens(2), [0b11, 0b11])).toBe(true);
    // 3 × 2 excess hours is 6 ≤ 2 × 3 spare, so the total alone would let it through; per person it cannot be.
    expect(holds(two, tens(3), [0b11, 0b11])).toBe(false);
  });

  it('never cut off a roster that keeps every person within the weekly hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 8, max: 40 }),
        fc.array(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (length, hours, wanted) => {
          const c = { ...contract, minDaysPerWeek: 1, maxDaysPerWeek: length, maxPaidHoursPerWeek: hours };
          const built = toursOver(c, wanted.length, length);
          // Each person works the days where `wanted` names a template (-1: off), dropping days past the hours.
          const shifts: ShiftPattern[] = [];
          const tourOf: number[] = [];
          for (const days of wanted) {
            let paid = 0;
            let on = 0;
            days.slice(0, length).forEach((k, d) => {
              if (k < 0 || paid + 8 + 2 * k > hours) return;
              paid += 8 + 2 * k;
              on |= 1 << d;
              shifts.push(at(built, d, k));
            });
            if (on === 0) {
              on = 1;
              shifts.push(at(built, 0, 0));
            }
            tourOf.push(on);
          }
          expect(holds(built, shifts, tourOf)).toBe(true);
        },
      ),
    );
  });
});
