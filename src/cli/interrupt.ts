import { SimulationCancelled } from '../sim/pool';

/**
 * Runs `work` with Ctrl-C as its cancel signal. A cancelled run says so in one
 * line on stderr and exits 130 (the shell's code for an interrupt), never with
 * a trace; `onFailure` runs first on any failure (to end a progress line).
 */
export async function untilInterrupted(
  command: string,
  work: (signal: AbortSignal) => Promise<void>,
  onFailure?: () => void,
): Promise<void> {
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    await work(abort.signal);
  } catch (error) {
    onFailure?.();
    if (!(error instanceof SimulationCancelled || abort.signal.aborted)) throw error;
    process.stderr.write(`wfm ${command}: cancelled\n`);
    process.exitCode = 130;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
