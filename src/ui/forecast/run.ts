import { WorkerStopped } from './forecastWorker';

/** Where the backtest is: no history yet, running (method-days done of all), done, cancelled, or refused/failed with why. */
export type Run =
  | { kind: 'waiting' }
  | { kind: 'running'; done: number; of: number }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** How a run that did not finish ended: cancelled, the worker failed (what was entered is kept), or its input was refused. */
export function endedRun(error: unknown): Run {
  if (error instanceof WorkerStopped)
    return error.cancelled
      ? { kind: 'cancelled' }
      : {
          kind: 'failed',
          message: `The forecasting worker stopped: ${error.message}. What you entered is kept; run the backtest again.`,
        };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
