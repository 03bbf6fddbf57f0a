import { strToU8, zipSync } from 'fflate';
import { scheduleCsv, scheduleWorkbook } from '../../report/schedule';
import { agentCalendars } from '../../schedule';
import { download, fileSlug } from '../download';
import type { Solved } from './shiftsState';

/** The roster as CSV: the same rows as `wfm schedule --out roster.csv`. */
export const downloadRosterCsv = ({ scenario, schedule }: Solved) =>
  download(`${fileSlug(scenario.name)}-shifts.csv`, scheduleCsv(schedule, scenario.day.date).roster, 'text/csv');

/** Roster and coverage as one workbook: the same sheets as `wfm schedule --out roster.xlsx`. */
export const downloadWorkbook = ({ scenario, schedule }: Solved) =>
  download(
    `${fileSlug(scenario.name)}-shifts.xlsx`,
    scheduleWorkbook(schedule, scenario.day.date),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );

/** One calendar per agent (RFC 5545), zipped. */
export function downloadCalendars({ scenario, schedule }: Solved): void {
  const calendars = agentCalendars(schedule, scenario.day.date, scenario.name, Date.now());
  const files = Object.fromEntries(calendars.map((c) => [`${c.agent}.ics`, strToU8(c.ics)]));
  download(`${fileSlug(scenario.name)}-calendars.zip`, zipSync(files), 'application/zip');
}
