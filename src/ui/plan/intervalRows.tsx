import type { ReadonlySignal } from '@preact/signals';
import type { DayPlan } from '../../plan';
import { planReport } from '../../report/plan';
import { briefTable, type Cell, type ReportTable } from '../../report/table';
import { formatCell } from '../../report/terminal';
import type { Session } from '../state/session';
import { AgentsCell } from './AgentsCell';

/** A row's cells after the start, as the terminal renders them; a negative net staffing is under. */
const cells = (table: ReportTable, row: Cell[]) =>
  row.slice(1).map((cell, i) => {
    const { key, unit } = table.columns[i + 1];
    return { key, text: formatCell(cell, unit), under: key === 'netStaffing' && typeof cell === 'number' && cell < 0 };
  });

/**
 * The interval table's body and footer for a plan: the plan report's brief rows, formatted as the
 * terminal formats them, with editable agents cells where staffing is per interval. Built once per
 * plan (and agents typed), so a keystroke elsewhere hands Preact the same elements to skip.
 */
export function intervalRows(session: Session, plan: DayPlan | null, agents: number[] | null, drafts: ReadonlySignal<number>) {
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
}
