import type { Scenario } from '../scenario';
import type { Counts } from './counters';
import { resultAggregator, type SimulationResult } from './results';

/** A running worker as the pool sees it, whatever made it (web Worker or Node worker thread). */
export interface WorkerHandle {
  load(s: Scenario): Promise<void>;
  run(replication: number): Promise<Counts>;
  terminate(): void;
  /** rejects if the worker dies */
  died: Promise<never>;
}

/** The part of an AbortSignal the pool uses (it exists in browsers and Node alike, but is not ES). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

export interface PoolOptions {
  replications: number;
  workers: number;
  /** after each finished replication, in order */
  onProgress?: (done: number, total: number) => void;
  signal?: CancelSignal;
}

/** The run was cancelled; nothing was kept. */
export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** A worker died or failed; the run can simply be started again. */
export class WorkerFailed extends Error {
  constructor(reason: string) {
    super(`a simulation worker stopped (${reason}); nothing entered was lost — run the simulation again`);
    this.name = 'WorkerFailed';
  }
}

/**
 * Runs the scenario's replications on `workers` workers, each taking the next
 * replication when it finishes one. Results are folded in replication order,
 * so any number of workers gives identical figures. Cancelling terminates the
 * workers at once.
 */
export async function runSimulation(s: Scenario, spawn: () => WorkerHandle, options: PoolOptions): Promise<SimulationResult> {
  const { replications, signal } = options;
  if (signal?.aborted) throw new SimulationCancelled();
  const workers = Array.from({ length: Math.max(1, Math.min(options.workers, replications)) }, spawn);
  const aggregate = resultAggregator(s);
  const finished = new Map<number, Counts>();
  let folded = 0;
  let next = 0;
  const stopAll = () => {
    for (const w of workers) w.terminate();
  };
  const cancelled = new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new SimulationCancelled()), { once: true });
  });
  const work = async (w: WorkerHandle) => {
    await Promise.race([w.load(s), w.died]);
    while (next < replications) {
      const r = next++;
      finished.set(r, await Promise.race([w.run(r), w.died]));
      while (finished.has(folded)) {
        aggregate.add(finished.get(folded) as Counts);
        finished.delete(folded++);
        options.onProgress?.(folded, replications);
      }
    }
  };
  try {
    await Promise.race([Promise.all(workers.map(work)), cancelled]);
    return aggregate.result();
  } catch (error) {
    if (error instanceof SimulationCancelled) throw error;
    throw new WorkerFailed(error instanceof Error ? error.message : String(error));
  } finally {
    stopAll();
  }
}
