import { machineTimeZone } from '../../report/ics';
import { clockChangeLine, rosterShiftsTable, rosterSummary } from '../../report/roster';
import { checksTable, finalCheckLine } from '../../report/schedule';
import { ReportTableView } from '../ReportTableView';
import { downloadCoverageCsv, downloadRosterCalendars, downloadRosterWorkbook, downloadShiftsCsv } from './rosterExports';
import type { Rostered } from './rosterState';

/** Shifts listed on the page; the exports hold them all. */
const SHOWN = 200;

const keptLine = ({ kept }: Rostered) =>
  kept &&
  `${kept.same.toLocaleString('en-US')} of the ${kept.before.toLocaleString('en-US')} shifts of the roster before stay with the same person at the same start (the solver keeps people where they were wherever the new cover allows).`;

/** The roster found: its summary and what is short, how much it kept of the one before, its exports and its shifts. */
export function RosterResult({ rostered, stale }: { rostered: Rostered | null; stale: boolean }) {
  if (!rostered) return <section class="panel summary" id="roster-summary" aria-label="Roster" aria-live="polite" />;
  const { roster } = rostered;
  const table = rosterShiftsTable(roster);
  const [head, ...rest] = rosterSummary(roster);
  const zone = typeof rostered.draft.week.timeZone === 'string' ? rostered.draft.week.timeZone : machineTimeZone();
  const clocks = clockChangeLine(roster, zone, typeof rostered.draft.week.timeZone === 'string');
  if (clocks) rest.push(clocks);
  const kept = keptLine(rostered);
  return (
    <section class="panel summary" id="roster-summary" aria-label="Roster">
      <h2>{head}</h2>
      {stale && (
        <p class="note">This roster is of the week before your last change; the new one follows when the week is valid.</p>
      )}
      <ul class="note" id="roster-findings">
        {rest.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {kept && <li id="roster-kept">{kept}</li>}
      </ul>
      <div class="actions">
        <button type="button" id="export-week-csv" onClick={() => downloadShiftsCsv(rostered)}>
          Roster (CSV)
        </button>
        <button type="button" id="export-week-coverage" onClick={() => downloadCoverageCsv(rostered)}>
          Coverage per interval (CSV)
        </button>
        <button type="button" id="export-week-xlsx" onClick={() => downloadRosterWorkbook(rostered)}>
          Roster and coverage (XLSX)
        </button>
        <button type="button" id="export-week-ics" onClick={() => downloadRosterCalendars(rostered)}>
          Calendars (ICS, one per person, zipped)
        </button>
      </div>
      {rostered.check && (
        <>
          <p class="note" id="roster-final-check">
            {finalCheckLine(rostered.check.finalCheck, 'roster')}
          </p>
          <ReportTableView
            table={checksTable(rostered.check.steps)}
            caption="Check by simulation, each day with the people expected to show up (absence taken out): paid hours against the lowest day's answer rate, step by step"
            className="metrics roster-checks"
          />
        </>
      )}
      <ReportTableView
        table={{ ...table, rows: table.rows.slice(0, SHOWN) }}
        caption={`Shifts by person${table.rows.length > SHOWN ? `, the first ${SHOWN} of ${table.rows.length.toLocaleString('en-US')} (the exports hold all)` : ''}; paid hours: the shift less its unpaid breaks`}
        className="metrics roster-table"
      />
    </section>
  );
}
