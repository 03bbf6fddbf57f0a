import type { ShiftTemplate } from '../scenario/schema';
import type { Agent, Contract } from '../scenario/week';
import { dayCount, longestRun } from './dayBits';
import type { ShiftPattern } from './patterns';

/**
 * Who worked what in an earlier roster: agent name → "day/template/start"
 * key of each shift (see `shiftKey`) → where its breaks were (`breaksKey`).
 */
export type PreviousRoster = Map<string, Map<string, string>>;

/** Where a shift's breaks sit: each break's start, minutes after the shift's start. */
export const breaksKey = (offsets: number[]): string => offsets.join(',');

/** What makes two shifts the same for stability: the day, the template and the start (minutes). */
export const shiftKey = (day: number, template: string, startOfDay: number): string => `${day}/${template}/${startOfDay}`;

/** A pattern's `shiftKey`. */
export const patternKey = (p: ShiftPattern, templates: ShiftTemplate[], days: HorizonDay[]): string =>
  shiftKey(p.day, templates[p.template].name, p.start - days[p.day].midnight);

/** A pattern's `breaksKey`. */
export const patternBreaks = (p: ShiftPattern): string => breaksKey(p.breaks.map(([from]) => from - p.start));

export interface Assignment {
  agent: Agent;
  contract: Contract;
  patterns: ShiftPattern[];
}

/** A day of the horizon: its midnight (minutes after the first's) and its weekday (0 = Monday). */
export interface HorizonDay {
  midnight: number;
  weekday: number;
}

interface State {
  agent: Agent;
  contract: Contract;
  /** days this agent is given off before any shift is assigned */
  off: Set<number>;
  /** the starts (minutes after midnight, both ends included) the cover's tour keeps this agent to, if any */
  band?: [number, number];
  patterns: ShiftPattern[];
  days: Set<number>;
  hoursByWeek: number[];
  daysByWeek: number[];
  earliestStart: number;
  latestStart: number;
}

const weekOf = (day: number) => Math.floor(day / 7);

/** Whether the days of week `w` the agent works, with `day` added, still leave a run of `run` days off in it. */
function leavesDaysOff(worked: Set<number>, day: number, w: number, horizonDays: number, run: number): boolean {
  // A week the horizon holds only part of may have its days off outside it.
  if (run === 0 || 7 * w + 7 > horizonDays) return true;
  let free = 0;
  for (let d = 7 * w; d < Math.min(7 * w + 7, horizonDays); d++) {
    free = worked.has(d) || d === day ? 0 : free + 1;
    if (free >= run) return true;
  }
  return false;
}

/** Whether pattern `p` is one the person could ever work: a template of the contract, inside their window that weekday. */
export function fitsPerson(
  agent: Agent,
  contract: Contract,
  p: ShiftPattern,
  templates: ShiftTemplate[],
  days: HorizonDay[],
): boolean {
  if (contract.templates && !contract.templates.includes(templates[p.template].name)) return false;
  const { midnight, weekday } = days[p.day];
  const window = agent.availability[weekday];
  return window !== null && p.start - midnight >= window.from && p.end - midnight <= window.to;
}

/**
 * Whether `agent` may also work pattern `p`, by every rule of the contract
 * and the agent's availability on that weekday; on a day chosen off for them
 * only where `onDaysOff` (the days off chosen ahead are a plan, not a rule).
 */
function mayWork(s: State, p: ShiftPattern, templates: ShiftTemplate[], days: HorizonDay[], onDaysOff = false): boolean {
  const c = s.contract;
  if (!fitsPerson(s.agent, c, p, templates, days)) return false;
  const { midnight } = days[p.day];
  if (s.days.has(p.day) || (!onDaysOff && s.off.has(p.day))) return false;
  if (s.band && (p.start - midnight < s.band[0] || p.start - midnight > s.band[1])) return false;
  const rest = c.minRestHours * 60;
  const [from, to] = p.elapsed ?? [p.start, p.end];
  if (s.patterns.some(({ start, end, elapsed: [qFrom, qTo] = [start, end] }) => from < qTo + rest && qFrom < to + rest))
    return false;
  const w = weekOf(p.day);
  if ((s.daysByWeek[w] ?? 0) + 1 > c.maxDaysPerWeek) return false;
  if ((s.hoursByWeek[w] ?? 0) + p.paidHours > c.maxPaidHoursPerWeek + 1e-9) return false;
  let run = 1;
  for (let d = p.day - 1; s.days.has(d); d--) run++;
  for (let d = p.day + 1; s.days.has(d); d++) run++;
  if (run > c.maxConsecutiveDays) return false;
  if (!leavesDaysOff(s.days, p.day, w, days.length, c.consecutiveDaysOff)) return false;
  if (c.startWithinMinutes !== undefined && s.patterns.length > 0) {
    const startOfDay = p.start - midnight;
    if (Math.max(s.latestStart, startOfDay) - Math.min(s.earliestStart, startOfDay) > c.startWithinMinutes) return false;
  }
  return true;
}

function take(s: State, p: ShiftPattern, days: HorizonDay[]) {
  const w = weekOf(p.day);
  const startOfDay = p.start - days[p.day].midnight;
  s.patterns.push(p);
  s.days.add(p.day);
  s.daysByWeek[w] = (s.daysByWeek[w] ?? 0) + 1;
  s.hoursByWeek[w] = (s.hoursByWeek[w] ?? 0) + p.paidHours;
  s.earliestStart = Math.min(s.earliestStart, startOfDay);
  s.latestStart = Math.max(s.latestStart, startOfDay);
}

/** What an agent with no shift yet has worked. */
const nothingWorked = () => ({
  patterns: [],
  days: new Set<number>(),
  hoursByWeek: [],
  daysByWeek: [],
  earliestStart: Number.POSITIVE_INFINITY,
  latestStart: Number.NEGATIVE_INFINITY,
});

/**
 * Exchanges tried, at most, to place the shifts the day-by-day matching left open (each a person asked to
 * take another's shift): the bundled week uses about 9,000, a tenth of a second; 200,000 keep a week of
 * thousands of people with many open shifts to seconds.
 */
const EXCHANGE_WORK = 200_000;

/** Sets the agent's shifts to `patterns` and recounts what they give. */
function reset(s: State, patterns: ShiftPattern[], days: HorizonDay[]) {
  Object.assign(s, nothingWorked());
  for (const q of patterns) take(s, q, days);
}

/**
 * A shift the day's matching left open because each person free that day is
 * held back by a shift of theirs on another day (the rest after last night's
 * late shift, the week's hours spent on a long day) is placed by moving that
 * shift to someone else, who gives theirs of that day in exchange where they
 * have one: whether people's other days allow a shift is known only once
 * every day is matched. Each exchange tried spends one of `budget.left`
 * (a limit in work, not time: the same roster on any machine). Returns
 * whether `p` was placed.
 */
function placeByExchange(
  p: ShiftPattern,
  states: State[],
  templates: ShiftTemplate[],
  days: HorizonDay[],
  budget: { left: number },
): boolean {
  for (const s of states) {
    if (s.days.has(p.day) || s.off.has(p.day) || !fitsPerson(s.agent, s.contract, p, templates, days)) continue;
    const mine = s.patterns;
    for (const q of mine) {
      const without = mine.filter((x) => x !== q);
      reset(s, without, days);
      if (mayWork(s, p, templates, days))
        for (const other of states) {
          if (other === s) continue;
          if (--budget.left < 0) {
            reset(s, mine, days);
            return false;
          }
          const before = other.patterns;
          const theirs = before.find((r) => r.day === q.day);
          reset(
            other,
            before.filter((r) => r !== theirs),
            days,
          );
          if (mayWork(other, q, templates, days)) {
            take(other, q, days);
            take(s, p, days);
            if (theirs === undefined) return true;
            if (mayWork(s, theirs, templates, days)) {
              take(s, theirs, days);
              return true;
            }
            reset(s, without, days);
          }
          reset(other, before, days);
        }
      reset(s, mine, days);
    }
  }
  return false;
}

/**
 * A contract's weekly minimums (days, paid hours) in week `w` of a horizon of `horizonDays`: in a week
 * the horizon holds only part of, none, as its other days (and what was worked on them) lie outside it.
 */
export function weeklyMinimums(c: Contract, w: number, horizonDays: number): { days: number; hours: number } {
  return 7 * w + 7 <= horizonDays ? { days: c.minDaysPerWeek, hours: c.minPaidHoursPerWeek } : { days: 0, hours: 0 };
}

/** How far an agent is below the contract's weekly minimums in the week of `day` (days, then hours). */
const deficit = (s: State, day: number, horizonDays: number) => {
  const w = weekOf(day);
  const least = weeklyMinimums(s.contract, w, horizonDays);
  return [Math.max(0, least.days - (s.daysByWeek[w] ?? 0)), Math.max(0, least.hours - (s.hoursByWeek[w] ?? 0))];
};

function agentStates(agents: Agent[], contracts: Contract[]): State[] {
  const byName = new Map(contracts.map((c) => [c.name, c]));
  return agents.map((agent) => ({
    agent,
    contract: byName.get(agent.contract) as Contract,
    off: new Set<number>(),
    ...nothingWorked(),
  }));
}

/**
 * Days off first, as planners set them: each agent (the least available
 * first) gets, in each week, the days off the contract needs (7 − most
 * working days, with its run of consecutive days off) on the days where the
 * people of the same contract are most plentiful against the shifts they
 * may work, never on a day they worked in the previous roster if another
 * choice is left. Without it, people handed shifts day by day would spend
 * their working days early in the week and leave its end uncovered.
 */
function chooseDaysOff(
  states: State[],
  shifts: ShiftPattern[],
  templates: ShiftTemplate[],
  days: HorizonDay[],
  previous: PreviousRoster,
) {
  const groups = [...new Set(states.map((s) => s.contract.name))];
  const group = new Map(groups.map((g, i) => [g, i]));
  const allows = (g: number, k: number) => {
    const c = states.find((s) => s.contract.name === groups[g])?.contract;
    return !c?.templates || c.templates.includes(templates[k].name);
  };
  // surplus[g][d]: people of contract g free on day d, less the shifts that day they may work (a shared template split).
  const surplus = groups.map(() => new Float64Array(days.length));
  for (const s of states)
    days.forEach((day, d) => {
      if (s.agent.availability[day.weekday] !== null) surplus[group.get(s.contract.name) as number][d]++;
    });
  for (const p of shifts) {
    const sharing = groups.filter((_, g) => allows(g, p.template)).length;
    groups.forEach((_, g) => {
      if (allows(g, p.template)) surplus[g][p.day] -= 1 / sharing;
    });
  }
  const availableDays = (s: State) => days.filter((day) => s.agent.availability[day.weekday] !== null).length;
  const order = [...states].sort((a, b) => availableDays(a) - availableDays(b));
  for (const s of order) {
    const g = group.get(s.contract.name) as number;
    const workedBefore = new Set([...(previous.get(s.agent.name)?.keys() ?? [])].map((key) => Number(key.split('/')[0])));
    for (let w = 0; 7 * w < days.length; w++) {
      const first = 7 * w;
      const length = Math.min(7, days.length - first);
      let unavailable = 0;
      for (let d = 0; d < length; d++) if (s.agent.availability[days[first + d].weekday] === null) unavailable |= 1 << d;
      const run = length === 7 ? s.contract.consecutiveDaysOff : 0;
      const offCount = Math.max(length - s.contract.maxDaysPerWeek, run);
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let extra = 0; extra < 1 << length; extra++) {
        if (extra & unavailable) continue;
        const off = extra | unavailable;
        const count = dayCount(off);
        if (count < offCount || (count > offCount && extra !== 0) || longestRun(off, length) < run) continue;
        let score = 0;
        for (let d = 0; d < length; d++)
          if (extra & (1 << d)) score += surplus[g][first + d] - (workedBefore.has(first + d) ? days.length * states.length : 0);
        if (score > bestScore) {
          best = extra;
          bestScore = score;
        }
      }
      if (best < 0) continue;
      for (let d = 0; d < length; d++)
        if (best & (1 << d)) {
          s.off.add(first + d);
          surplus[g][first + d]--;
        }
    }
  }
}

/** Lexicographic: the first score that differs decides. */
function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/**
 * Gives each shift to a person, in order of start (the longer shift first
 * at the same start): among those who may work it, the one who worked it in
 * the previous roster, then the one furthest below the contract's weekly
 * minimum days and hours, then the one with the fewest days so far, then
 * the first in the agents file, so the same input gives the same roster.
 * Shifts nobody may work come back unassigned, never dropped silently.
 * Then each agent still below a weekly minimum gets, while one fits, the
 * candidate shift that covers most of what is still short (the least paid
 * first at a tie), on a day chosen off where no working day has one: a
 * contract's minimum is paid for whether needed or not.
 */
export function assignShifts(
  shifts: ShiftPattern[],
  input: {
    agents: Agent[];
    contracts: Contract[];
    templates: ShiftTemplate[];
    days: HorizonDay[];
    /** days off already chosen (by the covering model's tours), by agent name; the others' are chosen here */
    off?: Map<string, Set<number>>;
    /** bands of starts already chosen (by tours of contracts with consistent starts), by agent name */
    bands?: Map<string, [number, number]>;
    /** every pattern an agent below a minimum may be given */
    candidates: ShiftPattern[];
    /** whole agents each interval needs on the phones */
    required: number[];
    previous?: PreviousRoster;
  },
): { assignments: Assignment[]; unassigned: ShiftPattern[] } {
  const { templates, days } = input;
  const previous = input.previous ?? new Map();
  const keyOf = (p: ShiftPattern) => patternKey(p, templates, days);
  const states = agentStates(input.agents, input.contracts);
  for (const s of states) {
    for (const d of input.off?.get(s.agent.name) ?? []) s.off.add(d);
    s.band = input.bands?.get(s.agent.name);
  }
  chooseDaysOff(
    states.filter((s) => !input.off?.has(s.agent.name)),
    shifts,
    templates,
    days,
    previous,
  );
  const order = [...shifts].sort((a, b) => a.start - b.start || b.end - a.end || a.template - b.template);
  const unassigned: ShiftPattern[] = [];
  days.forEach((_, d) => {
    const today = order.filter((p) => p.day === d);
    // The earliest start tomorrow of a shift each person at work tomorrow may work: a shift today that ends
    // within the rest of it is better given to someone off tomorrow.
    const tomorrow = order.filter((p) => p.day === d + 1);
    const firstTomorrow = new Map(
      states.map((s) => {
        const first = s.off.has(d + 1) ? undefined : tomorrow.find((p) => fitsPerson(s.agent, s.contract, p, templates, days));
        return [s, first?.start ?? Number.POSITIVE_INFINITY];
      }),
    );
    const restsBefore = (s: State, p: ShiftPattern) =>
      p.end + s.contract.minRestHours * 60 <= (firstTomorrow.get(s) as number) ? 1 : 0;
    // Who may work each shift, the preferred first: it in the previous roster, still free for tomorrow's first
    // shift after it, furthest below a minimum, fewest days.
    const candidates = today.map((p) => {
      const key = keyOf(p);
      const scored = states.flatMap((s) => {
        if (!mayWork(s, p, templates, days)) return [];
        const [missingDays, missingHours] = deficit(s, p.day, days.length);
        return [
          {
            s,
            score: [previous.get(s.agent.name)?.has(key) ? 1 : 0, restsBefore(s, p), missingDays, missingHours, -s.days.size],
          },
        ];
      });
      return scored.sort((a, b) => (better(a.score, b.score) ? -1 : better(b.score, a.score) ? 1 : 0)).map((x) => x.s);
    });
    // The most shifts of the day worked, one each (augmenting paths, Kuhn): a greedy pass would leave
    // shifts open that a swap could fill.
    const shiftOf = new Map<State, number>();
    // Who had a shift keeps it first, with the same breaks where a copy has them; the paths below move
    // them only to place a shift nobody else can work.
    const kept = new Set<number>();
    for (const sameBreaks of [true, false])
      today.forEach((p, i) => {
        if (kept.has(i)) return;
        const key = keyOf(p);
        const breaks = patternBreaks(p);
        const holder = candidates[i].find((s) => {
          const had = previous.get(s.agent.name)?.get(key);
          return !shiftOf.has(s) && had !== undefined && (!sameBreaks || had === breaks);
        });
        if (holder) {
          shiftOf.set(holder, i);
          kept.add(i);
        }
      });
    // A path tries the people still free first, then those on a shift they did not have before, and moves
    // someone off their previous shift only when no other path is left: any order finds a path if one exists.
    const holds = (s: State, i: number) => previous.get(s.agent.name)?.has(keyOf(today[i])) === true;
    const rank = (s: State) => {
      const other = shiftOf.get(s);
      return other === undefined ? 0 : holds(s, other) ? 2 : 1;
    };
    const place = (i: number, seen: Set<State>): boolean => {
      for (const s of [0, 1, 2].flatMap((r) => candidates[i].filter((s) => rank(s) === r))) {
        if (seen.has(s)) continue;
        seen.add(s);
        const other = shiftOf.get(s);
        if (other === undefined || place(other, seen)) {
          shiftOf.set(s, i);
          return true;
        }
      }
      return false;
    };
    // A shift an augmenting path could not place at its turn stays unplaced: later paths only move placed ones.
    today.forEach((p, i) => {
      if (!kept.has(i) && !place(i, new Set())) unassigned.push(p);
    });
    for (const [s, i] of [...shiftOf].sort((a, b) => a[1] - b[1])) take(s, today[i], days);
  });
  const budget = { left: EXCHANGE_WORK };
  const open = unassigned.splice(0).filter((p) => !placeByExchange(p, states, templates, days, budget));
  unassigned.push(...open);
  const short = Float64Array.from(input.required);
  for (const s of states)
    for (const p of s.patterns)
      p.coverage.forEach((share, k) => {
        short[p.firstInterval + k] -= share;
      });
  for (const s of states) {
    for (let w = 0; 7 * w < days.length; w++) {
      for (;;) {
        const [missingDays, missingHours] = deficit(s, 7 * w, days.length);
        if (missingDays === 0 && missingHours === 0) break;
        let pick: ShiftPattern | null = null;
        let pickScore: number[] = [];
        // On a working day first; else on a day chosen off, where the contract's rules still hold (a week whose
        // working days were chosen on template hours can fall short by the hour the clocks take).
        for (const onDaysOff of [false, true]) {
          for (const p of input.candidates) {
            if (weekOf(p.day) !== w || !mayWork(s, p, templates, days, onDaysOff)) continue;
            const useful = p.coverage.reduce(
              (sum, share, k) => sum + Math.min(share, Math.max(0, short[p.firstInterval + k])),
              0,
            );
            const score = [useful, -p.paidHours];
            if (pick === null || better(score, pickScore)) {
              pick = p;
              pickScore = score;
            }
          }
          if (pick) break;
        }
        if (!pick) break;
        take(s, pick, days);
        pick.coverage.forEach((share, k) => {
          short[(pick as ShiftPattern).firstInterval + k] -= share;
        });
      }
    }
  }
  return {
    assignments: states.map((s) => ({
      agent: s.agent,
      contract: s.contract,
      patterns: [...s.patterns].sort((a, b) => a.start - b.start),
    })),
    unassigned,
  };
}
