import { describe, expect, it } from 'vitest';
import { keptNodeWorkers, spawnNodeWorker } from '../../src/cli/nodeWorkers';
import type { Scenario } from '../../src/scenario';
import { simulateDay, simulateReplication } from '../../src/sim';
import { runSimulation, SimulationCancelled, WorkerFailed, type WorkerHandle } from '../../src/sim/pool';
import { shortDay } from './shortDay';

const scenario = () => shortDay();

/** An in-thread worker with a delay per replication, which records being terminated. */
function fakeWorker(log: string[], options: { failOn?: number; delayMs?: number; keepable?: boolean } = {}): () => WorkerHandle {
  return () => {
    let s: Scenario | null = null;
    let progress: ((replication: number, fraction: number) => unknown) | undefined;
    let kill: (e: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => {
      kill = reject;
    });
    died.catch(() => {});
    return {
      load: async (x, onProgress) => {
        s = x;
        progress = onProgress;
      },
      run: async (r) => {
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
        if (r === options.failOn) {
          kill(new Error('out of memory'));
          return new Promise<never>(() => {}); // a dead worker never answers
        }
        progress?.(r, 0.5); // half its day simulated
        return simulateReplication(s as Scenario, r);
      },
      terminate: async () => {
        log.push('terminated');
      },
      ...(options.keepable ? { release: () => log.push('released') } : {}),
      died,
    };
  };
}

describe('worker pool', () => {
  it('folds replications in order: the same figures as one thread, on any number of workers, with progress', async () => {
    const s = scenario();
    const progress: number[] = [];
    const pooled = await runSimulation(s, fakeWorker([]), {
      replications: 8,
      workers: 3,
      onProgress: (done) => progress.push(done),
    });
    expect(pooled).toEqual(simulateDay(s));
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never goes back
    expect([...new Set(progress)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('reports progress within replications: finished ones plus the share of those under way', async () => {
    const reports: [number, number][] = [];
    await runSimulation(scenario(), fakeWorker([]), {
      replications: 4,
      workers: 1,
      onProgress: (done, total, fraction) => {
        expect(total).toBe(4);
        reports.push([done, fraction]);
      },
    });
    expect(reports).toEqual([
      [0, 0.125],
      [1, 0.25],
      [1, 0.375],
      [2, 0.5],
      [2, 0.625],
      [3, 0.75],
      [3, 0.875],
      [4, 1],
    ]);
  });

  it('cancels: rejects at once and terminates every worker', async () => {
    const log: string[] = [];
    const abort = new AbortController();
    const run = runSimulation(scenario(), fakeWorker(log, { delayMs: 50 }), {
      replications: 100,
      workers: 2,
      signal: abort.signal,
      onProgress: (done) => {
        if (abort.signal.aborted) log.push('progress after cancel');
        if (done === 2) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    await new Promise((resolve) => setTimeout(resolve, 120)); // the replications under way still report as they end
    expect(log).toEqual(['terminated', 'terminated']);
  });

  it('a replication that kills every worker it runs on ends the run with a clear message after 3, and stops the others', async () => {
    const log: string[] = [];
    const run = runSimulation(scenario(), fakeWorker(log, { failOn: 3 }), { replications: 8, workers: 2 });
    await expect(run).rejects.toBeInstanceOf(WorkerFailed);
    await expect(run).rejects.toThrow(
      /a simulation worker stopped \(replication 3 stopped 3 workers; the last: out of memory\); nothing entered was lost — run the simulation again/,
    );
    expect(log).toEqual(['terminated', 'terminated', 'terminated', 'terminated']); // 2 workers and 2 replacements
  });

  it('releases, to be kept, the workers that finished what they owed, and terminates the busy and the lost', async () => {
    const finished: string[] = [];
    await runSimulation(scenario(), fakeWorker(finished, { keepable: true }), { replications: 8, workers: 3 });
    expect(finished).toEqual(['released', 'released', 'released']);

    const cancelled: string[] = [];
    const abort = new AbortController();
    const run = runSimulation(scenario(), fakeWorker(cancelled, { keepable: true, delayMs: 50 }), {
      replications: 100,
      workers: 2,
      signal: abort.signal,
      onProgress: (done) => done === 2 && abort.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(cancelled).toEqual(['terminated', 'terminated']); // both were simulating when it was cancelled

    const lost: string[] = [];
    await runSimulation(scenario(), fakeWorker(lost, { keepable: true, failOn: 3 }), { replications: 8, workers: 1 }).catch(
      () => {},
    );
    expect(lost).toEqual(['terminated', 'terminated', 'terminated']); // each worker replication 3 killed
  });

  it('keeps real Node threads for the next run, which gives the same figures as fresh threads', async () => {
    const s = scenario();
    const fresh = await runSimulation(s, spawnNodeWorker, { replications: 6, workers: 2 });
    await expect.poll(keptNodeWorkers).toBe(2);
    const second = runSimulation(s, spawnNodeWorker, { replications: 6, workers: 2 });
    expect(keptNodeWorkers()).toBe(0); // both taken
    const onKept = await second;
    expect(onKept).toEqual(fresh);
    expect(onKept).toEqual(simulateDay(s, 6));
  });

  it('runs real Node worker threads through Comlink', async () => {
    const s = scenario();
    const result = await runSimulation(s, spawnNodeWorker, { replications: 4, workers: 2 });
    expect(result).toEqual(simulateDay(s, 4));
  });
});
