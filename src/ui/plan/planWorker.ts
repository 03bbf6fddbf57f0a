import { wrap } from 'comlink';
import { type PlannedRaw, planRaw } from '../../plan';
import type { Json } from '../../scenario';

/** A plan takes well under a second of CPU (the worst valid scenario 0.2 s); a worker silent this long has stopped. */
const PLAN_SILENCE_MS = 2000;

interface PlanWorker {
  plan(raw: Json): Promise<PlannedRaw>;
  stop(): void;
}

function spawnPlanWorker(): PlanWorker {
  const worker = new Worker(new URL('../../../workers/plan.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<{ planRaw: typeof planRaw }>(worker);
  let fail: (reason: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    fail = reject;
  });
  died.catch(() => {}); // each call observes it
  worker.addEventListener('error', (e) => fail(new Error(e.message || 'the plan worker could not start')));
  worker.addEventListener('messageerror', () => fail(new Error('the plan worker sent a message that could not be read')));
  return {
    plan: (raw) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silent = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the plan worker stopped answering')), PLAN_SILENCE_MS);
      });
      return Promise.race([api.planRaw(raw), died, silent]).finally(() => clearTimeout(timer));
    },
    stop: () => worker.terminate(),
  };
}

let worker: PlanWorker | null = null;
let failed = false;

/**
 * Plans a saved scenario's JSON in a web worker, so that typing never waits for
 * a plan however large the day. One worker serves the tab; where it cannot
 * start, fails or stops answering, this plans on the main thread from then on:
 * the same answer, only no longer off the thread.
 */
export async function planOffMainThread(raw: Json): Promise<PlannedRaw> {
  if (failed || typeof Worker === 'undefined') return planRaw(raw);
  worker ??= spawnPlanWorker();
  const used = worker;
  try {
    return await used.plan(raw);
  } catch (error) {
    failed = true;
    used.stop();
    worker = null;
    console.warn(`Planning on the main thread from now on: ${error instanceof Error ? error.message : String(error)}`);
    return planRaw(raw);
  }
}
