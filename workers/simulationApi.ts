// The simulation API as both worker entries expose it through Comlink.
import { type Remote, releaseProxy } from 'comlink';
import { type ReplicationProgress, simulationWorkerApi } from '../src/sim/workerApi';

/**
 * A worker may be kept for many runs, each of which hands it a progress callback as a Comlink
 * proxy. The proxy holds a message port open on the page or process side (one that keeps a Node
 * process from exiting), so the last run's proxy is released when the next loads or the run ends.
 */
export function comlinkSimulationApi() {
  const api = simulationWorkerApi();
  let remote: Remote<ReplicationProgress> | undefined;
  const drop = () => {
    void remote?.[releaseProxy]();
    remote = undefined;
  };
  return {
    load(s: unknown, onProgress?: Remote<ReplicationProgress>): void {
      drop();
      if (typeof onProgress === 'function') remote = onProgress; // anything else is refused below
      api.load(s, onProgress);
    },
    run: api.run,
    idle(): void {
      api.idle();
      drop();
    },
  };
}
