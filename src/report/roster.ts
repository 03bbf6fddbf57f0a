import { AGENT_COLUMNS } from '../scenario/weekEdit';
import type { PreviousShift, Roster, RosterCoverage, RosterShift } from '../schedule/roster';
import { tableCsv, tableSheet, workbook } from './files';
import { type CalendarEvent, offsetMs, personCalendar, stableUid, timeZoneClock, utcSpan } from './ics';
import { breaksText, coverageColumns, partTimeLine } from './schedule';
import { type Column, type ReportTable, tableOf } from './table';

/**
 * What an analyst sends of a week's roster: one row per person and shift
 * (dates and times in every row), and the coverage of each interval against
 * its requirement.
 */

interface ShiftRow {
  agent: string;
  contract: string;
  shift: RosterShift;
}

const shiftColumns: Column<ShiftRow>[] = [
  {
    key: 'agent',
    label: 'Agent',
    unit: 'text',
    definition: 'the person, as in the agents file',
    brief: true,
    value: (r) => r.agent,
  },
  {
    key: 'contract',
    label: 'Contract',
    unit: 'text',
    definition: "the person's contract",
    brief: true,
    value: (r) => r.contract,
  },
  {
    key: 'date',
    label: 'Date',
    unit: 'text',
    definition: 'the day the shift starts (YYYY-MM-DD)',
    brief: true,
    value: (r) => r.shift.date,
  },
  {
    key: 'template',
    label: 'Template',
    unit: 'text',
    definition: 'the shift template',
    brief: true,
    value: (r) => r.shift.template,
  },
  {
    key: 'start',
    label: 'Start',
    unit: 'text',
    definition: 'shift start, local time (YYYY-MM-DD HH:MM)',
    brief: true,
    value: (r) => r.shift.start,
  },
  {
    key: 'end',
    label: 'End',
    unit: 'text',
    definition: 'shift end, local time (YYYY-MM-DD HH:MM; may be the next day)',
    brief: true,
    value: (r) => r.shift.end,
  },
  {
    key: 'breaks',
    label: 'Breaks',
    unit: 'text',
    definition: 'each break start–end, local time, paid ones marked',
    brief: true,
    value: (r) => breaksText(r.shift),
  },
  {
    key: 'paidHours',
    label: 'Paid hours',
    unit: 'hours',
    definition: 'shift length less its unpaid breaks',
    brief: true,
    value: (r) => r.shift.paidHours,
  },
];

const rosterCoverageColumns: Column<RosterCoverage>[] = [
  { key: 'date', label: 'Date', unit: 'text', definition: 'the day (YYYY-MM-DD)', brief: true, value: (c) => c.date },
  ...coverageColumns,
];

/** Every shift of every person, by person then start. */
export function rosterShiftsTable(r: Roster): ReportTable {
  return tableOf(
    shiftColumns,
    r.agents.flatMap((a) => a.shifts.map((shift) => ({ agent: a.agent, contract: a.contract, shift }))),
  );
}

export const rosterCoverageTable = (r: Roster): ReportTable => tableOf(rosterCoverageColumns, r.coverage);

/** The roster as CSV: shifts, and coverage beside it. */
export const rosterCsv = (r: Roster) => ({ shifts: tableCsv(rosterShiftsTable(r)), coverage: tableCsv(rosterCoverageTable(r)) });

/** The roster as a workbook: a Roster sheet and a Coverage sheet. */
export const rosterWorkbook = (r: Roster): Uint8Array =>
  workbook([tableSheet('Roster', rosterShiftsTable(r)), tableSheet('Coverage', rosterCoverageTable(r))]);

const AGENT_DEFINITIONS: Record<(typeof AGENT_COLUMNS)[number], string> = {
  name: 'the person (names differ)',
  contract: "one of the week's contracts",
  mon: 'the window the person can work in: HH:MM-HH:MM (past midnight runs into the next morning), any, or empty for not available',
  tue: 'as mon',
  wed: 'as mon',
  thu: 'as mon',
  fri: 'as mon',
  sat: 'as mon',
  sun: 'as mon',
  skills: 'skills, separated by ;',
};

/** The people of a week as an agents CSV (the file `wfm roster` reads), from the app's table rows. */
export const agentsCsv = (rows: string[][]): string =>
  tableCsv(
    tableOf(
      AGENT_COLUMNS.map((key, i) => ({
        key,
        label: key,
        unit: 'text' as const,
        definition: AGENT_DEFINITIONS[key],
        value: (r: string[]) => r[i] ?? '',
      })),
      rows,
    ),
  );

/** The head of the roster's report: hours, people, and what is short. */
export function rosterSummary(r: Roster): string[] {
  const working = r.agents.filter((a) => a.shifts.length > 0).length;
  const hours = (h: number) => Math.round(h).toLocaleString('en-US');
  const gap =
    r.gap === null ? 'no cover found' : `the shift counts within ${(100 * r.gap).toFixed(2)} % of the proved bound (${r.status})`;
  const paidGap =
    r.paidHoursBound === null || r.paidHoursGap === null
      ? ''
      : `; its paid hours within ${(100 * r.paidHoursGap).toFixed(2)} % of the least (${hours(r.paidHoursBound)} h) any cover short by no more in any interval could pay`;
  return [
    `${r.name}: ${working} of ${r.agents.length} people on ${r.agents.reduce((n, a) => n + a.shifts.length, 0)} shifts, ${hours(r.paidHours)} paid hours; the cover asked ${hours(r.coverPaidHours)} h, ${gap}${paidGap}`,
    r.unassigned.length > 0
      ? `${r.unassigned.length} ${r.unassigned.length === 1 ? 'shift' : 'shifts'} of the cover nobody may work (availability, contracts); the coverage below counts only shifts given to people`
      : 'every shift of the cover is given to a person',
    r.shortfalls.length > 0
      ? `short in ${r.shortfalls.length} of ${r.coverage.length} intervals, ${(r.coverage.reduce((s, c) => s + c.short, 0) * (r.intervalMinutes / 60)).toFixed(1)} agent-hours in all; first: ${r.shortfalls.slice(0, 3).join('; ')}`
      : 'every interval covered',
    partTimeLine(
      r.templates,
      r.agents.flatMap((a) => a.shifts),
      'contracts',
    ),
    // The people below a minimum are all in --json; the summary names the first few.
    ...(r.contractShortfalls.length > 0
      ? [
          `${r.contractShortfalls.length} below a contract minimum: ${r.contractShortfalls.slice(0, 5).join('; ')}${r.contractShortfalls.length > 5 ? `; and ${r.contractShortfalls.length - 5} more` : ''}`,
        ]
      : []),
  ];
}

/** A file name part for a person: letters, digits and dashes only (no path, no markup); a clash gets a number. */
function uniqueSlug(agent: string, taken: Set<string>): string {
  const slug =
    agent
      .normalize('NFKD')
      // Accents are marks of their own after NFKD: "Émile" is Emile, not E-mile.
      .replace(/\p{M}+/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'agent';
  let name = slug;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${slug}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Where the center's clocks change within the roster's days (daylight saving),
 * a line that says so and what the roster counts there: with `truePaid` (the
 * week names its time zone) a shift over the change is paid the hours it
 * really lasts; without, every day is 24 hours of the scenario's local
 * times, so such a shift is counted an hour long or short. The coverage is
 * local clock time either way; the calendars give true instants. Null where
 * no change falls in the days.
 */
export function clockChangeLine(r: Pick<Roster, 'coverage'>, timeZone: string, truePaid: boolean): string | null {
  const clock = timeZoneClock(timeZone);
  const dates = [...new Set(r.coverage.map((c) => c.date))];
  const changed = dates.filter((date) => {
    // About the local midnight that starts the day, and the next one.
    const wall = Date.parse(`${date}T00:00:00Z`);
    const midnight = wall - offsetMs(clock, wall);
    return offsetMs(clock, midnight) !== offsetMs(clock, midnight + 86_400_000);
  });
  if (changed.length === 0) return null;
  const on = `the clocks change in ${timeZone} on ${changed.join(', ')}`;
  return truePaid
    ? `${on}: a shift over the change is paid the hours it really lasts, an hour more or less than its template; the coverage counts local clock time (a repeated hour once, a skipped one as if it were there); the calendars give true times`
    : `${on}: the roster counts each day as 24 h of local time, so a shift over the change is counted an hour longer or shorter than it is (its paid hours and the coverage); name the week's timeZone to pay true hours; the calendars give its true times`;
}

/**
 * One calendar per person for the whole horizon: each shift and each break
 * as an event, in UTC for the center's IANA `timeZone`. The UIDs hash the
 * roster's name, the person, the shift's date and the event, so a re-export
 * of the same assignment updates the events a calendar holds instead of
 * doubling them, and its moment, `exportedAt`, makes each event newer than
 * an earlier export's (personCalendar). Each event of the `previous` roster's
 * (--previous) that this one no longer has, a shift or a break, is written
 * cancelled under its UID, so the calendars that hold it drop it; a person
 * the roster no longer gives a shift still gets a calendar of those. Each
 * comes with a file name part for the person.
 */
export function rosterCalendars(
  r: Roster,
  timeZone: string,
  exportedAt: number,
  previous: PreviousShift[] = [],
): { agent: string; file: string; ics: string }[] {
  const taken = new Set<string>();
  const clock = timeZoneClock(timeZone);
  // Minutes of a local "YYYY-MM-DD HH:MM" after the midnight of `date`.
  const after = (date: string, local: string) => {
    const [day, time] = local.split(' ');
    const [h, m] = time.split(':').map(Number);
    return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 60_000) + h * 60 + m;
  };
  const events = (agent: string, shift: Omit<RosterShift, 'paidHours'>) =>
    [
      { name: 'shift', summary: `${shift.template} (${r.name})`, start: shift.start, end: shift.end },
      ...shift.breaks.map((b, n) => ({
        name: `break ${n + 1}`,
        summary: b.paid ? 'Break (paid)' : 'Break',
        start: b.start,
        end: b.end,
      })),
    ]
      .filter((e) => e.end !== '')
      .map((e) => {
        const [start, end] = utcSpan(clock, shift.date, after(shift.date, e.start), after(shift.date, e.end));
        return { uid: stableUid([r.name, agent, shift.date, e.name]), start, end, summary: e.summary };
      });
  const current = new Map(r.agents.map((a) => [a.agent, a.shifts.flatMap((shift) => events(a.agent, shift))]));
  const kept = new Map([...current].map(([agent, list]) => [agent, new Set(list.map((e) => e.uid))]));
  const gone = new Map<string, CalendarEvent[]>();
  // Only the days this roster covers: an earlier roster's other days are not this one's to cancel.
  const days = new Set(r.coverage.map((c) => c.date));
  for (const shift of previous.filter((p) => days.has(p.date))) {
    const cancelled = events(shift.agent, shift)
      .filter((e) => !kept.get(shift.agent)?.has(e.uid))
      .map((e) => ({ ...e, summary: `Cancelled: ${e.summary}`, cancelled: true }));
    if (cancelled.length > 0) gone.set(shift.agent, [...(gone.get(shift.agent) ?? []), ...cancelled]);
  }
  const people = [...current.keys(), ...[...gone.keys()].filter((agent) => !current.has(agent))];
  return people
    .map((agent) => ({ agent, events: [...(current.get(agent) ?? []), ...(gone.get(agent) ?? [])] }))
    .filter((p) => p.events.length > 0)
    .map(({ agent, events }) => ({
      agent,
      file: uniqueSlug(agent, taken),
      ics: personCalendar(`${r.name} — ${agent}`, timeZone, events, exportedAt),
    }));
}
