import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { proxy, wrap } from 'comlink';
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

/** A simulation worker thread behind Comlink, as the pool expects it. */
export function spawnNodeWorker(): WorkerHandle {
  const worker = new Worker(workerModule());
  const api = wrap<SimulationWorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (e) => reject(e));
    worker.once('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
  });
  died.catch(() => {}); // observed by the pool; never an unhandled rejection
  return {
    load: (s, onProgress) => api.load(s, proxy(onProgress)),
    run: (r) => api.run(r),
    terminate: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
    died,
  };
}
