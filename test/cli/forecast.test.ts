import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const shared = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url).pathname;
const hasData = existsSync(shared('us-bank-calls-2003/bank_calls_5min_2003.csv'));

describe('wfm forecast', () => {
  it.runIf(hasData)('backtests every method, suggests one, and forecasts the day with an 80% interval', () => {
    const r = wfm(['forecast', shared('us-bank-calls-2003/bank_calls_5min_2003.csv'), '--day', '2003-10-27', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('holtWinters');
    expect(out.chosen).toBe('suggested by the backtest');
    expect(out.intervals).toHaveLength(29);
    expect(out.intervals[0].start).toBe('07:00');
    expect(out.totalLow).toBeLessThan(out.total);
    expect(out.backtest.map((s: { method: string }) => s.method)).toEqual(['seasonalNaive', 'weekdayProfile', 'holtWinters']);
    const asked = JSON.parse(
      wfm([
        'forecast',
        shared('us-bank-calls-2003/bank_calls_5min_2003.csv'),
        '--day',
        '2003-10-27',
        '--method',
        'seasonalNaive',
        '--json',
      ]).stdout,
    );
    expect(asked).toMatchObject({ method: 'seasonalNaive', chosen: 'asked' });
  });

  it.runIf(hasData)('converts the Israeli bank series and forecasts a holiday eve with its calendar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-forecast-'));
    const converted = wfm(['convert', 'rfssa', shared('anonymous-bank-1999/rfssa-6min/callcenter_6min_1999.csv.gz')]);
    expect(converted.stdout.split('\n')[0]).toBe('time,calls');
    expect(converted.stdout.split('\n')[1]).toBe('1999-01-01 00:00,2');
    writeFileSync(join(dir, 'israel.csv'), converted.stdout);
    const r = wfm([
      'forecast',
      join(dir, 'israel.csv'),
      '--day',
      '1999-09-19',
      '--holidays',
      shared('anonymous-bank-1999/israel_holidays_1999_hebcal.csv'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/eve day: × [\d.]+ learned from 1999-/);
  });

  it('reports bad input with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-forecast-'));
    writeFileSync(join(dir, 'bad.csv'), 'time,calls\nsoon,lots\n');
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24']).stderr).toMatch(
      /bad\.csv: no rows could be read \(line 2: expected a date-time and a number of calls/,
    );
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', 'Christmas']).stderr.trim()).toBe(
      'wfm forecast: --day: must be a date YYYY-MM-DD, got "Christmas"',
    );
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24', '--method', 'magic']).code).toBe(2);
  });
});
