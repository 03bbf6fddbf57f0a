import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { DayPlan } from '../../plan';
import type { DayCost } from '../../plan/cost';
import { planReport } from '../../report/plan';
import { briefTable, type Cell, type ReportTable } from '../../report/table';
import { formatCell } from '../../report/terminal';
import type { Session } from '../state/session';
import { AgentsCell } from './AgentsCell';
import { ColumnDefinitions } from './ColumnDefinitions';
import { exportPlanCsv, exportWorkbook } from './planExports';
import type { SavedSimulation } from './simulation/saved';

/** A row's cells after the start, as the terminal renders them; a negative net staffing is under. */
const cells = (table: ReportTable, row: Cell[]) =>
  row.slice(1).map((cell, i) => {
    const { key, unit } = table.columns[i + 1];
    return { key, text: formatCell(cell, unit), under: key === 'netStaffing' && typeof cell === 'number' && cell < 0 };
  });

interface TableProps {
  session: Session;
  name: string;
  plan: DayPlan | null;
  /** the scenario's per-interval agents, editable in the table; null when staffing is one value */
  agents: number[] | null;
  simulation: SavedSimulation | null;
  /** bumps when drafts change */
  drafts: ReadonlySignal<number>;
  /** the day's cost, for the exports, where the scenario has a cost section */
  cost: DayCost | null;
}

/**
 * The interval table: the plan report's brief columns, the rows `wfm plan` prints, with the day
 * in the footer. Rows are keyed by their start, so an edit updates cells in place and an agents
 * cell being typed in keeps its focus and caret.
 */
export function IntervalTable({ session, name, plan, agents, simulation, drafts, cost }: TableProps) {
  void drafts.value; // subscribes: the agents error line follows the drafts
  const { id } = session.current();
  const messages = agents ? [...session.drafts].filter(([key]) => key.startsWith(`${id}|staffing.agents[`)) : [];
  // A keystroke re-renders the page; the rows change only with the plan (and the agents typed),
  // so they are formatted and built once per plan: the same elements make Preact skip them.
  const { table, body, foot } = useMemo(() => {
    const report = plan && planReport(plan);
    const table = report && briefTable(report.intervals);
    const day = report && briefTable(report.day);
    const body = (
      <tbody>
        {plan?.intervals.map((x, i) => {
          const shown = table ? cells(table, table.rows[i]) : [];
          return (
            <tr key={x.start} class={shown.some((c) => c.under) ? 'short' : ''}>
              <th scope="row">{x.start}</th>
              {shown.map((c) =>
                c.key === 'agents' && agents ? (
                  <AgentsCell
                    key={c.key}
                    session={session}
                    index={x.index}
                    start={x.start}
                    agents={agents[x.index]}
                    drafts={drafts}
                  />
                ) : (
                  <td key={c.key} data-key={c.key} class={c.under ? 'under' : undefined}>
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    );
    const foot = day && (
      <tfoot>
        <tr>
          <th scope="row">day</th>
          {cells(day, day.rows[0]).map((c) => (
            <td key={c.key} data-key={c.key}>
              {c.text}
            </td>
          ))}
        </tr>
      </tfoot>
    );
    return { table, body, foot };
  }, [plan, agents, session, drafts]);
  return (
    <section class="panel table-panel" aria-label="Interval plan">
      <div class="actions">
        <button type="button" id="export-plan-csv" onClick={() => plan && exportPlanCsv(name, plan, cost)}>
          Download the plan (CSV)
        </button>
        <button type="button" id="export-plan-xlsx" onClick={() => plan && exportWorkbook(name, plan, cost, simulation)}>
          Plan and simulation (XLSX)
        </button>
      </div>
      <p class="error" id="agents-error" aria-live="polite">
        {messages.map(([, d]) => d.message).join(' ')}
      </p>
      <div class="table-scroll">
        <table class="plan-table">
          <caption>
            Interval plan (calls = first attempts + redials; Req. = agents the targets need; Net = agents − Req. A)
          </caption>
          <thead>
            <tr>
              {table?.columns.map((c) => (
                <th scope="col" key={c.key} title={c.definition}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          {body}
          {foot}
        </table>
      </div>
      {table && <ColumnDefinitions id="plan-columns" table={table} />}
    </section>
  );
}
