import { proxy, wrap } from 'comlink';
import type { WorkerHandle } from '../sim/pool';
import type { SimulationWorkerApi } from '../sim/workerApi';

/** Browser cores for the worker pool (at least one). */
export const browserWorkers = () => Math.max(1, navigator.hardwareConcurrency || 2);

/** Workers started ahead of a run, so its first click does not wait for their scripts to load and compile. */
const standby: WorkerHandle[] = [];

/** Starts, while the page is idle, as many workers as the next run will take (at most one per core). */
export function prepareWorkers(): void {
  while (standby.length < browserWorkers()) standby.push(startWebWorker());
}

/** A simulation worker for the pool: one started ahead if there is one, else a new one. */
export function spawnWebWorker(): WorkerHandle {
  return standby.shift() ?? startWebWorker();
}

/** A simulation web worker behind Comlink, as the pool expects it. */
function startWebWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<SimulationWorkerApi>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker failed to start')));
  });
  died.catch(() => {}); // observed by the pool
  return {
    load: (s, onProgress) => api.load(s, proxy(onProgress)),
    run: (r) => api.run(r),
    terminate: async () => worker.terminate(),
    died,
  };
}
