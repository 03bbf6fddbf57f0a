/**
 * Rolling-origin backtest of every method on the two bundled data sets
 * (data/): WAPE per 30-minute interval and the measured coverage of the 80 %
 * intervals, on normal and special days, with the calendar each figure needs.
 */
import { readFileSync } from 'node:fs';
import { backtest, calendarOf, readCalendar, readHistory, readMonthDays } from '../src/forecast';
import { timed } from './measure';

const data = (path: string) => readFileSync(new URL(`../data/${path}`, import.meta.url), 'utf8');
const pct = (x: number | null) => (x === null ? null : Number((100 * x).toFixed(2)));

const US = { history: 'us-bank-calls-2003/bank_calls_5min_2003.csv', calendar: 'us-bank-calls-2003/holidays_2003.csv' };
const ISRAEL = { history: 'anonymous-bank-1999/calls_30min_1999.csv', calendar: 'anonymous-bank-1999/holidays_1999.csv' };
/** Each data set with its calendar alone, and with the day-of-month flags its targets need (the first business days for the US bank, the 1st–10th pay cycle in Israel). */
const SETS = [
  { name: 'usBank2003', ...US, monthDays: '' },
  { name: 'usBank2003MonthStart', ...US, monthDays: '1-3' },
  { name: 'israeliBank1999', ...ISRAEL, monthDays: '' },
  { name: 'israeliBank1999PayDays', ...ISRAEL, monthDays: '1-10' },
];

export async function forecastFigures() {
  const out: Record<string, unknown> = {};
  for (const set of SETS) {
    const read = await timed(() => readHistory(data(set.history), 30));
    const calendar = calendarOf(readCalendar(data(set.calendar)).days, readMonthDays(set.monthDays));
    const tested = await timed(() => backtest(read.value, calendar));
    out[set.name] = {
      days: read.value.dates.length,
      calendar: `data/${set.calendar}${set.monthDays ? ` + day-of-month flag ${set.monthDays}` : ''}`,
      read: read.timing,
      backtest: tested.timing,
      suggested: tested.value.suggested,
      wapePercent: Object.fromEntries(
        tested.value.scores.map((s) => [s.method, { all: pct(s.wape), normal: pct(s.wapeNormal), special: pct(s.wapeSpecial) }]),
      ),
      coverage80Percent: Object.fromEntries(
        tested.value.scores.map((s) => [
          s.method,
          {
            intervalsNormal: pct(s.coverage.normal),
            intervalsSpecial: pct(s.coverage.special),
            dayTotalsNormal: pct(s.coverageDay.normal),
            dayTotalsSpecial: pct(s.coverageDay.special),
          },
        ]),
      ),
    };
  }
  return { backtest30Min: out };
}
