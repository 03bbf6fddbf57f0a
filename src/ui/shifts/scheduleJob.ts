import { type Remote, wrap } from 'comlink';
import type { ScheduleWorkerApi } from '../../schedule';

/** Why a job ended without its answer, in words for the status line. */
export class JobStopped extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'JobStopped';
  }
}

export interface ScheduleJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/**
 * Runs `work` in a fresh scheduling worker (HiGHS in WebAssembly behind
 * Comlink), ticking `onTick` with the seconds elapsed. The job ends with the
 * answer, the solver's error, a worker that fails (its error event: it could
 * not load, or crashed), or Cancel; the worker is stopped in every case.
 */
export const scheduleJob = <T>(work: (api: Remote<ScheduleWorkerApi>) => Promise<T>, onTick: (s: number) => void) =>
  workerJob(() => new Worker(new URL('../../../workers/schedule.worker.ts', import.meta.url), { type: 'module' }), work, onTick);

/** A job as `scheduleJob`, in a worker of another API (the roster's). */
export function workerJob<Api, T>(
  spawn: () => Worker,
  work: (api: Remote<Api>) => Promise<T>,
  onTick: (s: number) => void,
): ScheduleJob<T> {
  const worker = spawn();
  const started = performance.now();
  const clock = setInterval(() => onTick((performance.now() - started) / 1000), 100);
  let stop: (reason: JobStopped) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    stop(new JobStopped(`the solver's worker failed (${e.message || 'it could not start'})`));
  });
  worker.addEventListener('messageerror', () =>
    stop(new JobStopped("the solver's worker sent an answer that could not be read")),
  );
  const result = Promise.race([work(wrap<Api>(worker)), stopped]).finally(() => {
    clearInterval(clock);
    worker.terminate();
  });
  return { result, cancel: () => stop(new JobStopped('cancelled', true)) };
}
