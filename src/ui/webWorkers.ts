import { proxy, wrap } from 'comlink';
import type { Scenario } from '../scenario';
import type { Counts } from '../sim/counters';
import type { WorkerHandle } from '../sim/pool';
import type { SimulationWorkerApi } from '../sim/workerApi';

/** Browser cores for the worker pool (at least one). */
export const browserWorkers = () => Math.max(1, navigator.hardwareConcurrency || 2);

/**
 * Replications each prepared worker simulates ahead: a fresh engine runs its first replications
 * several times slower while the JIT compiles it, so a run's first replications are best simulated
 * while the page is idle.
 */
const AHEAD_PER_WORKER = 5;

/** Workers started ahead of a run, so its first click does not wait for their scripts to load and compile. */
const standby: WorkerHandle[] = [];

/**
 * Replications simulated ahead of the scenario (its JSON) the next run will likely simulate, as they
 * finish. Each answers one ask of a run of that same scenario, exactly: a replication's counts depend
 * only on the scenario, its seed and its index.
 */
let ahead: { text: string; done: Map<number, Counts> } = { text: '', done: new Map() };

/**
 * Starts, while the page is idle, as many workers as the next run will take (at most one per core);
 * given the scenario the next run will likely simulate, they simulate its first replications ahead.
 */
export function prepareWorkers(s?: Scenario): void {
  while (standby.length < browserWorkers()) standby.push(startWebWorker());
  if (s) simulateAhead(s);
}

function simulateAhead(s: Scenario): void {
  const text = JSON.stringify(s);
  if (text === ahead.text) return;
  const done = new Map<number, Counts>();
  ahead = { text, done };
  const workers = standby.length;
  const last = Math.min(s.simulation.replications, AHEAD_PER_WORKER * workers);
  standby.forEach((w, k) => {
    // A worker that fails here changes nothing: a run asks it again and hears why.
    w.load(s, () => {}).then(
      () => {
        for (let r = k; r < last; r += workers)
          w.run(r).then(
            (counts) => done.set(r, counts),
            () => {},
          );
      },
      () => {},
    );
  });
}

/** A simulation worker for the pool: one started ahead if there is one, else a new one. */
export function spawnWebWorker(): WorkerHandle {
  return standby.shift() ?? startWebWorker();
}

/** A simulation web worker behind Comlink, as the pool expects it; it answers from `ahead` where it can. */
function startWebWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<SimulationWorkerApi>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker failed to start')));
  });
  died.catch(() => {}); // observed by the pool
  let loaded = '';
  return {
    load: (s, onProgress) => {
      loaded = JSON.stringify(s);
      return api.load(s, proxy(onProgress));
    },
    run: (r) => {
      const kept = loaded === ahead.text ? ahead.done.get(r) : undefined;
      if (kept === undefined) return api.run(r);
      ahead.done.delete(r);
      return Promise.resolve(kept);
    },
    terminate: async () => worker.terminate(),
    died,
  };
}
