import { SimulationCancelled } from '../sim/pool';

/**
 * Runs `work` with Ctrl-C (SIGINT) or SIGTERM (what timeout, systemd and
 * Kubernetes send) as its cancel signal, so a run on the cluster is cancelled
 * everywhere either way. A cancelled run says so in one line on stderr and
 * exits 130 or 143 (the shell's codes for those signals), never with a trace;
 * `onFailure` runs first on any failure (to end a progress line).
 */
export async function untilInterrupted(
  command: string,
  work: (signal: AbortSignal) => Promise<void>,
  onFailure?: () => void,
): Promise<void> {
  const abort = new AbortController();
  let exitCode = 130;
  const onInterrupt = () => abort.abort();
  const onTerminate = () => {
    exitCode = 143;
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onTerminate);
  try {
    await work(abort.signal);
  } catch (error) {
    onFailure?.();
    if (!(error instanceof SimulationCancelled || abort.signal.aborted)) throw error;
    process.stderr.write(`wfm ${command}: cancelled\n`);
    process.exitCode = exitCode;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onTerminate);
  }
}
