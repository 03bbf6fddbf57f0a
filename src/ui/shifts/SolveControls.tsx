import type { ShiftsState, Status } from './shiftsState';

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
      <StatusLine id="solve-status" status={status} />
    </>
  );
}

/** A job's status: what runs with its clock, or how it ended (an error marked as one). */
export function StatusLine({ id, status }: { id: string; status: Status }) {
  return (
    <p class={status.kind === 'idle' && status.error ? 'note error' : 'note'} id={id} role="status">
      {status.kind === 'running' ? `${status.label}… ${status.seconds.toFixed(1)} s` : status.text}
    </p>
  );
}
