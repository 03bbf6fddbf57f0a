/** Rolling-origin backtest of every method over a year of 30-minute history (the Israeli bank, 1999, with its holidays). */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { backtest, calendarOf, readCalendar, readHistory, rfssaToHistory } from '../src/forecast';
import { timed } from './measure';

export async function forecastFigures() {
  const data = new URL('../../shared/data/anonymous-bank-1999/', import.meta.url);
  if (!existsSync(new URL('rfssa-6min/callcenter_6min_1999.csv.gz', data)))
    return { forecast: 'skipped: ../shared/data is missing' };
  const text = rfssaToHistory(gunzipSync(readFileSync(new URL('rfssa-6min/callcenter_6min_1999.csv.gz', data))).toString('utf8'));
  const calendar = calendarOf(readCalendar(readFileSync(new URL('israel_holidays_1999_hebcal.csv', data), 'utf8')));
  const read = await timed(() => readHistory(text, 30));
  const tested = await timed(() => backtest(read.value, calendar));
  return {
    backtestOneYear30Min: {
      days: read.value.dates.length,
      read: read.timing,
      backtest: tested.timing,
      wape: Object.fromEntries(tested.value.scores.map((s) => [s.method, Number(s.wape.toFixed(4))])),
    },
  };
}
