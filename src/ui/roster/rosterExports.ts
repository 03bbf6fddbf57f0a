import { strToU8, zipSync } from 'fflate';
import { machineTimeZone } from '../../report/ics';
import { agentsCsv, rosterCalendars, rosterCsv, rosterWorkbook } from '../../report/roster';
import type { WeekDraft } from '../../scenario/weekEdit';
import { download, fileSlug } from '../download';
import type { Rostered } from './rosterState';

const name = ({ roster }: Rostered) => fileSlug(roster.name);

/** Every shift of every person: the same file as `wfm roster --out week.csv`. */
export const downloadShiftsCsv = (r: Rostered) => download(`${name(r)}.csv`, rosterCsv(r.roster).shifts, 'text/csv');

/** Coverage per interval against the requirement: `wfm roster`'s NAME-coverage.csv. */
export const downloadCoverageCsv = (r: Rostered) => download(`${name(r)}-coverage.csv`, rosterCsv(r.roster).coverage, 'text/csv');

/** Roster and Coverage sheets: the same workbook as `wfm roster --out week.xlsx`. */
export const downloadRosterWorkbook = (r: Rostered) =>
  download(`${name(r)}.xlsx`, rosterWorkbook(r.roster), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

/** One calendar per person for the whole horizon (RFC 5545, in the week's time zone), zipped. */
export function downloadRosterCalendars(r: Rostered): void {
  const zone = typeof r.draft.week.timeZone === 'string' ? r.draft.week.timeZone : machineTimeZone();
  const files = Object.fromEntries(
    rosterCalendars(r.roster, zone, Date.now()).map(({ file, ics }) => [`${name(r)}-${file}.ics`, strToU8(ics)]),
  );
  download(`${name(r)}-calendars.zip`, zipSync(files), 'application/zip');
}

/** The people as an agents CSV, to keep or to give `wfm roster`. */
export const downloadAgentsCsv = (draft: WeekDraft) =>
  download(`${fileSlug(String(draft.week.name ?? 'week'))}.agents.csv`, agentsCsv(draft.agents), 'text/csv');
