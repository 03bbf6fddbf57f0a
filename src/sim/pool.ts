import type { Scenario } from '../scenario';
import type { Counts } from './counters';
import { resultAggregator, type SimulationResult } from './results';
import type { ReplicationProgress } from './workerApi';

/** A running worker as the pool sees it, whatever made it (web Worker or Node worker thread). */
export interface WorkerHandle {
  /** `onProgress` hears, within a replication, the share of its day simulated */
  load(s: Scenario, onProgress?: ReplicationProgress): Promise<void>;
  run(replication: number): Promise<Counts>;
  /** stops the worker at once, even mid-replication; resolves when it has stopped */
  terminate(): Promise<void>;
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
  /**
   * After each finished replication, in order, and within replications (at
   * least once a second while one runs): `done` replications are finished,
   * `fraction` of the whole run is, counting the replications under way.
   */
  onProgress?: (done: number, total: number, fraction: number) => void;
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

/** Replications `from` … `to − 1` of a run, for a shard or a cluster job. */
export interface RangeOptions extends Omit<PoolOptions, 'replications'> {
  from: number;
  to: number;
}

/**
 * Runs the scenario's replications on `workers` workers, each taking the next
 * replication when it finishes one. Results are folded in replication order,
 * so any number of workers gives identical figures. Cancelling terminates the
 * workers at once.
 */
export async function runSimulation(s: Scenario, spawn: () => WorkerHandle, options: PoolOptions): Promise<SimulationResult> {
  const aggregate = resultAggregator(s);
  await runReplications(s, spawn, { ...options, from: 0, to: options.replications }, (counts) => aggregate.add(counts));
  return aggregate.result();
}

/**
 * Runs replications `from` … `to − 1` on `workers` workers and hands each
 * one's counts to `onCounts` strictly in replication order, whatever order
 * they finish in: the order the aggregator needs for identical figures.
 */
export async function runReplications(
  s: Scenario,
  spawn: () => WorkerHandle,
  options: RangeOptions,
  onCounts: (counts: Counts, replication: number) => void,
): Promise<void> {
  const { from, to, signal } = options;
  const replications = to - from;
  if (signal?.aborted) throw new SimulationCancelled();
  if (replications <= 0) return;
  const workers = Array.from({ length: Math.max(1, Math.min(options.workers, replications)) }, spawn);
  const finished = new Map<number, Counts>();
  const running = new Map<number, number>(); // replication → share of its day simulated
  let folded = 0;
  let next = 0;
  let over = false; // a stopped worker's last messages may still arrive: they are not progress
  const report = () => {
    if (over) return;
    let partial = finished.size;
    for (const share of running.values()) partial += share;
    options.onProgress?.(folded, replications, Math.min(1, (folded + partial) / replications));
  };
  const onReplicationProgress = (replication: number, fraction: number) => {
    if (!running.has(replication)) return; // a late report of a replication already finished
    running.set(replication, fraction);
    report();
  };
  const stopAll = () => {
    over = true;
    for (const w of workers) void w.terminate();
  };
  const cancelled = new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new SimulationCancelled()), { once: true });
  });
  const work = async (w: WorkerHandle) => {
    await Promise.race([w.load(s, options.onProgress && onReplicationProgress), w.died]);
    while (next < replications) {
      const r = from + next++;
      running.set(r, 0);
      const counts = await Promise.race([w.run(r), w.died]);
      running.delete(r);
      finished.set(r - from, counts);
      while (finished.has(folded)) {
        onCounts(finished.get(folded) as Counts, from + folded);
        finished.delete(folded++);
        report();
      }
    }
  };
  try {
    await Promise.race([Promise.all(workers.map(work)), cancelled]);
  } catch (error) {
    if (error instanceof SimulationCancelled) throw error;
    // Input a worker refused is the caller's to fix; say so, not "a worker stopped".
    if (error instanceof Error && error.name === 'SimulationInputError') throw error;
    throw new WorkerFailed(error instanceof Error ? error.message : String(error));
  } finally {
    stopAll();
  }
}
