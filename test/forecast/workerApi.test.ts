import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtest, calendarOf, forecastDay, predictionInterval, readCalendar, readHistory } from '../../src/forecast';
import { forecastWorkerApi } from '../../src/forecast/workerApi';
import { MAX_HISTORY_CHARS, MIN_BACKTEST_DAYS } from '../../src/forecast/workerInput';
import { syntheticHistory } from './syntheticHistory';

const bundled = (path: string) => readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8');

const input = (over: Record<string, unknown> = {}) => ({
  history: syntheticHistory(60),
  intervalMinutes: 30,
  calendar: '',
  monthDays: '',
  ...over,
});

describe('the forecasting worker API (what workers/forecast.worker.ts exposes)', () => {
  it('refuses what it cannot read, naming the field and what is allowed', () => {
    const api = forecastWorkerApi();
    const refusal = (arg: unknown) => {
      try {
        api.analyse(arg);
      } catch (error) {
        expect((error as Error).name).toBe('ForecastInputError');
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal(null)).toBe('the input must be an object');
    expect(refusal(input({ history: 42 }))).toBe('History: must be text, got number');
    expect(refusal(input({ history: '  \n' }))).toMatch(/^History: the file is empty/);
    expect(refusal(input({ history: 'x'.repeat(MAX_HISTORY_CHARS + 1) }))).toBe('History: at most 64 MB of text, got 64.0 MB');
    expect(refusal(input({ intervalMinutes: 7 }))).toBe('Interval: must be 15, 30, 60 minutes, got 7');
    expect(refusal(input({ history: 'name,age\nbob,42\n' }))).toMatch(
      /^History: no row could be read; each needs a date-time \(YYYY-MM-DD HH:MM\) and a number of calls of 0 or more \(line 2: /,
    );
    expect(refusal(input({ history: syntheticHistory(20) }))).toBe(
      `History: too short to backtest — it covers 20 days (2026-01-05 – 2026-01-24); it needs at least ${MIN_BACKTEST_DAYS} days with records (five weeks to learn from, then days to test)`,
    );
    expect(() => api.forecast('2026-03-01', 'holtWinters')).toThrow('analyse a history first');
  });

  it('keeps the valid calendar lines and names each line it left out', () => {
    const api = forecastWorkerApi();
    const a = api.analyse(
      input({
        calendar: 'date,name,kind\n2026-01-19,Campaign,campaign\n2026-13-01,Nowhere,closed\n2026-01-26,Bad,9x',
        monthDays: '0-40',
      }),
    );
    expect(a.problems).toEqual([
      'Special days, line 3: expected a real date YYYY-MM-DD, got "2026-13-01" — left out of the calendar',
      'Special days, line 4: kind must be closed, reduced, observance, after or an event\'s own word (letters first), got "9x" — left out of the calendar',
      'Pay-cycle days: day-of-month flags: each group must be a day 1–31 or a range like 1-5, got "0-40" — no flags used',
    ]);
    expect(a.points.find((p) => p.date === '2026-01-19')).toMatchObject({ kind: 'campaign', name: 'Campaign' });
  });

  it('refuses a day outside the history’s range and an unknown method', () => {
    const api = forecastWorkerApi();
    const a = api.analyse(input());
    expect([a.firstDay, a.lastDay]).toEqual(['2026-01-19', '2027-03-06']);
    expect(() => api.forecast('2025-12-01', 'holtWinters')).toThrow(
      'Day to forecast: must be a date from 2026-01-19 to 2027-03-06 (two weeks into the history, which covers 2026-01-05 – 2026-03-05, up to a year after it), got "2025-12-01"',
    );
    expect(() => api.forecast('2026-02-30', 'holtWinters')).toThrow(/^Day to forecast: must be a date from/);
    expect(() => api.forecast('2026-03-09', 'magic')).toThrow(/^Method: must be one of seasonalNaive, weekdayProfile, /);
  });

  it('gives the backtest and forecast the domain gives, with progress to the last day', () => {
    const text = bundled('us-bank-calls-2003/bank_calls_5min_2003.csv');
    const calendarText = bundled('us-bank-calls-2003/holidays_2003.csv');
    const api = forecastWorkerApi();
    const progress: number[] = [];
    let total = 0;
    const a = api.analyse({ history: text, intervalMinutes: 30, calendar: calendarText, monthDays: '1-3' }, (done, of) => {
      progress.push(done);
      total = of;
    });
    expect(progress.at(-1)).toBe(total);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    const h = readHistory(text, 30);
    const days = calendarOf(readCalendar(calendarText).days, [[1, 2, 3]]);
    const tested = backtest(h, days);
    expect(a.suggested).toBe(tested.suggested);
    expect(a.scores.map((s) => s.wape)).toEqual(tested.scores.map((s) => s.wape));
    const view = api.forecast('2003-10-27', a.suggested);
    const f = forecastDay(h, '2003-10-27', a.suggested, days);
    expect(view.forecast.calls).toEqual(f?.calls);
    const score = tested.scores.find((s) => s.method === a.suggested);
    const band = f && score && predictionInterval(f, score.track, 'normal');
    expect(view.band.totalLow).toBe(band?.totalLow);
    expect(view.previous?.date).toBe('2003-10-20');
  });
});
