import { describe, expect, it } from 'vitest';
import type { Forecast, PredictionInterval } from '../../src/forecast';
import { backtestJson, backtestReport, forecastReport, historyReport, type ScoreFigures } from '../../src/report/backtest';
import { textTable } from '../../src/report/terminal';

const score = (method: ScoreFigures['method'], wape: number, normal: number, special: number | null): ScoreFigures => ({
  method,
  days: 129,
  wape,
  wapeNormal: normal,
  wapeSpecial: special,
  mapeDay: wape / 2,
  coverage: { normal: 0.77, special },
  coverageDay: { normal: 0.8, special: null },
});

const tested = {
  scores: [score('seasonalNaive', 0.081, 0.079, 0.142), score('factorModel', 0.052, 0.05, null)],
  suggested: 'factorModel' as const,
};

describe('the backtest rows (app, terminal and --json read these)', () => {
  it('has one row per method in the order a planner reads, and marks the suggestion', () => {
    const { table, suggested } = backtestReport(tested);
    expect(table.columns.map((c) => c.key)).toEqual([
      'method',
      'days',
      'wape',
      'wapeNormal',
      'wapeSpecial',
      'mapeDay',
      'coverageNormal',
      'coverageSpecial',
      'coverageDayNormal',
      'coverageDaySpecial',
    ]);
    expect(table.columns.filter((c) => c.brief).map((c) => c.label)).toEqual([
      'Method',
      'Days',
      'WAPE',
      'WAPE normal days',
      'WAPE special days',
      'MAPE day totals',
      '80 % covers, normal',
      '80 % covers, special',
    ]);
    for (const c of table.columns) expect(c.definition).toBeTruthy();
    expect(table.rows).toEqual([
      ['seasonalNaive', 129, 0.081, 0.079, 0.142, 0.0405, 0.77, 0.142, 0.8, null],
      ['factorModel', 129, 0.052, 0.05, null, 0.026, 0.77, null, 0.8, null],
    ]);
    expect(suggested).toBe(1);
  });

  it('prints shares with their unit and a missing figure as a dash', () => {
    const lines = textTable(backtestReport(tested).table).split('\n');
    expect(lines[0]).toMatch(/^Method\s+Days\s+WAPE\s+WAPE normal days/);
    expect(lines[2]).toMatch(/^factorModel\s+129\s+5\.2 %\s+5\.0 %\s+—\s+2\.6 %\s+77\.0 %\s+—$/);
  });

  it('gives --json records keyed by column key', () => {
    expect(backtestJson(tested)[1]).toEqual({
      method: 'factorModel',
      days: 129,
      wape: 0.052,
      wapeNormal: 0.05,
      wapeSpecial: null,
      mapeDay: 0.026,
      coverageNormal: 0.77,
      coverageSpecial: null,
      coverageDayNormal: 0.8,
      coverageDaySpecial: null,
    });
  });
});

describe('the forecast rows', () => {
  const f = {
    calls: Float64Array.from([10.25, 20.5]),
    total: 30.75,
    method: 'holtWinters',
    special: null,
    aht: null,
  } as Forecast;
  const band: PredictionInterval = {
    low: Float64Array.from([7, 16]),
    high: Float64Array.from([14, 26]),
    totalLow: 25,
    totalHigh: 37,
    basis: 'normal days',
    days: 120,
  };

  it('lists each interval from the history’s first slot, then the day with its own interval', () => {
    const { intervals, day } = forecastReport(f, band, { firstMinute: 7 * 60 + 30, intervalMinutes: 30 });
    expect(intervals.rows).toEqual([
      ['07:30', 10.25, 7, 14, null],
      ['08:00', 20.5, 16, 26, null],
    ]);
    expect(day.rows).toEqual([['day', 30.75, 25, 37, null]]);
    // Without AHT in the history, the compact table leaves AHT out.
    expect(intervals.columns.filter((c) => c.brief).map((c) => c.key)).toEqual(['start', 'calls', 'low', 'high']);
    const withAht = forecastReport({ ...f, aht: Float64Array.from([180, 200]) }, band, { firstMinute: 0, intervalMinutes: 60 });
    expect(withAht.intervals.rows[1]).toEqual(['01:00', 20.5, 16, 26, 200]);
    expect(withAht.intervals.columns.find((c) => c.key === 'ahtSeconds')?.brief).toBe(true);
  });

  it('lists the history’s day totals with their kind, then the forecast day', () => {
    const table = historyReport(
      [
        { date: '1999-03-31', calls: 4120, kind: 'reduced', name: 'Erev Pesach' },
        { date: '1999-04-02', calls: 5000, kind: 'normal', name: '' },
      ],
      { date: '1999-04-01', calls: 300, kind: 'closed', name: 'Pesach I' },
    );
    expect(table.rows).toEqual([
      ['1999-03-31', 4120, 'reduced (Erev Pesach)'],
      ['1999-04-02', 5000, 'normal'],
      ['1999-04-01 (forecast)', 300, 'closed (Pesach I)'],
    ]);
  });
});
