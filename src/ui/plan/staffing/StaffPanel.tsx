import type { Scenario } from '../../../scenario';
import type { Session } from '../../state/session';
import { type StaffMethod, staffRun } from './staffRun';

const METHODS: [StaffMethod, string, string][] = [
  ['erlangA', 'Staff to target by Erlang A', 'the fewest agents per interval meeting the per-interval targets by exact Erlang A'],
  ['erlangC', 'by Erlang C', 'the same by Erlang C (no abandonment)'],
  [
    'simulation',
    'by simulation',
    'from the Erlang A answer, adjusted interval by interval until every target holds with 95 % confidence in the simulated day',
  ],
];

/** One run per session, so its report and a search under way outlive the page being rebuilt or left. */
const runs = new WeakMap<Session, ReturnType<typeof staffRun>>();
function runOf(session: Session) {
  let run = runs.get(session);
  if (!run) {
    run = staffRun(session);
    runs.set(session, run);
  }
  return run;
}

/** Staff the open scenario to its targets: a new scenario version, with the change in paid hours and cost. */
export function StaffPanel({ session, scenario }: { session: Session; scenario: Scenario | null }) {
  const run = runOf(session);
  const busy = run.running.value !== null;
  return (
    <section class="panel staffing" id="staff-panel" aria-label="Staff to target">
      <h2>Staff to target</h2>
      <div class="actions">
        {METHODS.map(([method, label, title]) => (
          <button
            type="button"
            id={`staff-${method}`}
            key={method}
            title={title}
            disabled={busy || scenario === null}
            onClick={() => scenario && void run.start(scenario, method)}
          >
            {label}
          </button>
        ))}
        {busy && (
          <button type="button" id="staff-cancel" onClick={run.cancel}>
            Cancel
          </button>
        )}
      </div>
      <p class="note" id="staff-status" aria-live="polite">
        {run.status.value}
      </p>
      <div id="staff-report" aria-live="polite">
        {run.report.value.map((line) => (
          <p class="note" key={line}>
            {line}
          </p>
        ))}
      </div>
    </section>
  );
}
