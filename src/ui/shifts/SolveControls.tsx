import type { ShiftsState } from './shiftsState';

/** Solve again, check by simulation, Cancel, and the status line with its running clock. */
export function SolveControls({ state }: { state: ShiftsState }) {
  const status = state.status.value;
  const running = status.kind === 'running';
  return (
    <>
      <div class="actions">
        <button type="button" id="check-schedule" class="primary" disabled={running || !state.solved.value} onClick={state.check}>
          Check by simulation
        </button>
        <button type="button" id="solve-again" disabled={running} onClick={state.solve}>
          Solve again
        </button>
        <button type="button" id="cancel-solve" disabled={!running} onClick={state.cancel}>
          Cancel
        </button>
      </div>
      <p class={status.kind === 'idle' && status.error ? 'note error' : 'note'} id="solve-status" role="status">
        {running ? `${status.label}… ${status.seconds.toFixed(1)} s` : status.text}
      </p>
    </>
  );
}
