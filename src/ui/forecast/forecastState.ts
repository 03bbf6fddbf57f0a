import { batch, signal } from '@preact/signals';
import { addDays } from '../../forecast';
import type { Analysis, DayView } from '../../forecast/workerApi';
import { type ForecastWorker, spawnForecastWorker, WorkerStopped } from './forecastWorker';
import { endedRun, type Run } from './run';

/** What the planner entered, kept as typed whatever the worker makes of it. */
export interface Inputs {
  history: { text: string; source: string } | null;
  interval: string;
  calendar: string;
  monthDays: string;
  day: string;
  /** '' = the suggested method */
  method: string;
}

/**
 * The Forecast page in signals. The history is read, backtested and
 * forecast in a web worker (one per history, kept for its forecasts); a new
 * history, calendar or interval starts a fresh one, Cancel ends it.
 */
export function forecastState(spawn: () => ForecastWorker = spawnForecastWorker) {
  const inputs = signal<Inputs>({ history: null, interval: '30', calendar: '', monthDays: '', day: '', method: '' });
  const credit = signal('');
  const run = signal<Run>({ kind: 'waiting' });
  const analysis = signal<Analysis | null>(null);
  const view = signal<DayView | null>(null);
  const dayError = signal<string | null>(null);
  let worker: ForecastWorker | null = null;

  const set = (patch: Partial<Inputs>) => {
    inputs.value = { ...inputs.value, ...patch };
  };
  /** Ends the run in hand and clears its results, before a new history or calendar is read. */
  function begin(): void {
    worker?.stop();
    worker = null;
    batch(() => {
      run.value = { kind: 'running', done: 0, of: 0 };
      analysis.value = null;
      view.value = null;
      dayError.value = null;
    });
  }

  async function predict(): Promise<void> {
    const [a, w, { day, method }] = [analysis.value, worker, inputs.value];
    if (!a || !w || !day) return;
    try {
      const v = await w.forecast(day, method || a.suggested);
      if (worker === w && inputs.value.day === day && inputs.value.method === method)
        batch(() => {
          view.value = v;
          dayError.value = null;
        });
    } catch (error) {
      if (worker !== w) return;
      batch(() => {
        view.value = null;
        if (error instanceof WorkerStopped) run.value = endedRun(error);
        else dayError.value = (error as Error).message;
      });
    }
  }

  async function analyse(): Promise<void> {
    const { history, interval, calendar, monthDays } = inputs.value;
    if (!history) return;
    begin();
    const mine = spawn();
    worker = mine;
    try {
      const input = { history: history.text, intervalMinutes: Number(interval), calendar, monthDays };
      const a = await mine.analyse(input, (done, of) => {
        if (worker === mine) run.value = { kind: 'running', done, of };
      });
      if (worker !== mine) return;
      batch(() => {
        analysis.value = a;
        run.value = { kind: 'done' };
        if (!inputs.value.day) set({ day: addDays(a.to, 3) });
      });
      await predict();
    } catch (error) {
      if (worker !== mine) return;
      worker = null;
      mine.stop();
      run.value = endedRun(error);
    }
  }

  return {
    inputs,
    credit,
    run,
    analysis,
    view,
    dayError,
    analyse,
    predict,
    begin,
    /** Sets inputs as typed; `then` re-runs what they feed (the backtest, or the day's forecast). */
    set(patch: Partial<Inputs>, then?: 'analyse' | 'predict'): void {
      set(patch);
      if (then === 'analyse') void analyse();
      else if (then === 'predict') void predict();
    },
    cancel(): void {
      const w = worker;
      worker = null;
      w?.stop();
      run.value = { kind: 'cancelled' };
    },
  };
}

export type ForecastState = ReturnType<typeof forecastState>;
