import type { Highs } from 'highs';
import { planDay } from '../plan/plan';
import { timeZoneClock } from '../report/ics';
import { addDays, clockOf, minutesOf } from '../scenario/day';
import type { ShiftTemplate } from '../scenario/schema';
import { parseCsv } from '../scenario/volumes';
import { type Agent, type Contract, type Week, weekdayOf } from '../scenario/week';
import {
  assignShifts,
  breaksKey,
  fitsPerson,
  type HorizonDay,
  type PreviousRoster,
  patternBreaks,
  patternKey,
  shiftKey,
  weeklyMinimums,
} from './assign';
import { clockReadings, clocksChange, trueTimes } from './clockChange';
import { dayCount } from './dayBits';
import { type CoveringModel, coveringModel, type ExtraColumn, type ShiftCap } from './model';
import { defaultTemplates, type ShiftPattern, shiftPatterns, type Timeline } from './patterns';
import { paidHoursBound, searchCover, searchOutcome } from './search';
import { absenceOf, type ScheduleStatus, shiftRequirement } from './solve';
import { stayClose } from './stayClose';
import { addTours, type Tour } from './tours';
import { towardsPrevious } from './towardsPrevious';

/** One shift of one person: the date it starts on, and its times as local "YYYY-MM-DD HH:MM" (an end may fall on the next day). */
export interface RosterShift {
  date: string;
  template: string;
  start: string;
  end: string;
  breaks: { start: string; end: string; paid: boolean }[];
  paidHours: number;
}

export interface AgentRoster {
  agent: string;
  contract: string;
  shifts: RosterShift[];
  paidHours: number;
}

export interface RosterCoverage {
  date: string;
  start: string;
  /** agents needed on the phones, inflated for absence (whole agents) */
  required: number;
  /** agents the assigned shifts put on the phones (breaks taken out) */
  scheduled: number;
  short: number;
}

export interface Roster {
  name: string;
  /** how the covering search ended (see ScheduleStatus); its gap and bound are those of the shift counts */
  status: ScheduleStatus;
  gap: number | null;
  bound: number | null;
  /** paid hours of the shifts the covering chose, and of those given to people (the latter adds contract minimums) */
  coverPaidHours: number;
  /**
   * the fewest paid hours any cover could have that is short in no interval by more than this one
   * (an LP bound: the gap above mixes paid hours with shortfall penalties where the week cannot be met)
   */
  paidHoursBound: number | null;
  /** (coverPaidHours − paidHoursBound) ÷ coverPaidHours */
  paidHoursGap: number | null;
  paidHours: number;
  agents: AgentRoster[];
  /** shifts the cover needs that nobody may work (availability, contracts) */
  unassigned: RosterShift[];
  coverage: RosterCoverage[];
  /** intervals short after assignment, with the agent-hours missing */
  shortfalls: string[];
  /** agents below a weekly minimum of their contract */
  contractShortfalls: string[];
  templates: ShiftTemplate[];
  intervalMinutes: number;
}

/** The week's intervals on one timeline: each day's open intervals, minutes after the first day's midnight. */
export function weekTimeline(week: Week): { timeline: Timeline; slots: { day: number; start: string }[] } {
  const grid = week.days[0].intervalMinutes;
  const starts: number[] = [];
  const slots: { day: number; start: string }[] = [];
  week.days.forEach((s, d) => {
    const open = minutesOf(s.day.open);
    for (let t = open; t + grid <= minutesOf(s.day.close); t += grid) {
      starts.push(d * 1_440 + t);
      slots.push({ day: d, start: clockOf(t) });
    }
  });
  return { timeline: { starts, grid, midnights: week.days.map((_, d) => d * 1_440) }, slots };
}

/** Agents each interval of the week needs on the phones (each day's plan, before absence), the days in turn. */
export const weekRequirement = (week: Week): number[] => week.days.flatMap((s) => shiftRequirement(s, planDay(s)));

/** The absence day `d`'s shifts are inflated for: the week's, else that day's scenario's. */
export const weekAbsence = (week: Week, d: number): number => week.shifts?.absenceShrinkage ?? absenceOf(week.days[d]);

/**
 * Rosters a week: the shift counts that cover every interval's requirement
 * (the day's plan, or `requirement`, inflated for absence) at the fewest paid hours, as the
 * day's schedule does but over the whole horizon, so shifts may cross
 * midnight, and capped by the people who can work each template on each
 * day; then each shift goes to a person (assignShifts). What people cannot
 * cover is reported interval by interval.
 */
export function rosterWeek(
  week: Week,
  highs: Highs,
  options: { previous?: PreviousRoster; requirement?: number[] } = {},
): Roster {
  const templates = week.shifts?.templates ?? defaultTemplates(week.days[0]);
  const { timeline, slots } = weekTimeline(week);
  const days: HorizonDay[] = week.days.map((s, d) => ({ midnight: d * 1_440, weekday: weekdayOf(s.day.date) }));
  const required = (options.requirement ?? weekRequirement(week)).map((r, i) =>
    Math.ceil(r / (1 - weekAbsence(week, slots[i].day)) - 1e-9),
  );
  const dates = week.days.map((s) => s.day.date);
  const contracts = new Map(week.contracts.map((c) => [c.name, c]));
  const people = week.agents.map((a) => ({ agent: a, contract: contracts.get(a.contract) as Contract }));
  // Only patterns someone may work; a cap per day and template of the people who may work it there. Where the
  // week names its time zone, a shift over a change of the clocks is paid the hours it really lasts, with its breaks in
  // their windows in true time, and rest is true time.
  const all = shiftPatterns(timeline, templates);
  const patterns = (week.timeZone ? trueTimes(all, templates, dates, week.timeZone) : all).filter((p) =>
    people.some(({ agent, contract }) => fitsPerson(agent, contract, p, templates, days)),
  );
  const caps: ShiftCap[] = [];
  days.forEach((_, d) => {
    caps.push({
      of: (p) => p.day === d,
      upper: people.filter(({ agent }) => agent.availability[days[d].weekday] !== null).length,
    });
    templates.forEach((_, k) => {
      const group = patterns.filter((p) => p.day === d && p.template === k);
      if (group.length === 0) return;
      const upper = people.filter(({ agent, contract }) =>
        group.some((p) => fitsPerson(agent, contract, p, templates, days)),
      ).length;
      caps.push({ of: (p) => p.day === d && p.template === k, upper });
    });
  });
  const weeks = Math.ceil(days.length / 7);
  caps.push({ of: () => true, upper: people.reduce((sum, { contract }) => sum + contract.maxDaysPerWeek * weeks, 0) });
  // Templates only one contract works are capped by that contract's people: their days, hours, and each day the
  // people of the contract at work there who may work them, by days-off patterns chosen in the same model (tours).
  const tours: Tour[] = [];
  const extra: ExtraColumn[] = [];
  for (const c of week.contracts) {
    const only = new Set(
      templates.flatMap((t, k) =>
        week.contracts.every((other) => other === c || (other.templates !== undefined && !other.templates.includes(t.name))) &&
        (!c.templates || c.templates.includes(t.name))
          ? [k]
          : [],
      ),
    );
    const staff = people.flatMap((x) => (x.contract === c ? [x.agent] : []));
    if (only.size === 0 || staff.length === 0) continue;
    const of = (p: ShiftPattern) => only.has(p.template);
    caps.push({ of, upper: staff.length * c.maxDaysPerWeek * weeks });
    caps.push({ of, upper: staff.length * c.maxPaidHoursPerWeek * weeks, weight: (p) => p.paidHours });
    addTours(c, staff, only, patterns, templates, days, { caps, extra, tours });
  }
  const peopleHours = people.reduce((sum, { contract }) => sum + contract.maxPaidHoursPerWeek * weeks, 0);
  const maxPaidHours = Math.min(week.shifts?.maxPaidHours ?? Number.POSITIVE_INFINITY, peopleHours);
  const model = coveringModel(patterns, templates, required, maxPaidHours, caps, extra);
  const solved = searchCover(highs, model, week.timeLimitSeconds);
  // Each person's working days in the previous roster, as day bits, and their starts (minutes after midnight),
  // read once: every tour and pass asks.
  const before = new Map(
    week.agents.map((a) => {
      const keys = [...(options.previous?.get(a.name)?.keys() ?? [])];
      const days = keys.reduce((bits, key) => bits | (1 << Number(key.split('/')[0])), 0);
      return [a, { days, starts: keys.map((key) => Number(key.slice(key.lastIndexOf('/') + 1))) }];
    }),
  );
  const workedBefore = (agent: Agent) => before.get(agent)?.days ?? 0;
  const inBandBefore = (agent: Agent, band: [number, number] | undefined) =>
    band === undefined || (before.get(agent)?.starts ?? []).every((s) => s >= band[0] && s <= band[1]);
  const hadTour = (agent: Agent, t: Tour) => (workedBefore(agent) & t.block) === t.on && inBandBefore(agent, t.group.band);
  // Each person of a tour group takes one of the tours the cover chose in each block of the horizon (their other
  // days of the block are off, their starts in its band), then the shifts.
  const assignCover = (values: Float64Array) => {
    const chosen: ShiftPattern[] = [];
    patterns.forEach((p, j) => {
      for (let k = 0; k < values[j]; k++) chosen.push(p);
    });
    const off = new Map<string, Set<number>>();
    const bands = new Map<string, [number, number]>();
    // A person keeps the working days and start band of the previous roster where a tour has them, else takes
    // the next tour left; in a later block, only a tour of the band their first one gave them.
    const left = tours.map((t) => values[model.firstExtra + t.column]);
    for (const block of new Set(tours.map((t) => t.block))) {
      const placed = new Set<Agent>();
      const give = (agent: Agent, t: Tour, k: number) => {
        left[k]--;
        placed.add(agent);
        const free = off.get(agent.name) ?? new Set<number>();
        for (const d of days.keys()) if (block & (1 << d) && !(t.on & (1 << d))) free.add(d);
        off.set(agent.name, free);
        if (t.group.band) bands.set(agent.name, t.group.band);
      };
      // Exact matches first, then the most days in common (the same band first), so one change moves as few
      // working days and starts as it can.
      for (let level = 2 * dayCount(block) + 1; level >= 0; level--)
        for (const [k, t] of tours.entries()) {
          if (t.block !== block) continue;
          for (const agent of t.group.agents) {
            const common = dayCount(~(workedBefore(agent) ^ t.on) & block);
            const fits = 2 * common + (inBandBefore(agent, t.group.band) ? 1 : 0) === level;
            const band = bands.get(agent.name);
            if (left[k] > 0 && !placed.has(agent) && fits && (band === undefined || band === t.group.band)) give(agent, t, k);
          }
        }
    }
    const assigned = assignShifts(chosen, {
      off,
      bands,
      agents: week.agents,
      contracts: week.contracts,
      templates,
      days,
      candidates: patterns,
      required,
      previous: options.previous,
    });
    return { ...assigned, values, coverPaidHours: chosen.reduce((sum, p) => sum + p.paidHours, 0) };
  };
  const found = solved?.values ?? new Float64Array(model.numCols);
  const previous = options.previous;
  const { assignments, unassigned, values, coverPaidHours } =
    solved && previous
      ? nearestOf(
          [false, true].map((near) =>
            assignCover(alignToPrevious(highs, model, found, patterns, tours, previous, hadTour, templates, days, near)),
          ),
          previous,
          (p) => patternKey(p, templates, days),
        )
      : assignCover(found);
  // The bound of the cover given (with --previous, perhaps the one aligned to it): short by no more than it.
  const paidBound = solved ? paidHoursBound(highs, model, values) : null;
  const at = (minutes: number) => {
    const day = Math.floor(minutes / 1_440);
    return `${addDays(week.days[0].day.date, day)} ${clockOf(minutes - day * 1_440)}`;
  };
  // Where the clocks change, the times as the calendars read them (none the clocks skip); else the clock's.
  const zone = week.timeZone ? timeZoneClock(week.timeZone) : null;
  const clock = zone && clocksChange(zone, dates) ? zone : null;
  const span = (from: number, to: number): [string, string] =>
    clock ? clockReadings(clock, dates[0], from, to) : [at(from), at(to)];
  const describe = (p: ShiftPattern): RosterShift => {
    const t = templates[p.template];
    const [start, end] = span(p.start, p.end);
    return {
      date: week.days[p.day].day.date,
      template: t.name,
      start,
      end,
      breaks: p.breaks.map(([b0, b1], k) => {
        const [from, to] = span(b0, b1);
        return { start: from, end: to, paid: t.breaks[k].paid };
      }),
      paidHours: p.paidHours,
    };
  };
  const scheduled = new Float64Array(required.length);
  for (const a of assignments)
    for (const p of a.patterns)
      p.coverage.forEach((share, k) => {
        scheduled[p.firstInterval + k] += share;
      });
  const coverage = slots.map(({ day, start }, i) => ({
    date: week.days[day].day.date,
    start,
    required: required[i],
    scheduled: scheduled[i],
    short: Math.max(0, required[i] - scheduled[i]),
  }));
  const hours = timeline.grid / 60;
  const agents = assignments.map((a) => ({
    agent: a.agent.name,
    contract: a.contract.name,
    shifts: a.patterns.map(describe),
    paidHours: a.patterns.reduce((sum, p) => sum + p.paidHours, 0),
  }));
  const contractShortfalls = assignments.flatMap((a) =>
    Array.from({ length: weeks }, (_, w) => {
      const inWeek = a.patterns.filter((p) => Math.floor(p.day / 7) === w);
      const worked = inWeek.length;
      const paid = inWeek.reduce((sum, p) => sum + p.paidHours, 0);
      const least = weeklyMinimums(a.contract, w, days.length);
      const problems = [
        worked < least.days ? `${worked} ${worked === 1 ? 'day' : 'days'}, the contract needs at least ${least.days}` : '',
        paid < least.hours - 1e-9 ? `${paid} paid hours, the contract needs at least ${least.hours}` : '',
      ].filter((x) => x !== '');
      return problems.length > 0 ? `${a.agent.name} (${a.contract.name}), week ${w + 1}: ${problems.join('; ')}` : '';
    }).filter((x) => x !== ''),
  );
  return {
    name: week.name,
    ...(solved ? searchOutcome(solved) : { status: 'infeasible', gap: null, bound: null }),
    coverPaidHours,
    paidHoursBound: paidBound,
    paidHoursGap: paidBound === null || coverPaidHours <= 0 ? null : Math.max(0, coverPaidHours - paidBound) / coverPaidHours,
    paidHours: agents.reduce((sum, a) => sum + a.paidHours, 0),
    agents,
    unassigned: unassigned.map(describe),
    coverage,
    shortfalls: coverage
      .filter((c) => c.short > 1e-6)
      .map(
        (c) =>
          `${c.date} ${c.start}: short by ${c.short.toFixed(1)} agents on the phones (${(c.short * hours).toFixed(2)} agent-hours)`,
      ),
    contractShortfalls,
    templates,
    intervalMinutes: timeline.grid,
  };
}

/**
 * Of rosters made from covers of the same cost, the one that keeps the most
 * of the previous roster's shifts with the same person (day, template and
 * start), then the most with the same breaks too; the first on a tie.
 */
function nearestOf<T extends { assignments: { agent: Agent; patterns: ShiftPattern[] }[] }>(
  rosters: T[],
  previous: PreviousRoster,
  keyOf: (p: ShiftPattern) => string,
): T {
  const kept = (r: T) => {
    let shifts = 0;
    let breaks = 0;
    for (const a of r.assignments) {
      const had = previous.get(a.agent.name);
      for (const p of a.patterns) {
        const before = had?.get(keyOf(p));
        if (before === undefined) continue;
        shifts++;
        if (before === patternBreaks(p)) breaks++;
      }
    }
    return { roster: r, shifts, breaks };
  };
  return rosters
    .map(kept)
    .reduce((best, r) => (r.shifts > best.shifts || (r.shifts === best.shifts && r.breaks > best.breaks) ? r : best)).roster;
}

/**
 * The cover and the days-off patterns moved towards the previous roster:
 * with `near`, first to the cover of no higher cost that misses the fewest
 * of the previous roster's shifts and working days (stayClose), then unit by
 * unit (towardsPrevious). Shifts are the same by day, template and start,
 * nearest at the same day and template; a days-off pattern is wanted by as
 * many of its people as worked exactly those days before (in its band of
 * starts, if it has one), weighted by its working days.
 */
function alignToPrevious(
  highs: Highs,
  model: CoveringModel,
  values: Float64Array,
  patterns: ShiftPattern[],
  tours: Tour[],
  previous: PreviousRoster,
  hadTour: (agent: Agent, tour: Tour) => boolean,
  templates: ShiftTemplate[],
  days: HorizonDay[],
  near: boolean,
): Float64Array {
  const firstTour = model.numCols - tours.length;
  const keyOf = (j: number) => {
    if (j < patterns.length) return patternKey(patterns[j], templates, days);
    return j >= firstTour ? `tour ${j - firstTour}` : undefined;
  };
  const wanted = new Map<string, number>();
  for (const shifts of previous.values()) for (const key of shifts.keys()) wanted.set(key, (wanted.get(key) ?? 0) + 1);
  tours.forEach((t, k) => {
    wanted.set(`tour ${k}`, t.group.agents.filter((a) => hadTour(a, t)).length);
  });
  const distance = (from: number, to: number) => {
    if (from < patterns.length && to < patterns.length) {
      const [a, b] = [patterns[from], patterns[to]];
      return a.day === b.day && a.template === b.template ? Math.abs(a.start - b.start) : Number.POSITIVE_INFINITY;
    }
    if (from >= firstTour && to >= firstTour) {
      const [a, b] = [tours[from - firstTour], tours[to - firstTour]];
      return a.group === b.group && a.block === b.block ? dayCount(a.on ^ b.on) : Number.POSITIVE_INFINITY;
    }
    return Number.POSITIVE_INFINITY;
  };
  const weight = (key: string) => (key.startsWith('tour ') ? dayCount(tours[Number(key.slice(5))].on) : 1);
  const start = near ? stayClose(highs, model, values, keyOf, wanted, weight) : values;
  return towardsPrevious(model, start, keyOf, wanted, distance);
}

/** Minutes since 1970 of a local "YYYY-MM-DD HH:MM" text (as UTC: only differences are used); undefined if malformed. */
function stampMinutes(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 60_000 + 60 * +m[4] + +m[5] : undefined;
}

/** A previous roster none of whose shifts is on a day of the week rostered: it can keep nobody anywhere. */
export class OtherWeekRoster extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtherWeekRoster';
  }
}

/** A shift of an earlier roster as its CSV gives it: local times "YYYY-MM-DD HH:MM" (an end may be missing in a hand-made file). */
export interface PreviousShift extends Omit<RosterShift, 'paidHours'> {
  agent: string;
}

/**
 * The rows of an earlier roster's CSV export (agent, date, template, start,
 * end, breaks) and the shifts among them whose date and start can be read.
 */
export function previousShifts(csv: string): { rows: number; shifts: PreviousShift[] } {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const column = (name: string) => {
    const i = (header ?? []).indexOf(name);
    if (i < 0)
      throw new Error(`the previous roster has no ${name} column (a wfm roster CSV: agent,contract,date,template,start,…)`);
    return i;
  };
  const [agent, date, template, start] = ['agent', 'date', 'template', 'start'].map(column);
  // Older exports without a breaks column still give the shifts; their breaks are then free to move.
  const [end, breaks] = ['end', 'breaks'].map((name) => (header ?? []).indexOf(name));
  const shifts = rows.flatMap((row): PreviousShift[] =>
    stampMinutes(row[start] ?? '') === undefined || stampMinutes(`${row[date]} 00:00`) === undefined
      ? []
      : [
          {
            agent: row[agent] ?? '',
            date: row[date],
            template: row[template] ?? '',
            start: row[start],
            end: row[end] ?? '',
            breaks: [
              ...(row[breaks] ?? '').matchAll(/(\d{4}-\d{2}-\d{2} \d{2}:\d{2})–(\d{4}-\d{2}-\d{2} \d{2}:\d{2})?( \(paid\))?/g),
            ].map(([, from, to, paid]) => ({ start: from, end: to ?? '', paid: paid !== undefined })),
          },
        ],
  );
  return { rows: rows.length, shifts };
}

/**
 * The shifts of an earlier roster (its CSV export), for a re-solve to keep:
 * people keep the shifts they had wherever the new cover still has them, with
 * the same breaks where it can. Rows of other dates are ignored.
 */
export const readPreviousRoster = (csv: string, week: Week): PreviousRoster => previousRoster(previousShifts(csv), week);

/** readPreviousRoster of an earlier roster already read (previousShifts). */
export function previousRoster({ rows, shifts }: ReturnType<typeof previousShifts>, week: Week): PreviousRoster {
  const dayOf = new Map(week.days.map((s, d) => [s.day.date, d]));
  const previous: PreviousRoster = new Map();
  for (const shift of shifts) {
    const day = dayOf.get(shift.date);
    if (day === undefined) continue;
    const from = stampMinutes(shift.start) as number;
    const offsets = shift.breaks.map((b) => (stampMinutes(b.start) as number) - from);
    const kept = previous.get(shift.agent) ?? new Map<string, string>();
    kept.set(shiftKey(day, shift.template, from - (stampMinutes(`${shift.date} 00:00`) as number)), breaksKey(offsets));
    previous.set(shift.agent, kept);
  }
  if (rows > 0 && previous.size === 0)
    throw new OtherWeekRoster(
      `${rows === 1 ? 'its one shift is not' : `none of its ${rows} shifts is`} on a day of this week (${week.days[0].day.date} to ${week.days[week.days.length - 1].day.date}) with a start YYYY-MM-DD HH:MM; give a roster of this week`,
    );
  return previous;
}
