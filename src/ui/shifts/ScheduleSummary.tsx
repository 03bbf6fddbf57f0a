import { partTimeLine, shiftsTable } from '../../report/schedule';
import { ReportTableView } from '../ReportTableView';
import { downloadCalendars, downloadRosterCsv, downloadWorkbook } from './scheduleExports';
import type { Solved } from './shiftsState';

/** The schedule found: agents and paid hours, what falls short, the shifts in use and the roster's exports. */
export function ScheduleSummary({ solved, stale }: { solved: Solved | null; stale: string | null }) {
  if (!solved) return <section class="panel summary" id="schedule-summary" aria-label="Schedule" aria-live="polite" />;
  const { schedule } = solved;
  return (
    <section class="panel summary" id="schedule-summary" aria-label="Schedule">
      <h2>{`${schedule.agents.toLocaleString('en-US')} agents, ${Math.round(schedule.paidHours).toLocaleString('en-US')} paid hours`}</h2>
      {stale && <p class="note">{stale}</p>}
      <p class="note">
        {schedule.shortfalls.length > 0
          ? `Short of the requirement: ${schedule.shortfalls.join('; ')}.`
          : 'Every interval is covered.'}
      </p>
      <p class="note" id="schedule-mix">
        {partTimeLine(schedule.templates, schedule.shifts, solved.scenario.shifts?.partTimeShare)}
      </p>
      <div class="actions">
        <button type="button" id="export-roster-csv" onClick={() => downloadRosterCsv(solved)}>
          Roster (CSV)
        </button>
        <button type="button" id="export-roster-xlsx" onClick={() => downloadWorkbook(solved)}>
          Roster and coverage (XLSX)
        </button>
        <button type="button" id="export-ics" onClick={() => downloadCalendars(solved)}>
          Calendars (ICS, one per agent, zipped)
        </button>
      </div>
      <ReportTableView
        table={shiftsTable(schedule)}
        caption="Shifts in use (paid hours: the shift less its unpaid breaks)"
        className="metrics shift-table"
      />
    </section>
  );
}
