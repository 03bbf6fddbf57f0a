import { proxy, wrap } from 'comlink';
import type { Analysis, DayView, ForecastWorkerApi } from '../../forecast/workerApi';
import type { AnalyseInput } from '../../forecast/workerInput';

/** Why a call to the worker ended without an answer. */
export class WorkerStopped extends Error {
  constructor(
    message: string,
    /** true when the planner cancelled (or started another run), false when the worker failed */
    readonly cancelled: boolean,
  ) {
    super(message);
    this.name = 'WorkerStopped';
  }
}

export interface ForecastWorker {
  analyse(input: AnalyseInput, onProgress: (done: number, of: number) => void): Promise<Analysis>;
  forecast(day: string, method: string): Promise<DayView>;
  stop(): void;
}

/**
 * A forecasting web worker behind Comlink. A worker that fails (its script
 * does not load, it throws outside a call) ends every pending call with a
 * WorkerStopped; `stop` ends it and them, as Cancel does.
 */
export function spawnForecastWorker(): ForecastWorker {
  const worker = new Worker(new URL('../../../workers/forecast.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<ForecastWorkerApi>(worker);
  let end: (reason: WorkerStopped) => void = () => {};
  const ended = new Promise<never>((_, reject) => {
    end = reject;
  });
  ended.catch(() => {}); // each call observes it
  const fail = (message: string) => {
    worker.terminate();
    end(new WorkerStopped(message, false));
  };
  worker.addEventListener('error', (e) => fail(e.message || 'the worker could not start'));
  worker.addEventListener('messageerror', () => fail('the worker sent a message that could not be read'));
  return {
    analyse: (input, onProgress) => Promise.race([api.analyse(input, proxy(onProgress)), ended]),
    forecast: (day, method) => Promise.race([api.forecast(day, method), ended]),
    stop: () => {
      worker.terminate();
      end(new WorkerStopped('cancelled', true));
    },
  };
}
