import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  backtest,
  calendarOf,
  dayKind,
  estimatePatience,
  forecastDay,
  forecastScenario,
  predictionInterval,
  readCalendar,
  readHistory,
  readQueuedCalls,
  rfssaToHistory,
  riskRun,
} from '../../src/forecast';
import { parseScenario } from '../../src/scenario';

const shared = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url);
const hasData = existsSync(shared('us-bank-calls-2003/bank_calls_5min_2003.csv'));

describe('history import', () => {
  it('sums records into intervals, and reports unparseable rows, duplicates and gaps (a DST hour) instead of dropping them', () => {
    const h = readHistory(
      [
        'time,calls',
        '2026-03-29 01:00,5',
        '2026-03-29 01:15,6',
        '2026-03-29 03:00,7', // the 02:00 hour is skipped by the clock change
        '2026-03-29 03:00,7',
        'yesterday,3',
        '2026-03-30 01:00,-2',
        '2026-03-30 01:00,4',
        '2026-03-30 03:30,1',
      ].join('\n'),
      60,
    );
    expect(h.dates).toEqual(['2026-03-29', '2026-03-30']);
    expect([...h.calls[0]]).toEqual([11, Number.NaN, 7]);
    expect(h.report.duplicates).toEqual(['line 5: 2026-03-29 03:00 again']);
    expect(h.report.unparseable).toEqual([
      'line 6: expected a date-time and a number of calls, got "yesterday,3"',
      'line 7: expected a date-time and a number of calls, got "2026-03-30 01:00,-2"',
    ]);
    expect(h.report.gaps).toEqual(['2026-03-29 02:00: no record', '2026-03-30 02:00: no record']);
  });

  it('knows holidays, eves and the day after from a calendar', () => {
    const cal = calendarOf([
      { date: '1999-03-31', name: 'Erev Pesach' },
      { date: '1999-04-01', name: 'Pesach I' },
    ]);
    expect(['1999-03-30', '1999-03-31', '1999-04-01', '1999-04-02'].map((d) => dayKind(d, cal))).toEqual([
      'normal',
      'eve',
      'holiday',
      'after',
    ]);
  });
});

describe.runIf(hasData)('backtests on real call-center data (shared/data)', () => {
  it('US bank 2003, 30-minute intervals: Holt–Winters and the weekday profile beat seasonal naive; the calendar helps', () => {
    const h = readHistory(readFileSync(shared('us-bank-calls-2003/bank_calls_5min_2003.csv'), 'utf8'), 30);
    expect(h.dates).toHaveLength(164);
    expect(h.report).toMatchObject({ unparseable: [], duplicates: [], gaps: [] });
    const holidays = calendarOf([
      { date: '2003-04-18', name: 'Good Friday' },
      { date: '2003-05-26', name: 'Memorial Day' },
      { date: '2003-07-04', name: 'Independence Day' },
      { date: '2003-09-01', name: 'Labor Day' },
      { date: '2003-10-13', name: 'Columbus Day' },
    ]);
    const b = backtest(h, holidays);
    const wape = Object.fromEntries(b.scores.map((s) => [s.method, s.wape]));
    expect(b.suggested).toBe('holtWinters');
    expect(wape.holtWinters).toBeLessThan(0.8 * wape.seasonalNaive);
    expect(wape.weekdayProfile).toBeLessThan(wape.seasonalNaive);
    const plain = backtest(h, new Map());
    expect(wape.holtWinters).toBeLessThan(plain.scores.find((s) => s.method === 'holtWinters')?.wape ?? 0);
  });

  it('Israeli bank 1999 with its holiday calendar: special days forecast better with the calendar than without', () => {
    const text = rfssaToHistory(
      gunzipSync(readFileSync(shared('anonymous-bank-1999/rfssa-6min/callcenter_6min_1999.csv.gz'))).toString('utf8'),
    );
    const h = readHistory(text, 30);
    expect(h.dates).toHaveLength(365);
    const cal = calendarOf(readCalendar(readFileSync(shared('anonymous-bank-1999/israel_holidays_1999_hebcal.csv'), 'utf8')));
    const special = (d: string) => dayKind(d, cal) !== 'normal';
    const withCalendar = backtest(h, cal, { only: special });
    const without = backtest(h, new Map(), { only: special });
    withCalendar.scores.forEach((s, k) => {
      expect(s.days).toBeGreaterThan(40);
      expect(s.wape).toBeLessThan(without.scores[k].wape);
    });
    const after = (d: string) => dayKind(d, cal) === 'after';
    expect(backtest(h, cal, { only: after }).scores[2].wape).toBeLessThan(
      0.8 * backtest(h, new Map(), { only: after }).scores[2].wape,
    );
    const all = backtest(h, cal);
    const naive = all.scores[0].wape;
    expect(all.scores[2].wape).toBeLessThan(0.9 * naive);
  });

  it('forecasts a day after a holiday with its learned uplift and an 80% interval', () => {
    const text = rfssaToHistory(
      gunzipSync(readFileSync(shared('anonymous-bank-1999/rfssa-6min/callcenter_6min_1999.csv.gz'))).toString('utf8'),
    );
    const h = readHistory(text, 30);
    const cal = calendarOf(readCalendar(readFileSync(shared('anonymous-bank-1999/israel_holidays_1999_hebcal.csv'), 'utf8')));
    const day = '1999-09-21'; // the day after Yom Kippur
    expect(dayKind(day, cal)).toBe('after');
    const f = forecastDay(h, day, 'holtWinters', cal);
    if (!f) throw new Error('no forecast');
    expect(f.special?.kind).toBe('after');
    expect(f.special?.learnedFrom.length).toBeGreaterThan(0);
    const score = backtest(h, cal, { methods: ['holtWinters'] }).scores[0];
    const band = predictionInterval(f, score);
    expect(band.totalLow).toBeLessThan(f.total);
    expect(band.totalHigh).toBeGreaterThan(f.total);
  });
});

describe.runIf(hasData)('patience from the Israeli bank’s call records', () => {
  it('estimates exponential patience as total wait ÷ abandonments and a Kaplan–Meier curve, matching the published summary', () => {
    const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'september', 'october'];
    const calls: { waitSeconds: number; abandoned: boolean }[] = [];
    const skipped: string[] = [];
    for (const m of months) {
      const read = readQueuedCalls(gunzipSync(readFileSync(shared(`anonymous-bank-1999/raw/${m}.txt.gz`))).toString('latin1'));
      calls.push(...read.calls);
      skipped.push(...read.skipped);
    }
    expect(skipped).toHaveLength(8); // the 8 short rows SOURCE.md names
    const summary = JSON.parse(readFileSync(shared('anonymous-bank-1999/derived/anonbank_summary.json'), 'utf8'));
    const p = estimatePatience(calls);
    expect(p.queued).toBe(summary.queued);
    expect(p.abandoned).toBe(summary.queued_abandoned);
    expect(p.meanSeconds).toBeCloseTo(summary['patience_exponential_mle_mean_s (aband/total_wait)'], 6);
    expect(p.medianSeconds).toBe(summary.patience_KM_median_s);
    expect(p.survival.find((s) => s.seconds === 60)?.survival).toBeCloseTo(summary.patience_KM_survival['60s'], 9);
  });
});

describe.runIf(hasData)('from forecast to scenario and risk', () => {
  it('puts the forecast into a scenario and gives the chance of meeting the targets, lower with fewer agents', () => {
    const h = readHistory(readFileSync(shared('us-bank-calls-2003/bank_calls_5min_2003.csv'), 'utf8'), 30);
    const calendar = calendarOf([]);
    const f = forecastDay(h, '2003-10-27', 'holtWinters', calendar);
    if (!f) throw new Error('no forecast');
    const score = backtest(h, calendar, { methods: ['holtWinters'] }).scores[0];
    const base = {
      schema: 1,
      name: 'US bank, a Monday',
      day: { date: '2003-10-20', open: '08:00', close: '09:00' },
      demand: { calls: [1, 2] },
      ahtSeconds: [240, 250],
      staffing: { agents: 280 },
      patience: { meanSeconds: 300 },
      targets: { serviceLevel: 0.8, targetSeconds: 20, answerRate: 0.95 },
      simulation: { seed: 3 },
    };
    const raw = forecastScenario(base, f, h, '2003-10-27');
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.day).toEqual({ date: '2003-10-27', open: '07:00', close: '21:30' });
    expect(parsed.scenario.demand).toEqual({ calls: [...f.calls].map((c) => Number(c.toFixed(2))) });
    // AHT moves to the new grid by the scenario's rule: the nearest known interval outside the old day.
    expect(parsed.scenario.ahtSeconds).toEqual([240, 240, 240, ...Array(26).fill(250)]);
    const ample = riskRun(parsed.scenario, score.ratios, 12);
    const tight = riskRun({ ...parsed.scenario, staffing: { agents: 235 } }, score.ratios, 12);
    expect(ample.intervals).toHaveLength(29);
    expect(ample.day.pServiceLevel).toBeGreaterThan(tight.day.pServiceLevel);
    const sum = (r: typeof ample) => r.intervals.reduce((a, x) => a + x.pServiceLevel, 0);
    expect(sum(ample)).toBeGreaterThan(sum(tight));
    for (const x of tight.intervals) expect(x.pServiceLevel).toBeGreaterThanOrEqual(0);
  });
});

describe('AHT and queues in the history', () => {
  it('keeps a call-weighted AHT per interval, forecasts it, and can read one queue of several', () => {
    const rows = ['time,queue,calls,aht'];
    for (let week = 0; week < 6; week++) {
      const date = addDays('2026-10-05', 7 * week); // Mondays
      rows.push(
        `${date} 09:00,sales,10,200`,
        `${date} 09:00,care,30,400`,
        `${date} 09:30,sales,20,300`,
        `${date} 09:30,care,0,0`,
      );
    }
    const all = readHistory(rows.join('\n'), 30);
    expect(all.aht?.[0][0]).toBeCloseTo((10 * 200 + 30 * 400) / 40, 9);
    const f = forecastDay(all, '2026-11-16', 'weekdayProfile', calendarOf([]));
    expect(f?.aht?.[0]).toBeCloseTo(350, 9);
    expect(f?.aht?.[1]).toBeCloseTo(300, 9);
    const sales = readHistory(rows.join('\n'), 30, { queue: 'sales' });
    expect([...sales.calls[0]]).toEqual([10, 20]);
    expect(sales.report.otherQueues).toBe(12);
    const bad = readHistory('time,calls,aht\n2026-10-05 09:00,10,fast\n', 30);
    expect(bad.report.unparseable).toEqual(['line 2: AHT must be a number of seconds above 0, got "fast"']);
  });
});
