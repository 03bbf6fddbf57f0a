import { z } from 'zod';
import { mostDaysInAWeek, mostShiftsApart } from './contractLimits';
import { templateErrors } from './crossField';
import { addDays, weekday } from './day';
import { mergePatch } from './mergePatch';
import { templatePaidHours } from './paidHours';
import { range, type Scenario, type Shifts, shiftsSchema } from './schema';
import { formatPath } from './shape';
import { describeIssue, parseScenario, type ScenarioError } from './validate';
import { parseCsv } from './volumes';

/**
 * The week file: a horizon of consecutive days to roster, each day a
 * scenario (a base scenario and a JSON merge patch of it, as in a sweep), the
 * shift templates, the contracts and the named agents who work them.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Most days a roster spans: two weeks. */
export const MAX_HORIZON_DAYS = 14;
export const MAX_ROSTER_AGENTS = 5_000;

const hours = (description: string) => range(0, 24 * MAX_HORIZON_DAYS, 'h', description);
const days = (description: string) => range(0, 7, 'days', description, true);

export const contractSchema = z.strictObject({
  name: z
    .string({ error: 'must be a text' })
    .min(1, { error: 'must not be empty' })
    .max(60, { error: 'must be at most 60 characters' }),
  templates: z
    .array(z.string({ error: 'must be a template name' }))
    .max(50, { error: 'at most 50 templates' })
    .optional()
    .meta({ description: 'the shift templates this contract works (by name); all when missing' }),
  minDaysPerWeek: days('fewest working days in each 7 days of the horizon').default(0),
  maxDaysPerWeek: days('most working days in each 7 days of the horizon').default(5),
  minPaidHoursPerWeek: hours('fewest paid hours in each 7 days of the horizon').default(0),
  maxPaidHoursPerWeek: hours('most paid hours in each 7 days of the horizon').default(40),
  minRestHours: range(0, 48, 'h', 'least time between the end of one shift and the start of the next').default(11),
  maxConsecutiveDays: range(1, MAX_HORIZON_DAYS, 'days', 'most working days in a row', true).default(6),
  consecutiveDaysOff: days('a run of at least this many days off in each 7 days of the horizon').default(0),
  startWithinMinutes: range(
    0,
    1_440,
    'min',
    "every start within this many minutes of the agent's earliest start in the horizon (consistent start times)",
    true,
  ).optional(),
});
export type Contract = z.output<typeof contractSchema>;

/** A window of availability on a weekday, minutes after that day's midnight; `to` past 1,440 runs into the next day. */
export interface Availability {
  from: number;
  to: number;
}

export interface Agent {
  name: string;
  contract: string;
  /** per weekday (Monday first), the window the agent can work in, or null for not available */
  availability: (Availability | null)[];
  skills: string[];
}

/** Whether the time zone database knows `zone` (the calendars are written in it). */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

const weekSchema = z.strictObject(
  {
    $schema: z.string().optional(),
    schema: z.literal(1, { error: 'must be 1 (this version of the week format)' }),
    name: z
      .string({ error: 'must be a text' })
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'must be at most 200 characters' }),
    timeZone: z
      .string({ error: 'must be an IANA time zone such as Europe/London' })
      .max(64)
      .refine(knownTimeZone, { error: 'must be an IANA time zone such as Europe/London or UTC' })
      // As the database spells it ("europe/london" is Europe/London): the calendars name it in TZID.
      .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone)
      .optional(),
    base: z.union([z.string(), z.record(z.string(), z.unknown())], {
      error: 'must be a scenario file path (beside the week file) or a scenario object',
    }),
    days: z
      .array(
        z.strictObject(
          {
            patch: z
              .record(z.string(), z.unknown(), { error: 'must be a JSON merge patch object of the base scenario' })
              .default({}),
          },
          { error: 'must be a { "patch": {…} } object' },
        ),
        { error: `must be a list of 1 to ${MAX_HORIZON_DAYS} { "patch": {…} } objects, one per consecutive day` },
      )
      .min(1, { error: 'give at least one day' })
      .max(MAX_HORIZON_DAYS, { error: `at most ${MAX_HORIZON_DAYS} days` }),
    shifts: shiftsSchema.optional(),
    timeLimitSeconds: range(1, 3_600, 's', 'safety-net wall clock of the search; its work limits decide first', true).default(
      120,
    ),
    contracts: z
      .array(contractSchema, { error: 'must be a list of 1 to 50 contracts' })
      .min(1, { error: 'give at least one contract' })
      .max(50, { error: 'at most 50 contracts' }),
    agents: z.string({ error: 'must be the path of an agents CSV file beside the week file' }),
  },
  { error: 'must be a week object: schema, name, base, days, contracts, agents' },
);
export type WeekInput = z.input<typeof weekSchema>;

/** A validated week: each day's scenario, in date order, and who works them. */
export interface Week {
  name: string;
  timeZone: string | undefined;
  days: Scenario[];
  /** the week's templates, else the first day's, else none (standard shifts then) */
  shifts: Shifts | undefined;
  /** the search's safety-net wall clock (s) */
  timeLimitSeconds: number;
  contracts: Contract[];
  agents: Agent[];
}

export type WeekParse = { ok: true; week: Week } | { ok: false; errors: ScenarioError[] };

const nextDate = (date: string) => addDays(date, 1);

/**
 * Validates a week file. `base` is the base scenario (read from the path
 * the file names, or the file's own object); `agents` the agents file's text,
 * or its rows already split (the app's table, header first).
 */
export function parseWeek(raw: unknown, base: unknown, agents: string | string[][]): WeekParse {
  const read = weekSchema.safeParse(raw, { reportInput: true });
  if (!read.success)
    return {
      ok: false,
      errors: read.error.issues
        .flatMap((i) => describeIssue(i))
        .slice(0, 20)
        .map((e) => (e.path === '(scenario)' ? { ...e, path: '(week)' } : e)),
    };
  const w = read.data;
  const errors: ScenarioError[] = [];
  const scenarios: Scenario[] = [];
  w.days.forEach((d, i) => {
    const parsed = parseScenario(mergePatch(base, d.patch));
    if (parsed.ok) scenarios.push(parsed.scenario);
    else for (const e of parsed.errors.slice(0, 3)) errors.push({ path: `days[${i}].patch → ${e.path}`, message: e.message });
  });
  if (errors.length > 0) return { ok: false, errors };
  scenarios.forEach((s, i) => {
    if (i === 0) return;
    const previous = scenarios[i - 1];
    if (s.day.date !== nextDate(previous.day.date))
      errors.push({
        path: `days[${i}].patch.day.date`,
        message: `must be ${nextDate(previous.day.date)}, the day after days[${i - 1}] (the days of a week are consecutive), got "${s.day.date}"`,
      });
    if (s.intervalMinutes !== scenarios[0].intervalMinutes)
      errors.push({
        path: `days[${i}].patch.intervalMinutes`,
        message: `must be ${scenarios[0].intervalMinutes} like the first day's (one interval grid for the week), got ${s.intervalMinutes}`,
      });
  });
  const shifts = w.shifts ?? scenarios[0].shifts;
  if (shifts?.partTimeShare)
    errors.push({
      path: w.shifts ? 'shifts.partTimeShare' : 'base → shifts.partTimeShare',
      message:
        'a roster of named people takes its part-time / full-time mix from the people and their contracts; leave it out (it is for wfm schedule)',
    });
  // The first day's grid: the week has one (checked above).
  if (w.shifts) errors.push(...templateErrors(w.shifts.templates, scenarios[0].intervalMinutes, scenarios[0].day.open));
  const templateNames = new Set(shifts?.templates.map((t) => t.name) ?? []);
  const contractNames = new Set<string>();
  w.contracts.forEach((c, i) => {
    const at = (field: string) => formatPath(['contracts', i, field]);
    if (contractNames.has(c.name))
      errors.push({ path: at('name'), message: `"${c.name}" names an earlier contract; names must differ` });
    contractNames.add(c.name);
    if (c.minDaysPerWeek > c.maxDaysPerWeek)
      errors.push({
        path: at('minDaysPerWeek'),
        message: `must be at most maxDaysPerWeek (${c.maxDaysPerWeek}), got ${c.minDaysPerWeek}`,
      });
    if (c.minPaidHoursPerWeek > c.maxPaidHoursPerWeek)
      errors.push({
        path: at('minPaidHoursPerWeek'),
        message: `must be at most maxPaidHoursPerWeek (${c.maxPaidHoursPerWeek}), got ${c.minPaidHoursPerWeek}`,
      });
    if (c.maxDaysPerWeek + c.consecutiveDaysOff > 7)
      errors.push({
        path: at('consecutiveDaysOff'),
        message: `at most ${7 - c.maxDaysPerWeek} with maxDaysPerWeek ${c.maxDaysPerWeek} (7 days a week), got ${c.consecutiveDaysOff}`,
      });
    // Rules each valid alone can still leave no week that meets the minimums.
    const ownTemplates = shifts?.templates.filter((t) => !c.templates || c.templates.includes(t.name)) ?? [];
    const byDays = mostDaysInAWeek(c);
    const byRest = ownTemplates.length > 0 ? mostShiftsApart(ownTemplates, c.minRestHours, scenarios[0].intervalMinutes) : 7;
    const most = Math.min(byDays, byRest);
    if (c.minDaysPerWeek <= c.maxDaysPerWeek && c.minDaysPerWeek > most)
      errors.push({
        path: at('minDaysPerWeek'),
        message: `at most ${most} with ${byRest < byDays ? `minRestHours ${c.minRestHours} between shifts of its templates` : `maxConsecutiveDays ${c.maxConsecutiveDays} and consecutiveDaysOff ${c.consecutiveDaysOff}`} (7 days a week), got ${c.minDaysPerWeek}`,
      });
    if (ownTemplates.length > 0 && c.minPaidHoursPerWeek <= c.maxPaidHoursPerWeek) {
      // An hour more where a night may run over the clocks going back.
      const longest = Math.max(...ownTemplates.map(templatePaidHours)) + (w.timeZone ? 1 : 0);
      if (c.minPaidHoursPerWeek > most * longest + 1e-9)
        errors.push({
          path: at('minPaidHoursPerWeek'),
          message: `at most ${most * longest} (${most} days a week of at most ${longest} paid hours, the longest of its templates), got ${c.minPaidHoursPerWeek}`,
        });
    }
    if (c.templates?.length === 0)
      errors.push({ path: at('templates'), message: 'name at least one template, or leave it out for all of them' });
    c.templates?.forEach((t, k) => {
      if (shifts && !templateNames.has(t))
        errors.push({
          path: formatPath(['contracts', i, 'templates', k]),
          message: `no shift template is named "${t}" (${[...templateNames].join(', ')})`,
        });
    });
  });
  const people = readAgents(agents, contractNames);
  if (!people.ok) return { ok: false, errors: [...errors, ...people.errors] };
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    week: {
      name: w.name,
      timeZone: w.timeZone,
      days: scenarios,
      shifts,
      timeLimitSeconds: w.timeLimitSeconds,
      contracts: w.contracts,
      agents: people.agents,
    },
  };
}

const window = (text: string): Availability | null | undefined => {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '-' || t === 'off') return null;
  // Any start that day, and a shift begun that day may run into the next morning (a night shift).
  if (t === 'any' || t === 'all') return { from: 0, to: 2 * 1_440 };
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [from, to] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
  // A window starts on its weekday (before 24:00); one that ends before it starts runs into the next morning.
  if (from >= 1_440 || to > 1_440 || Number(m[2]) > 59 || Number(m[4]) > 59 || from === to) return undefined;
  return { from, to: to < from ? to + 1_440 : to };
};

/**
 * The agents CSV: a header `name,contract,mon,tue,wed,thu,fri,sat,sun[,skills]`,
 * then one agent per line. A weekday holds the window the agent can work in
 * (`08:00-17:00`; `22:00-07:00` runs into the next morning; `any`; empty,
 * `-` or `off` for not available); skills are `;`-separated. A semicolon- or
 * tab-separated export reads the same. Errors name the row and the column.
 * `csv` may also be the rows already split, header first.
 */
export function readAgents(
  csv: string | string[][],
  contracts: Set<string>,
): { ok: true; agents: Agent[] } | { ok: false; errors: ScenarioError[] } {
  const rows = typeof csv === 'string' ? parseCsv(csv.replace(/^\uFEFF/, '')) : csv;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const expected = ['name', 'contract', ...WEEKDAYS];
  if (expected.some((h, i) => header[i] !== h) || header.length > 10 || (header.length === 10 && header[9] !== 'skills'))
    return {
      ok: false,
      errors: [
        {
          path: 'agents row 1',
          message: `the header must be ${expected.join(',')}[,skills], got "${(rows[0] ?? []).join(',').slice(0, 80)}"`,
        },
      ],
    };
  const errors: ScenarioError[] = [];
  const agents: Agent[] = [];
  const names = new Set<string>();
  rows.slice(1).forEach((f, k) => {
    if (errors.length >= 20) return;
    const at = (column: string) => `agents row ${k + 2}, ${column}`;
    if (f.length < 9 || f.length > header.length) {
      errors.push({ path: at('(row)'), message: `must have ${header.length} fields, got ${f.length}` });
      return;
    }
    const name = f[0].trim();
    if (name === '' || name.length > 100) errors.push({ path: at('name'), message: 'must be a text of 1 to 100 characters' });
    else if (names.has(name))
      errors.push({ path: at('name'), message: `"${name.slice(0, 60)}" is on an earlier row; names must differ` });
    names.add(name);
    const contract = f[1].trim();
    if (!contracts.has(contract))
      errors.push({
        path: at('contract'),
        message: `must be one of the week's contracts (${[...contracts].join(', ')}), got "${contract.slice(0, 60)}"`,
      });
    const availability = WEEKDAYS.map((d, i) => {
      const w = window(f[2 + i]);
      if (w === undefined)
        errors.push({
          path: at(d),
          message: `must be a window HH:MM-HH:MM (a start from 00:00 to 23:59, an end up to 24:00 and not the start; an end before the start is the next morning), any, or empty for not available, got "${f[2 + i].slice(0, 40)}"`,
        });
      return w ?? null;
    });
    const skills = (f[9] ?? '')
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    agents.push({ name, contract, availability, skills });
  });
  if (agents.length === 0 && errors.length === 0) errors.push({ path: 'agents', message: 'the file lists no agents' });
  if (agents.length > MAX_ROSTER_AGENTS)
    errors.push({ path: 'agents', message: `at most ${MAX_ROSTER_AGENTS} agents, got ${agents.length}` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, agents };
}

/** The weekday (0 = Monday) of a date. */
export const weekdayOf = (date: string): number => (weekday(date) + 6) % 7;
