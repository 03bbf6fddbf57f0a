import type { ShiftTemplate } from '../scenario/schema';
import type { Agent, Contract } from '../scenario/week';
import { fitsPerson, type HorizonDay, weeklyMinimums } from './assign';
import { dayCount, longestRun } from './dayBits';
import type { ExtraColumn, ShiftCap } from './model';
import type { ShiftPattern } from './patterns';

/**
 * People of one contract the cover treats as one: the same availability and,
 * where the contract wants consistent start times, one band of starts
 * (minutes after midnight, both ends included) that every shift of theirs keeps to.
 */
export interface TourGroup {
  agents: Agent[];
  band?: [number, number];
}

/**
 * A days-off pattern of one group over one block of the horizon (7 days, the
 * last perhaps fewer): `on` has a bit per working day, `block` one per day of
 * the block (bit d for day d of the horizon); `column` is its extra column.
 */
export interface Tour {
  group: TourGroup;
  on: number;
  block: number;
  column: number;
}

/** Every set of working days (bits) within `available` that the contract allows over a block of `length` ≤ 7 days. */
function workingDays(c: Contract, available: number, length: number): number[] {
  const all = (1 << length) - 1;
  const fewest = Math.min(weeklyMinimums(c, 0, length).days, dayCount(available));
  const sets: number[] = [];
  for (let on = 0; on <= all; on++) {
    if ((on & ~available) !== 0) continue;
    const n = dayCount(on);
    if (n < fewest || n > c.maxDaysPerWeek || longestRun(on, length) > c.maxConsecutiveDays) continue;
    if (length === 7 && longestRun(all & ~on, length) < c.consecutiveDaysOff) continue;
    sets.push(on);
  }
  return sets;
}

/**
 * Bands of start times, each no wider than `within` minutes, that hold every
 * start in `starts`: from the earliest, each band takes every start up to
 * `within` after its first. A person kept to one band meets the rule; the
 * bands are disjoint, so the cover can count people per band.
 */
export function startBands(starts: number[], within: number): [number, number][] {
  const bands: [number, number][] = [];
  for (const s of [...new Set(starts)].sort((a, b) => a - b)) {
    const last = bands.at(-1);
    if (last && s <= last[0] + within) last[1] = s;
    else bands.push([s, s]);
  }
  return bands;
}

/**
 * Tour scheduling for the templates only contract `c` works (`only`): the
 * people of `c` in groups, days-off patterns per group and per block of 7
 * days as extra columns (a person takes one in each block), and on each day,
 * for every set of groups that are the only ones who may work some of that
 * day's shifts, a cap: those shifts at most the group's people at work that
 * day. Without the smaller sets, people who may not work the evening would
 * count towards the evening's shifts (Hall's condition, for the sets the
 * shifts themselves name). Runs of working days across two blocks are left
 * to the assignment. Adds to `caps`, `extra` and `tours`.
 */
export function addTours(
  c: Contract,
  staff: Agent[],
  only: Set<number>,
  patterns: ShiftPattern[],
  templates: ShiftTemplate[],
  days: HorizonDay[],
  out: { caps: ShiftCap[]; extra: ExtraColumn[]; tours: Tour[] },
): void {
  const mine = patterns.filter((p) => only.has(p.template));
  const startOfDay = (p: ShiftPattern) => p.start - days[p.day].midnight;
  const bands: ([number, number] | undefined)[] =
    c.startWithinMinutes === undefined ? [undefined] : startBands(mine.map(startOfDay), c.startWithinMinutes);
  const byAvailability = new Map<string, Agent[]>();
  for (const agent of staff) {
    const key = JSON.stringify(agent.availability);
    byAvailability.set(key, [...(byAvailability.get(key) ?? []), agent]);
  }
  const availabilities = [...byAvailability.values()];
  const groups = availabilities.flatMap((agents) => bands.map((band) => ({ agents, band })));
  const inBand = (band: [number, number] | undefined, p: ShiftPattern) =>
    band === undefined || (startOfDay(p) >= band[0] && startOfDay(p) <= band[1]);
  const workers = new Map(
    mine.map((p) => [
      p,
      groups.flatMap((g, i) => (inBand(g.band, p) && fitsPerson(g.agents[0], c, p, templates, days) ? [i] : [])),
    ]),
  );
  const all = groups.map((_, i) => i);
  // rows[d]: each cap row of day d with the groups whose people at work may fill it.
  const rows = days.map((_, d) => {
    const sets = new Map([[all.join(','), all]]);
    for (const p of mine) {
      const w = workers.get(p) as number[];
      if (p.day === d && w.length > 0) sets.set(w.join(','), w);
    }
    return [...sets.values()].map((members) => {
      const set = new Set(members);
      out.caps.push({
        of: (p) => p.day === d && only.has(p.template) && (workers.get(p) as number[]).every((g) => set.has(g)),
        upper: 0,
      });
      return { row: out.caps.length - 1, set };
    });
  });
  for (let first = 0; first < days.length; first += 7) {
    const length = Math.min(7, days.length - first);
    const block = ((1 << length) - 1) << first;
    const inBlock = (p: ShiftPattern) => only.has(p.template) && p.day >= first && p.day < first + length;
    const hours = weeklyHours(c, inBlock, patterns, templates, out.caps);
    for (const agents of availabilities) {
      let mask = 0;
      for (let d = first; d < first + length; d++) if (agents[0].availability[days[d].weekday] !== null) mask |= 1 << (d - first);
      out.caps.push({ of: () => false, upper: agents.length });
      const headCount = out.caps.length - 1;
      groups.forEach((group, g) => {
        if (group.agents !== agents) return;
        for (const week of workingDays(c, mask, length)) {
          const spare = hours.spare(dayCount(week));
          if (spare === undefined) continue;
          const on = week << first;
          out.tours.push({ group, on, block, column: out.extra.length });
          out.extra.push({
            upper: agents.length,
            caps: [...days.keys()]
              .flatMap((d): [number, number][] =>
                on & (1 << d) ? rows[d].filter((r) => r.set.has(g)).map((r) => [r.row, -1]) : [],
              )
              .concat([[headCount, 1]], spare),
          });
        }
      });
    }
  }
}

/**
 * A person's weekly paid hours, as rows the tours carry: on a tour of n days
 * a person has H − n·L hours to spare above n of the contract's shortest
 * shifts (L paid hours), so the excess of the `mine` shifts above L is at
 * most the tours' spare in all, and shifts that each need at least e of it
 * number at most ⌊spare / e⌋ per person (two 10 h days do not fit where one
 * does). Counts the shifts `mine` names (of the templates only `c` works, in
 * one block of the horizon); adds those rows to `caps`; `spare(n)` gives a
 * tour's entries in them, or undefined where n of the shortest shifts already pass H.
 */
function weeklyHours(
  c: Contract,
  mine: (p: ShiftPattern) => boolean,
  patterns: ShiftPattern[],
  templates: ShiftTemplate[],
  caps: ShiftCap[],
): { spare: (n: number) => [number, number][] | undefined } {
  const least = Math.min(
    ...patterns.filter((p) => !c.templates || c.templates.includes(templates[p.template].name)).map((p) => p.paidHours),
  );
  const excess = (p: ShiftPattern) => p.paidHours - least;
  const steps = [...new Set(patterns.filter(mine).map(excess))].filter((e) => e > 1e-9);
  const total = caps.length;
  // Where every shift pays the same, the days already count the hours.
  if (steps.length > 0) caps.push({ of: mine, upper: 0, weight: excess });
  for (const e of steps) caps.push({ of: (p) => mine(p) && excess(p) >= e - 1e-9, upper: 0 });
  return {
    spare(n) {
      const spare = c.maxPaidHoursPerWeek - n * least;
      if (spare < -1e-9) return undefined;
      if (steps.length === 0) return [];
      return [
        [total, -spare],
        ...steps.map((e, k): [number, number] => [total + 1 + k, -Math.min(n, Math.floor(spare / e + 1e-9))]),
      ];
    },
  };
}
