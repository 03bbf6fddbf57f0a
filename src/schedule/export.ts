import { machineTimeZone, personCalendar, stableUid, timeZoneClock, utcSpan } from '../report/ics';
import { minutesOf } from '../scenario/day';
import type { Schedule } from './solve';

export const agentId = (n: number) => `A${String(n).padStart(4, '0')}`;

/**
 * One iCalendar file per agent: the shift and its breaks as events. A
 * scenario's clock times are the center's local time; `timeZone` (IANA) says
 * which zone that is (by default the exporting machine's: the browser's, or
 * TZ for the CLI); each calendar writes the times in that zone with its
 * VTIMEZONE (personCalendar), so it shows the shift at the right moment
 * wherever it is opened.
 * The UIDs hash the scenario's name, the date, the agent and the event
 * (shift or n-th break), so a re-export, even after a re-solve, updates the
 * events a calendar already holds instead of doubling them; `exportedAt`
 * makes each event newer than an earlier export's (personCalendar).
 */
export function agentCalendars(
  schedule: Pick<Schedule, 'shifts'>,
  date: string,
  center: string,
  exportedAt: number,
  timeZone = machineTimeZone(),
): { agent: string; ics: string }[] {
  const clock = timeZoneClock(timeZone);
  const span = (e: { start: string; end: string }) => utcSpan(clock, date, minutesOf(e.start), minutesOf(e.end));
  const calendars: { agent: string; ics: string }[] = [];
  let id = 0;
  for (const shift of schedule.shifts) {
    const events = [
      { name: 'shift', summary: `${shift.template} (${center})`, start: shift.start, end: shift.end },
      ...shift.breaks.map((b, n) => ({
        name: `break ${n + 1}`,
        summary: b.paid ? 'Break (paid)' : 'Break',
        start: b.start,
        end: b.end,
      })),
    ];
    for (let k = 0; k < shift.agents; k++) {
      const agent = agentId(++id);
      const ics = personCalendar(
        `${center} — ${agent}`,
        timeZone,
        events.map((e) => {
          const [start, end] = span(e);
          return { uid: stableUid([center, date, agent, e.name]), start, end, summary: e.summary };
        }),
        exportedAt,
      );
      calendars.push({ agent, ics });
    }
  }
  return calendars;
}
