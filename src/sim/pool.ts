import type { Scenario } from '../scenario';
import type { Counts } from './counters';
import { SILENCE_LIMIT_MS, START_LIMIT_MS, silenceWatch } from './liveness';
import { resultAggregator, type SimulationResult } from './results';
import type { ReplicationProgress } from './workerApi';

/**
 * A running worker as the pool sees it, whatever made it (web Worker or Node worker thread). The pool
 * always asks for progress: a worker that owes a replication and says nothing for SILENCE_LIMIT_MS is
 * taken as stopped, like one whose `died` rejects.
 */
export interface WorkerHandle {
  /** `onProgress` hears, within a replication, the share of its day simulated (at least once a second) */
  load(s: Scenario, onProgress: ReplicationProgress): Promise<void>;
  run(replication: number): Promise<Counts>;
  /** stops the worker at once, even mid-replication; resolves when it has stopped */
  terminate(): Promise<void>;
  /**
   * The run is done with this worker, which owes nothing and was never lost: it may be kept,
   * compiled and warm, for the next run (a fresh worker costs a good part of a CPU-second before it
   * runs at full speed). A handle without it is terminated.
   */
  release?(): void;
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
   * `fraction` of the whole run is, counting the replications under way
   * (never going back: while a lost worker's replication is re-run it holds).
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

/**
 * The run could not finish on its workers: a worker answered with an error, or one replication (or
 * the start of a worker) lost MAX_ATTEMPTS workers to death or silence. The run can simply be started again.
 */
export class WorkerFailed extends Error {
  constructor(reason: string) {
    super(`a simulation worker stopped (${reason}); nothing entered was lost — run the simulation again`);
    this.name = 'WorkerFailed';
  }
}

/**
 * How many workers one replication (or a worker's start) may lose before the run fails: a replication
 * is deterministic, so one that stopped this many workers would stop any other; a false alarm on a
 * loaded machine still leaves it two more tries.
 */
const MAX_ATTEMPTS = 3;

/** A worker that died or fell silent: what it owed goes to a fresh worker. */
class WorkerLost extends Error {}

/** Replications `from` … `to − 1` of a run, for a shard or a cluster job. */
export interface RangeOptions extends Omit<PoolOptions, 'replications'> {
  from: number;
  to: number;
}

/**
 * Runs the scenario's replications on `workers` workers, each taking the next
 * replication when it finishes one. Results are folded in replication order,
 * so any number of workers gives identical figures. A worker that dies or
 * stops answering is replaced and its replication re-run; cancelling
 * terminates the workers at once. At the end, a worker that owes nothing is
 * released (kept for the next run, where its handle can be) and any other terminated.
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
 *
 * Liveness: a worker owes an answer from when it is asked (to load, within
 * START_LIMIT_MS; to run a replication, with no silence over SILENCE_LIMIT_MS)
 * until it answers. One that dies or outstays its limit is terminated, a fresh
 * worker is spawned in its place, and its replication goes back to the front
 * of the queue; a replication that has lost MAX_ATTEMPTS workers ends the run
 * with WorkerFailed. A lost worker's late answer is never read, so each
 * replication is folded once. A worker that answers with an error (bad input,
 * a bug) ends the run at once: it would answer the same again.
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
  const waiting = Array.from({ length: replications }, (_, i) => from + i); // lowest first: the fold waits for it
  const finished = new Map<number, Counts>();
  const running = new Map<number, number>(); // replication → share of its day simulated
  const losses = new Map<number | 'start', number>();
  const live = new Set<WorkerHandle>();
  const idle = new Set<WorkerHandle>(); // live workers that owe nothing more: released at the end
  const watch = silenceWatch<WorkerHandle>();
  let folded = 0;
  let shown = 0; // a re-run replication starts again from 0: the bar holds rather than goes back
  let over = false; // a stopped worker's last messages may still arrive: they are not progress
  let settle: { done: () => void; fail: (error: unknown) => void } = { done: () => {}, fail: () => {} };
  const outcome = new Promise<void>((done, fail) => {
    settle = { done, fail };
  });
  const report = () => {
    if (over || !options.onProgress) return;
    let partial = finished.size;
    for (const share of running.values()) partial += share;
    shown = Math.max(shown, Math.min(1, (folded + partial) / replications));
    options.onProgress(folded, replications, shown);
  };
  const fold = () => {
    while (finished.has(folded)) {
      onCounts(finished.get(folded) as Counts, from + folded);
      finished.delete(folded++);
      report();
    }
    if (folded === replications) settle.done();
  };
  const strike = (what: number | 'start', reason: string) => {
    const n = (losses.get(what) ?? 0) + 1;
    losses.set(what, n);
    if (n < MAX_ATTEMPTS) return;
    throw new WorkerFailed(
      what === 'start'
        ? `${n} workers were lost while starting; the last: ${reason}`
        : `replication ${what} stopped ${n} workers; the last: ${reason}`,
    );
  };
  const retire = (w: WorkerHandle) => {
    watch.paid(w);
    live.delete(w);
    w.terminate().catch(() => {});
  };

  /** One worker at a time: replaced when lost, until no replication waits. */
  const slot = async () => {
    while (!over && waiting.length > 0) {
      const w = spawn();
      live.add(w);
      let lose: (reason: string) => void = () => {};
      const lost = new Promise<never>((_, reject) => {
        lose = (reason) => reject(new WorkerLost(reason));
      });
      lost.catch(() => {}); // raced below; a loss after the worker answered is nobody's concern
      w.died.catch((e: unknown) => lose(e instanceof Error ? e.message : String(e)));
      let owed: number | null = null; // the replication it runs
      const onProgress = (replication: number, fraction: number) => {
        if (over || !live.has(w)) return;
        watch.heard(w);
        if (replication !== owed) return; // a late report of a replication already answered
        running.set(replication, fraction);
        report();
      };
      try {
        watch.owe(w, START_LIMIT_MS, () => lose(`it did not start within ${START_LIMIT_MS / 1000} s`));
        await Promise.race([w.load(s, onProgress), lost]);
        watch.paid(w);
        while (!over && waiting.length > 0) {
          const r = waiting.shift() as number;
          owed = r;
          running.set(r, 0);
          watch.owe(w, SILENCE_LIMIT_MS, () => lose(`it stopped answering for over ${SILENCE_LIMIT_MS / 1000} s`));
          const counts = await Promise.race([w.run(r), lost]);
          watch.paid(w);
          running.delete(r);
          owed = null;
          if (over) return;
          finished.set(r - from, counts);
          fold();
        }
        idle.add(w);
      } catch (error) {
        if (over || !(error instanceof WorkerLost)) throw error;
        retire(w);
        if (owed !== null) {
          running.delete(owed);
          waiting.push(owed);
          waiting.sort((a, b) => a - b);
        }
        strike(owed ?? 'start', error.message);
      }
    }
  };

  const slots = Math.max(1, Math.min(options.workers, replications));
  for (let i = 0; i < slots; i++) slot().catch((error: unknown) => settle.fail(error));
  signal?.addEventListener('abort', () => settle.fail(new SimulationCancelled()), { once: true });
  try {
    await outcome;
  } catch (error) {
    if (error instanceof SimulationCancelled || error instanceof WorkerFailed) throw error;
    // Input a worker refused is the caller's to fix; say so, not "a worker stopped".
    if (error instanceof Error && error.name === 'SimulationInputError') throw error;
    throw new WorkerFailed(error instanceof Error ? error.message : String(error));
  } finally {
    over = true;
    watch.stop();
    for (const w of live) {
      if (idle.has(w) && w.release) w.release();
      else w.terminate().catch(() => {});
    }
  }
}
