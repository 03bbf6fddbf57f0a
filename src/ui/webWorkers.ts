import { proxy, wrap } from 'comlink';
import type { WorkerHandle } from '../sim/pool';
import type { SimulationWorkerApi } from '../sim/workerApi';

/** Browser cores for the worker pool (at least one). */
export const browserWorkers = () => Math.max(1, navigator.hardwareConcurrency || 2);

/** A simulation web worker behind Comlink, as the pool expects it. */
export function spawnWebWorker(): WorkerHandle {
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
