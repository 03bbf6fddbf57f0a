import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const shared = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url).pathname;
const bundled = (path: string) => new URL(`../../data/${path}`, import.meta.url).pathname;
const hasRfssa = existsSync(shared('anonymous-bank-1999/rfssa-6min/callcenter_6min_1999.csv.gz'));

describe('wfm forecast', () => {
  it('backtests every method, suggests the best, and forecasts the day with an 80% interval from earlier days', () => {
    const us = bundled('us-bank-calls-2003/bank_calls_5min_2003.csv');
    const holidays = bundled('us-bank-calls-2003/holidays_2003.csv');
    const r = wfm(['forecast', us, '--day', '2003-10-27', '--holidays', holidays, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const best = Math.min(...out.backtest.map((s: { wape: number }) => s.wape));
    expect(out.backtest.find((s: { method: string }) => s.method === out.method).wape).toBe(best);
    expect(out.chosen).toBe('suggested by the backtest');
    expect(out.intervals).toHaveLength(29);
    expect(out.intervals[0].start).toBe('07:00');
    expect(out.totalLow).toBeLessThan(out.total);
    expect(out.intervalFrom).toMatchObject({ basis: 'normal days' });
    expect(out.backtest.map((s: { method: string }) => s.method)).toEqual([
      'seasonalNaive',
      'weekdayProfile',
      'holtWinters',
      'factorModel',
      'combination',
    ]);
    for (const s of out.backtest) expect(s.coverageNormal).toBeGreaterThan(0.7);
    const asked = JSON.parse(wfm(['forecast', us, '--day', '2003-10-27', '--method', 'seasonalNaive', '--json']).stdout);
    expect(asked).toMatchObject({ method: 'seasonalNaive', chosen: 'asked' });
  });

  it('forecasts a holiday eve of the bundled Israeli bank series with its calendar by kind', () => {
    const r = wfm([
      'forecast',
      bundled('anonymous-bank-1999/calls_30min_1999.csv'),
      '--day',
      '1999-09-19',
      '--holidays',
      bundled('anonymous-bank-1999/holidays_1999.csv'),
      '--month-days',
      '1-10',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/eve day \(Erev Yom Kippur\): × [\d.]+ learned from 5 earlier eve days \(1999-03-31, /);
    expect(r.stdout).toMatch(/sized from the errors of 5 earlier eve days/);
  });

  it.runIf(hasRfssa)('converts the raw Rfssa 6-minute series (in ../shared/data) to the bundled 30-minute counts', () => {
    const converted = wfm(['convert', 'rfssa', shared('anonymous-bank-1999/rfssa-6min/callcenter_6min_1999.csv.gz')]);
    expect(converted.stdout.split('\n')[0]).toBe('time,calls');
    expect(converted.stdout.split('\n')[1]).toBe('1999-01-01 00:00,2');
  });

  it('reports bad input with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-forecast-'));
    writeFileSync(join(dir, 'bad.csv'), 'time,calls\nsoon,lots\n');
    writeFileSync(join(dir, 'cal.csv'), 'date,name,kind\n2003-13-01,Nowhere,closed\n');
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24']).stderr).toMatch(
      /bad\.csv: no rows could be read \(line 2: expected a date-time and a number of calls/,
    );
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', 'Christmas']).stderr.trim()).toBe(
      'wfm forecast: --day: must be a date YYYY-MM-DD, got "Christmas"',
    );
    expect(wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24', '--method', 'magic']).code).toBe(2);
    const calendar = wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24', '--holidays', join(dir, 'cal.csv')]);
    expect(calendar.code).toBe(2);
    expect(calendar.stderr).toContain('--holidays:');
    expect(calendar.stderr).toContain('line 2: expected a real date YYYY-MM-DD, got "2003-13-01"');
    const month = wfm(['forecast', join(dir, 'bad.csv'), '--day', '2026-12-24', '--month-days', '0']);
    expect(month.stderr).toContain('--month-days: day-of-month flags: each group must be a day 1–31');
  });
});
