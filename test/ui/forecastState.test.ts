import { describe, expect, it } from 'vitest';
import { forecastWorkerApi } from '../../src/forecast/workerApi';
import { forecastState } from '../../src/ui/forecast/forecastState';
import { type ForecastWorker, WorkerStopped } from '../../src/ui/forecast/forecastWorker';
import { syntheticHistory } from '../forecast/syntheticHistory';

/** The worker API in this process behind the page's worker interface; `hold` keeps analyse pending until released or stopped. */
function inProcess(options: { hold?: boolean; failWith?: string } = {}) {
  const spawned: { stopped: boolean; release: () => void }[] = [];
  const spawn = (): ForecastWorker => {
    const api = forecastWorkerApi();
    let end: (e: WorkerStopped) => void = () => {};
    const ended = new Promise<never>((_, reject) => {
      end = reject;
    });
    ended.catch(() => {});
    const me = { stopped: false, release: () => {} };
    spawned.push(me);
    return {
      analyse: (input, onProgress) => {
        if (options.failWith) return Promise.reject(new WorkerStopped(options.failWith, false));
        const run = () => api.analyse(input, onProgress);
        if (!options.hold) return Promise.race([Promise.resolve().then(run), ended]);
        return Promise.race([new Promise<ReturnType<typeof run>>((done) => (me.release = () => done(run()))), ended]);
      },
      forecast: (day, method) => Promise.race([Promise.resolve().then(() => api.forecast(day, method)), ended]),
      stop: () => {
        me.stopped = true;
        end(new WorkerStopped('cancelled', true));
      },
    };
  };
  return { spawn, spawned };
}

const history = { text: syntheticHistory(60), source: 'ok.csv' };

describe('the Forecast page state (signals over the worker)', () => {
  it('backtests, picks the suggested method, forecasts three days after the history, and names a day out of range', async () => {
    const state = forecastState(inProcess().spawn);
    state.set({ history });
    await state.analyse();
    expect(state.run.value).toEqual({ kind: 'done' });
    expect(state.inputs.value.day).toBe('2026-03-08');
    expect(state.view.value?.method).toBe(state.analysis.value?.suggested);
    state.set({ day: '2031-01-01' }, 'predict');
    await new Promise((r) => setTimeout(r, 0));
    expect(state.view.value).toBeNull();
    expect(state.dayError.value).toMatch(/^Day to forecast: must be a date from 2026-01-19 to 2027-03-06 /);
    expect(state.inputs.value.day).toBe('2031-01-01');
  });

  it('Cancel stops the worker and keeps what was entered; a newer run makes an older one’s answer stale', async () => {
    const { spawn, spawned } = inProcess({ hold: true });
    const state = forecastState(spawn);
    state.set({ history, calendar: '2026-02-02,Campaign,campaign' });
    const first = state.analyse();
    state.cancel();
    await first;
    expect(spawned[0].stopped).toBe(true);
    expect(state.run.value).toEqual({ kind: 'cancelled' });
    expect(state.inputs.value.calendar).toBe('2026-02-02,Campaign,campaign');

    const older = state.analyse();
    const newer = state.analyse();
    expect(spawned[1].stopped).toBe(true);
    spawned[2].release();
    await Promise.all([older, newer]);
    expect(state.run.value).toEqual({ kind: 'done' });
    expect(state.analysis.value?.points.find((p) => p.date === '2026-02-02')?.kind).toBe('campaign');
  });

  it('a worker that fails, or a history refused, says why and keeps the inputs', async () => {
    const broken = forecastState(inProcess({ failWith: 'the worker could not start' }).spawn);
    broken.set({ history, monthDays: '1-5' });
    await broken.analyse();
    expect(broken.run.value).toEqual({
      kind: 'failed',
      message: 'The forecasting worker stopped: the worker could not start. What you entered is kept; run the backtest again.',
    });
    expect(broken.inputs.value.monthDays).toBe('1-5');

    const refused = forecastState(inProcess().spawn);
    refused.set({ history: { text: syntheticHistory(10), source: 'short.csv' } });
    await refused.analyse();
    expect(refused.run.value).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/^History: too short to backtest/),
    });
    expect(refused.analysis.value).toBeNull();
  });
});
