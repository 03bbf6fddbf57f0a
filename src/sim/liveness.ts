/**
 * How long a worker may say nothing while it owes the pool a replication before the pool takes it as
 * stopped, ms. Workers report progress every 200 ms within a replication (at least once a second is
 * promised, workerApi.ts), so this is six to eight missed reports: a live worker on a loaded machine
 * stays well inside it, and a stopped one is replaced within 2 s. Silence is counted in the pool's own
 * checks, one every quarter of this limit, and four in a row without a word stop the worker (1.2–1.6 s):
 * a pool thread too busy to check (a long task, a starved process, a background tab) checks less
 * often rather than blaming a worker for messages it has not yet read. A false alarm costs one re-run
 * of a replication, never a figure: replications are deterministic by index and folded once, in order.
 */
export const SILENCE_LIMIT_MS = 1_600;

/**
 * How long a new worker may take to start and load its scenario, ms. It says nothing while its
 * script is fetched and compiled, which takes seconds on a loaded machine; it holds no replication
 * meanwhile, as the others go on, so this limit only decides when a run whose workers never start fails.
 */
export const START_LIMIT_MS = 20_000;

const CHECK_MS = SILENCE_LIMIT_MS / 4;

/** The host's timers as the watch uses them (browsers and Node alike have them, but they are not ES). */
interface Timers {
  setInterval(check: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

interface Debt {
  checks: number;
  left: number;
  onSilent: () => void;
}

/** Who owes an answer, and for how many more checks without a word they are given. */
export interface SilenceWatch<W> {
  /** `who` owes an answer from now; `onSilent` is called once if it stays silent `limitMs` */
  owe(who: W, limitMs: number, onSilent: () => void): void;
  /** a word from `who`: its silence starts again */
  heard(who: W): void;
  /** `who` answered and owes nothing */
  paid(who: W): void;
  stop(): void;
}

/** One clock for a run's workers: the host's interval, read when the watch starts (so fake timers apply). */
export function silenceWatch<W>(): SilenceWatch<W> {
  const timers = globalThis as unknown as Timers;
  const owed = new Map<W, Debt>();
  const id = timers.setInterval(() => {
    for (const [who, debt] of owed) {
      if (--debt.left > 0) continue;
      owed.delete(who);
      debt.onSilent();
    }
  }, CHECK_MS);
  return {
    owe(who, limitMs, onSilent) {
      const checks = Math.ceil(limitMs / CHECK_MS);
      owed.set(who, { checks, left: checks, onSilent });
    },
    heard(who) {
      const debt = owed.get(who);
      if (debt) debt.left = debt.checks;
    },
    paid(who) {
      owed.delete(who);
    },
    stop() {
      timers.clearInterval(id);
      owed.clear();
    },
  };
}
