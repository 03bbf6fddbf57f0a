import type { Analysis } from '../../forecast/workerApi';
import type { ForecastState } from './forecastState';
import type { Run } from './run';

const count = (n: number) => n.toLocaleString('en-US');

function message(run: Run, a: Analysis | null): string {
  switch (run.kind) {
    case 'waiting':
      return 'Import a history of calls per interval (CSV: date-time, calls) to begin.';
    case 'running':
      return run.of === 0
        ? 'Reading the history…'
        : `Backtesting every method… ${Math.floor((100 * run.done) / run.of)} % (${count(run.done)} of ${count(run.of)} method-days)`;
    case 'cancelled':
      return 'Cancelled. What you entered is kept.';
    case 'failed':
      return run.message;
    case 'done':
      return a
        ? `${a.days} days, ${a.from} – ${a.to}; ${count(a.rows)} rows, ${a.counts.unparseable} unreadable, ${a.counts.duplicates} duplicates, ${a.counts.gaps} gaps (listed above; none dropped silently).`
        : '';
  }
}

/** Where the backtest is, in words: progress with Cancel while it runs, why it stopped, and what the history held. */
export function RunStatus({ state }: { state: ForecastState }) {
  const run = state.run.value;
  const a = state.analysis.value;
  const again = (run.kind === 'cancelled' || run.kind === 'failed') && state.inputs.value.history !== null;
  return (
    <>
      <ul class="file-errors" id="history-report">
        {(a?.problems ?? []).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p class={`note${run.kind === 'failed' ? ' error' : ''}`} id="forecast-status" role="status">
        {message(run, a)}
      </p>
      {run.kind === 'running' && (
        <div class="actions">
          <progress id="forecast-progress" max={run.of || 1} value={run.done} aria-label="Backtest progress" />
          <button type="button" id="cancel-forecast" onClick={() => state.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {again && (
        <div class="actions">
          <button type="button" id="run-backtest" onClick={() => void state.analyse()}>
            Run the backtest again
          </button>
        </div>
      )}
      <p class="note credit" id="data-credit">
        {state.credit.value}
      </p>
    </>
  );
}
