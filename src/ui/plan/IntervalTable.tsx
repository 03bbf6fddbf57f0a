import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { DayPlan } from '../../plan';
import type { DayCost } from '../../plan/cost';
import type { Session } from '../state/session';
import { ColumnDefinitions } from './ColumnDefinitions';
import { intervalRows } from './intervalRows';
import { exportPlanCsv, exportWorkbook } from './planExports';
import type { SavedSimulation } from './simulation/saved';

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
  // A keystroke re-renders the page; the rows change only with the plan and the agents typed.
  const { table, body, foot } = useMemo(() => intervalRows(session, plan, agents, drafts), [plan, agents, session, drafts]);
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
