import { proxy, type Remote, wrap } from 'comlink';
import type { Scenario } from '../scenario';
import type { Counts } from '../sim/counters';
import type { WorkerHandle } from '../sim/pool';
import { simulationSize } from '../sim/size';
import type { SimulationWorkerApi } from '../sim/workerApi';

/** Browser cores for the worker pool (at least one). */
export const browserWorkers = () => Math.max(1, navigator.hardwareConcurrency || 2);

/**
 * Replications each prepared worker simulates ahead: a fresh engine runs its first replications
 * several times slower while the JIT compiles it, so a run's first replications are best simulated
 * while the page is idle.
 */
const AHEAD_PER_WORKER = 5;

/**
 * The most calls a replication simulated ahead may have (estimated, redials included): about a
 * fifth of a second on one core. A larger day is not simulated unasked; its JIT warms in its first replication anyway.
 */
const AHEAD_CALLS_LIMIT = 300_000;

/** A web worker and its API. */
interface Thread {
  worker: Worker;
  api: Remote<SimulationWorkerApi>;
}

/**
 * Workers started ahead of a run, so its first click does not wait for their scripts to load and
 * compile, and those a finished run gave back, compiled and warm, for the next.
 */
const standby: Thread[] = [];

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
  while (standby.length < browserWorkers()) standby.push(startThread());
  if (s) simulateAhead(s);
}

/** Work ahead waits for this long a pause in the planner's typing and clicking, ms. */
const QUIET_MS = 400;
let lastInput: number | null = null;

/** Resolves once there has been no input for QUIET_MS. */
async function quiet(): Promise<void> {
  if (lastInput === null) {
    lastInput = performance.now();
    const heard = () => {
      lastInput = performance.now();
    };
    for (const kind of ['keydown', 'input', 'pointerdown', 'wheel'])
      addEventListener(kind, heard, { capture: true, passive: true });
  }
  for (let left = QUIET_MS; left > 0; left = (lastInput ?? 0) + QUIET_MS - performance.now())
    await new Promise((resolve) => setTimeout(resolve, left));
}

function simulateAhead(s: Scenario): void {
  if (simulationSize(s, 1).calls > AHEAD_CALLS_LIMIT) return;
  const text = JSON.stringify(s);
  if (text === ahead.text) return;
  const done = new Map<number, Counts>();
  ahead = { text, done };
  const workers = standby.length;
  const last = Math.min(s.simulation.replications, AHEAD_PER_WORKER * workers);
  // One replication at a time on each worker, each once the planner has paused: typing keeps its cores.
  standby.forEach(async (w, k) => {
    try {
      await w.api.load(s);
      for (let r = k; r < last; r += workers) {
        await quiet();
        if (!standby.includes(w)) return; // a run has taken the worker: it runs what it needs itself
        done.set(r, await w.api.run(r));
      }
    } catch {
      // A worker that fails here changes nothing: a run asks it again and hears why.
    }
  });
}

/** A simulation worker for the pool: one started ahead or kept if there is one, else a new one. */
export function spawnWebWorker(): WorkerHandle {
  return lease(standby.shift() ?? startThread());
}

function startThread(): Thread {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
  return { worker, api: wrap<SimulationWorkerApi>(worker) };
}

/** One run's use of a worker, as the pool expects it; it answers from `ahead` where it can. */
function lease(thread: Thread): WorkerHandle {
  const { worker, api } = thread;
  let fail: (e: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    fail = reject;
  });
  died.catch(() => {}); // observed by the pool
  const onError = (e: ErrorEvent) => fail(new Error(e.message || 'the worker failed to start'));
  worker.addEventListener('error', onError);
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
    terminate: async () => {
      worker.removeEventListener('error', onError);
      worker.terminate();
    },
    release: () => {
      worker.removeEventListener('error', onError);
      api.idle().then(
        () => (standby.length < browserWorkers() ? standby.push(thread) : worker.terminate()),
        () => worker.terminate(),
      );
    },
    died,
  };
}
