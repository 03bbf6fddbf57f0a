import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnNodeWorker } from '../../src/cli/nodeWorkers';
import type { Scenario } from '../../src/scenario';
import { type Counts, simulateDay, simulateReplication } from '../../src/sim';
import { runReplications, runSimulation, SimulationCancelled, WorkerFailed, type WorkerHandle } from '../../src/sim/pool';
import { shortDay } from './shortDay';

/** What a fake worker does wrong, once it has finished `after` replications and sent `reports` reports of the next. */
type Fault = 'hangs' | 'dies' | 'answers late' | 'never starts' | 'fails to start';
interface Plan {
  fault: Fault | null;
  after: number;
  reports: number;
}

const STEPS = 4; // progress reports a replication sends, one every STEP_MS
const STEP_MS = 200;
const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fake workers, the i-th spawned following plans[i] (healthy past the end). They keep talking
 * after they are terminated, as messages already in flight do: the pool must not listen.
 */
function fakeWorkers(plans: Plan[] = []) {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): WorkerHandle => {
    const plan = plans[spawned.length] ?? { fault: null, after: 0, reports: 0 };
    const me = { terminated: false };
    spawned.push(me);
    let s: Scenario | null = null;
    let progress: (replication: number, fraction: number) => unknown = () => {};
    let kill: (e: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => {
      kill = reject;
    });
    died.catch(() => {});
    let finished = 0;
    return {
      load: async (x, onProgress) => {
        await sleep(50);
        if (plan.fault === 'never starts') return never();
        if (plan.fault === 'fails to start') {
          kill(new Error('the worker failed to start'));
          return never();
        }
        s = x;
        progress = onProgress;
      },
      run: async (r) => {
        const faulty = plan.fault !== null && finished++ === plan.after;
        for (let step = 1; step <= STEPS; step++) {
          if (faulty && step > plan.reports) {
            if (plan.fault === 'hangs') return never();
            if (plan.fault === 'dies') {
              kill(new Error('out of memory'));
              return never();
            }
            if (plan.fault === 'answers late') await sleep(5_000); // a long pause, then on as if nothing happened
          }
          await sleep(STEP_MS);
          progress(r, step / STEPS);
        }
        return simulateReplication(s as Scenario, r);
      },
      terminate: async () => {
        me.terminated = true;
      },
      died,
    };
  };
  return { spawn, spawned };
}

/** Runs the fake clock until `run` settles (the pool's checks are timers too); a run frozen for 10 fake minutes fails. */
async function settle<T>(run: Promise<T>): Promise<T> {
  let over = false;
  run.then(
    () => (over = true),
    () => (over = true),
  );
  for (let ms = 0; !over; ms += 50) {
    if (ms > 600_000) throw new Error('the run froze');
    await vi.advanceTimersByTimeAsync(50);
  }
  return run;
}

/** A run of `replications` on `workers` fakes: what was folded, in order, every progress report, and the fakes. */
async function faultyRun(s: Scenario, replications: number, workers: number, plans: Plan[]) {
  const fakes = fakeWorkers(plans);
  const folded: number[] = [];
  const progress: [number, number][] = [];
  const counts: Counts[] = [];
  await settle(
    runReplications(
      s,
      fakes.spawn,
      { from: 0, to: replications, workers, onProgress: (done, _, fraction) => progress.push([done, fraction]) },
      (c, r) => {
        counts.push(c);
        folded.push(r);
      },
    ),
  );
  return { folded, progress, counts, spawned: fakes.spawned };
}

const undisturbed = (s: Scenario, replications: number) =>
  Array.from({ length: replications }, (_, r) => simulateReplication(s, r));
const plan = (fault: Fault, after = 0, reports = 0): Plan => ({ fault, after, reports });

describe('worker liveness', () => {
  const s = shortDay();
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['hangs at once, saying nothing', plan('hangs')],
    ['hangs after two progress reports', plan('hangs', 0, 2)],
    ['hangs in its second replication', plan('hangs', 1, 1)],
    ['dies without an answer mid-replication', plan('dies', 1, 2)],
    ['pauses past the limit, then answers (a false alarm)', plan('answers late', 0, 1)],
  ])('a worker that %s is replaced; its replication is re-run and every figure is the same', async (_, fault) => {
    for (const workers of [1, 2, 3]) {
      const run = await faultyRun(s, 6, workers, [fault]);
      expect(run.counts).toEqual(undisturbed(s, 6));
      expect(run.folded).toEqual([0, 1, 2, 3, 4, 5]); // each once, in order, the late answer unread
      expect(run.spawned).toHaveLength(workers + 1);
      expect(run.spawned.every((w) => w.terminated)).toBe(true);
    }
  });

  it('any two faults on any workers: the same counts, each replication folded once, progress never going back', async () => {
    const fault = fc.constantFrom<Fault>('hangs', 'dies', 'answers late', 'never starts', 'fails to start');
    const plans = fc
      .array(fc.record({ fault: fc.option(fault, { freq: 3 }), after: fc.nat(2), reports: fc.nat(STEPS) }), {
        minLength: 1,
        maxLength: 5,
      })
      .filter((p) => p.filter((x) => x.fault !== null).length <= 2); // three on one replication end the run: tested below
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        plans,
        async (workers, replications, p) => {
          const run = await faultyRun(s, replications, workers, p);
          expect(run.counts).toEqual(undisturbed(s, replications));
          expect(run.folded).toEqual(Array.from({ length: replications }, (_, r) => r));
          for (let i = 1; i < run.progress.length; i++) {
            expect(run.progress[i][0]).toBeGreaterThanOrEqual(run.progress[i - 1][0]);
            expect(run.progress[i][1]).toBeGreaterThanOrEqual(run.progress[i - 1][1]);
          }
          expect(run.progress.at(-1)).toEqual([replications, 1]);
          expect(run.spawned.every((w) => w.terminated)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same result as one thread with any number of workers, whatever fails', async () => {
    const expected = simulateDay(s, 8);
    for (const workers of [1, 2, 4, 8]) {
      const fakes = fakeWorkers([plan('hangs', 1, 1), plan('dies', 0, 3)]);
      expect(await settle(runSimulation(s, fakes.spawn, { replications: 8, workers }))).toEqual(expected);
    }
  });

  it.each([
    ['dies', /replication 2 stopped 3 workers; the last: out of memory/],
    ['hangs', /replication 2 stopped 3 workers; the last: it stopped answering for over 1\.6 s/],
  ] as const)(
    'a replication that %s on every worker ends the run with WorkerFailed after 3 workers, never looping',
    async (fault, message) => {
      // Each fresh worker takes the replication back first, so "after 0" is replication 2 again.
      const plans = [plan(fault, 2, 1), plan(fault, 0, 1), plan(fault, 0, 1), plan(fault, 0, 1)];
      const fakes = fakeWorkers(plans);
      const run = settle(runSimulation(s, fakes.spawn, { replications: 8, workers: 1 }));
      await expect(run).rejects.toBeInstanceOf(WorkerFailed);
      await expect(run).rejects.toThrow(message);
      expect(fakes.spawned).toHaveLength(3);
      expect(fakes.spawned.every((w) => w.terminated)).toBe(true);
    },
  );

  it.each([
    ['cannot load its script', 'fails to start', /3 workers were lost while starting; the last: the worker failed to start/],
    ['never starts', 'never starts', /3 workers were lost while starting; the last: it did not start within 20 s/],
  ] as const)('a worker that %s, every time, ends the run with a clear message', async (_, fault, message) => {
    const fakes = fakeWorkers(Array.from({ length: 10 }, () => plan(fault)));
    const run = settle(runSimulation(s, fakes.spawn, { replications: 8, workers: 2 }));
    await expect(run).rejects.toThrow(message);
    expect(fakes.spawned.length).toBeLessThanOrEqual(4);
    expect(fakes.spawned.every((w) => w.terminated)).toBe(true);
  });

  it('a worker that never starts holds nothing up while another works: no replacement is needed', async () => {
    const run = await faultyRun(s, 6, 2, [plan('never starts')]);
    expect(run.counts).toEqual(undisturbed(s, 6));
    expect(run.spawned).toHaveLength(2);
  });

  it('a worker that answers with an error ends the run at once: it would answer the same again', async () => {
    const fakes = fakeWorkers();
    const spawn = () => ({ ...fakes.spawn(), run: async () => Promise.reject(new Error('engine bug')) });
    const run = settle(runSimulation(s, spawn, { replications: 8, workers: 2 }));
    await expect(run).rejects.toThrow(/a simulation worker stopped \(engine bug\)/);
    expect(fakes.spawned).toHaveLength(2);
  });

  it('cancel stops everything at once, a hung worker and its replacement included', async () => {
    const fakes = fakeWorkers([plan('hangs'), plan('never starts')]);
    const abort = new AbortController();
    const run = runSimulation(s, fakes.spawn, { replications: 8, workers: 1, signal: abort.signal });
    run.catch(() => {});
    await vi.advanceTimersByTimeAsync(3_000); // the first is lost, its replacement is starting
    expect(fakes.spawned).toHaveLength(2);
    abort.abort();
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(fakes.spawned.every((w) => w.terminated)).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fakes.spawned).toHaveLength(2); // nothing spawned after the cancel
  });
});

describe('a real worker thread stopped silently', () => {
  it('is found out and replaced, and the run gives the undisturbed figures', async () => {
    // Long enough a day that the thread is stopped mid-replication.
    const s = shortDay({ demand: { calls: [4000, 8000, 6000, 4000] }, staffing: { agents: 700 } });
    let spawned = 0;
    const spawn = (): WorkerHandle => {
      const thread = spawnNodeWorker();
      if (spawned++ > 0) return thread;
      return {
        ...thread,
        // Its own terminate drops the exit listener: the thread is gone and the pool is not told.
        run: (r) => {
          setTimeout(() => void thread.terminate(), 20);
          return thread.run(r);
        },
      };
    };
    const result = await runSimulation(s, spawn, { replications: 4, workers: 2 });
    expect(result).toEqual(simulateDay(s, 4));
    expect(spawned).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
