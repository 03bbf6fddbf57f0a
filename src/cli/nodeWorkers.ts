import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { proxy, type Remote, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerHandle } from '../sim/pool';
import type { SimulationWorkerApi } from '../sim/workerApi';

let bundle: Uint8Array | null = null;
const BUILT = new URL('./simulation.node.js', import.meta.url);

/**
 * The worker thread's code: prebuilt beside the CLI (dist-cli/simulation.node.js). Run from
 * source (tests, bench), the entry is bundled once per process with esbuild, a dev dependency,
 * so a thread still starts in tens of milliseconds instead of compiling TypeScript itself.
 */
export function workerBundle(): Uint8Array {
  if (typeof __WFM_BUILD__ !== 'undefined') {
    bundle ??= readFileSync(BUILT);
    return bundle;
  }
  if (!bundle) {
    const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const out = buildSync({
      entryPoints: [fileURLToPath(new URL('../../workers/simulation.node.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0].contents;
  }
  return bundle;
}

let module: URL | null = null;

function workerModule(): URL {
  if (typeof __WFM_BUILD__ !== 'undefined') return BUILT;
  module ??= new URL(`data:text/javascript;base64,${Buffer.from(workerBundle()).toString('base64')}`);
  return module;
}

/** Worker threads default to the machine's cores. */
export const defaultWorkers = () => availableParallelism();

/** A worker thread and its API. */
interface Thread {
  worker: Worker;
  api: Remote<SimulationWorkerApi>;
}

/**
 * Threads a finished run gave back, compiled and warm, for the next run (a staffing search or a
 * roster check runs many): unreferenced while kept, so they never keep the process from exiting.
 */
const kept: { thread: Thread; leave: () => void }[] = [];
let keepAtMost = defaultWorkers();

/** Starts `n` threads ahead of the first run, kept until a run takes them (and keeps up to `n`). */
export function startNodeWorkers(n: number): void {
  keepAtMost = Math.max(keepAtMost, n);
  for (let i = kept.length; i < n; i++) keep(startThread());
}

/** How many threads are kept now, idle. */
export const keptNodeWorkers = () => kept.length;

function startThread(): Thread {
  const worker = new Worker(workerModule());
  // A run hears an error through its lease; a kept thread's error only ends it, and its exit forgets it.
  worker.on('error', () => {});
  return { worker, api: wrap<SimulationWorkerApi>(nodeEndpoint(worker)) };
}

function keep(thread: Thread): void {
  if (kept.length >= keepAtMost) {
    void thread.worker.terminate();
    return;
  }
  thread.worker.unref();
  const entry = {
    thread,
    leave: () => {
      const i = kept.indexOf(entry);
      if (i >= 0) kept.splice(i, 1);
    },
  };
  thread.worker.once('exit', entry.leave);
  kept.push(entry);
}

function take(): Thread | undefined {
  const entry = kept.pop();
  if (!entry) return undefined;
  entry.thread.worker.off('exit', entry.leave);
  entry.thread.worker.ref();
  return entry.thread;
}

/** A simulation worker thread behind Comlink, as the pool expects it: a kept one if there is one, else a new one. */
export function spawnNodeWorker(): WorkerHandle {
  return lease(take() ?? startThread());
}

/** One run's use of a thread: its own `died`, so a run that ends leaves nothing listening. */
function lease({ worker, api }: Thread): WorkerHandle {
  let fail: (e: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    fail = reject;
  });
  died.catch(() => {}); // observed by the pool; never an unhandled rejection
  const onError = (e: Error) => fail(e);
  const onExit = (code: number) => fail(new Error(`worker thread exited with code ${code}`));
  worker.once('error', onError);
  worker.once('exit', onExit);
  const end = () => {
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
  return {
    load: (s, onProgress) => api.load(s, proxy(onProgress)),
    run: (r) => api.run(r),
    terminate: async () => {
      end();
      await worker.terminate();
    },
    release: () => {
      end();
      // Kept once it has let go of the run's progress callback, whose port would keep the process alive.
      api.idle().then(
        () => keep({ worker, api }),
        () => void worker.terminate(),
      );
    },
    died,
  };
}
