import { formatSeconds, formatShare } from '../../format/number';
import type { DayPlan } from '../../plan';
import { planCsv, planTable, simulationTable } from '../../report/csv';
import { xlsx } from '../../report/xlsx';
import { scenarioVersion } from '../../scenario';
import { download, fileSlug } from '../download';
import type { Session } from '../state/session';
import { AgentsCell } from './AgentsCell';

type Interval = DayPlan['intervals'][number];
const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

const COLUMNS: [string, (x: Interval) => string][] = [
  ['Calls', (x) => count(x.attempts)],
  ['Blocked', (x) => count(x.blocked)],
  ['Self-served', (x) => count(x.contained)],
  ['To agents', (x) => count(x.toAgents)],
  ['Callbacks', (x) => count(x.callbacksRequested)],
  ['Agents', (x) => count(x.agents)],
  ['Req. C', (x) => count(x.requiredC)],
  ['Req. A', (x) => count(x.requiredA)],
  ['SL', (x) => formatShare(x.serviceLevel, 1)],
  ['Answer rate', (x) => formatShare(x.answerRate, 1)],
  ['ASA', (x) => formatSeconds(x.asa, 0)],
  ['Occupancy', (x) => formatShare(x.occupancyAll, 1)],
];
const AGENTS = 'Agents';

/** The simulation of the open scenario's current version, if it has one. */
const simulated = (session: Session) => {
  const now = session.current();
  return now.simulation?.version === scenarioVersion(now.raw) ? now.simulation.result : null;
};

function exportWorkbook(session: Session, name: string, plan: DayPlan): void {
  const sim = simulated(session);
  const sheets = [
    { name: 'Plan', table: planTable(name, plan) },
    ...(sim ? [{ name: 'Simulation', table: simulationTable(sim) }] : []),
  ];
  download(
    `${fileSlug(name)}.xlsx`,
    xlsx(sheets.map((s) => ({ name: s.name, rows: [s.table.header, ...s.table.rows] }))),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

interface TableProps {
  session: Session;
  name: string;
  plan: DayPlan | null;
  /** the scenario's per-interval agents, editable in the table; null when staffing is one value */
  agents: number[] | null;
  /** bumps when drafts change */
  drafts: number;
}

/**
 * The interval table. Rows are keyed by their start, so an edit updates
 * cells in place and an agents cell being typed in keeps its focus and caret.
 */
export function IntervalTable({ session, name, plan, agents }: TableProps) {
  const { id } = session.current();
  const messages = agents ? [...session.drafts].filter(([key]) => key.startsWith(`${id}|staffing.agents[`)) : [];
  return (
    <section class="panel table-panel" aria-label="Interval plan">
      <div class="actions">
        <button
          type="button"
          id="export-plan-csv"
          onClick={() => plan && download(`${fileSlug(name)}-plan.csv`, planCsv(name, plan), 'text/csv')}
        >
          Download the plan (CSV)
        </button>
        <button type="button" id="export-plan-xlsx" onClick={() => plan && exportWorkbook(session, name, plan)}>
          Plan and simulation (XLSX)
        </button>
      </div>
      <p class="error" id="agents-error" aria-live="polite">
        {messages.map(([, d]) => d.message).join(' ')}
      </p>
      <div class="table-scroll">
        <table class="plan-table">
          <caption>Interval plan (calls = first attempts + redials; Req. = agents the targets need)</caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              {COLUMNS.map(([label]) => (
                <th scope="col" key={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan?.intervals.map((x) => (
              <tr key={x.start} class={x.requiredA !== null && x.agents < x.requiredA ? 'short' : ''}>
                <th>{x.start}</th>
                {COLUMNS.map(([label, value]) =>
                  label === AGENTS && agents ? (
                    <AgentsCell key={label} session={session} index={x.index} start={x.start} agents={agents[x.index]} />
                  ) : (
                    <td key={label}>{value(x)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
