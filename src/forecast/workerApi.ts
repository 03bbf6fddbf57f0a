import { type Backtest, backtest } from './backtest';
import { type Calendar, calendarOf, dayKind, readCalendar, readMonthDays } from './calendar';
import { type Forecast, type Forecaster, forecaster } from './forecast';
import { addDays, dayTotal, type History, isRealDate, readHistory } from './history';
import { type PredictionInterval, predictionInterval } from './intervals';
import { METHOD_FORMULAS, METHODS, type Method } from './methods';
import { type AnalyseInput, ForecastInputError, MAX_DAYS_AHEAD, MIN_BACKTEST_DAYS, readAnalyseInput } from './workerInput';

/** A day of the history as the page draws it. */
export interface HistoryPoint {
  date: string;
  calls: number;
  kind: string;
  name: string;
}

/** What the page shows after reading a history and backtesting every method on it. */
export interface Analysis {
  days: number;
  from: string;
  to: string;
  rows: number;
  counts: { unparseable: number; duplicates: number; gaps: number };
  /** the first few unreadable rows, duplicates and gaps, and every calendar line left out, each naming its line */
  problems: string[];
  scores: Omit<Backtest['scores'][number], 'ratios' | 'track'>[];
  suggested: Method;
  points: HistoryPoint[];
  /** the days a forecast may be asked for */
  firstDay: string;
  lastDay: string;
  /** the grid of the history's slots */
  firstMinute: number;
  intervalMinutes: number;
}

/** One day's forecast with its band, and what the charts draw beside it. */
export interface DayView {
  day: string;
  method: Method;
  formula: string;
  forecast: Forecast;
  band: PredictionInterval;
  kind: string;
  name: string;
  /** the same weekday a week earlier, if the history has it */
  previous: { date: string; calls: Float64Array } | null;
}

/** The calendar, and a message for each line that was left out of it. */
function readCalendarInput(input: AnalyseInput): { calendar: Calendar; problems: string[] } {
  const read = readCalendar(input.calendar);
  const problems = read.errors.map((e) => `Special days, ${e} — left out of the calendar`);
  let groups: number[][] = [];
  try {
    groups = readMonthDays(input.monthDays);
  } catch (error) {
    problems.push(`Pay-cycle days: ${(error as Error).message} — no flags used`);
  }
  return { calendar: calendarOf(read.days, groups), problems };
}

function readHistoryInput(input: AnalyseInput): History {
  const h = readHistory(input.history, input.intervalMinutes);
  if (h.dates.length === 0)
    throw new ForecastInputError(
      `History: no row could be read; each needs a date-time (YYYY-MM-DD HH:MM) and a number of calls of 0 or more (${h.report.unparseable[0] ?? 'no rows after the header'})`,
    );
  if (h.dates.length < MIN_BACKTEST_DAYS)
    throw new ForecastInputError(
      `History: too short to backtest — it covers ${h.dates.length} days (${h.dates[0]} – ${h.dates[h.dates.length - 1]}); it needs at least ${MIN_BACKTEST_DAYS} days with records (five weeks to learn from, then days to test)`,
    );
  return h;
}

/** Progress reports during a backtest: at most this often, ms. */
const PROGRESS_EVERY_MS = 100;
/** Messages of each kind the page lists (the counts say how many there are). */
const LISTED = 5;

/**
 * What a forecasting worker does, as plain functions: the worker entry in
 * workers/ only exposes this object through Comlink. `analyse` reads a
 * history and a calendar and backtests every method, keeping them for
 * `forecast`, which forecasts one day by one method with its 80 % band.
 * Whatever arrives is checked first and refused with a ForecastInputError.
 */
export function forecastWorkerApi() {
  let loaded: { history: History; calendar: Calendar; tested: Backtest; make: Forecaster } | null = null;
  return {
    analyse(input: unknown, onProgress?: (done: number, of: number) => unknown): Analysis {
      if (onProgress !== undefined && typeof onProgress !== 'function')
        throw new ForecastInputError('onProgress: must be a function');
      const checked = readAnalyseInput(input);
      loaded = null;
      const history = readHistoryInput(checked);
      const { calendar, problems } = readCalendarInput(checked);
      let last = 0;
      const make = forecaster(history, calendar);
      const tested = backtest(history, calendar, {
        forecaster: make,
        onDay: (done, of) => {
          const now = Date.now();
          if (!onProgress || (now - last < PROGRESS_EVERY_MS && done < of)) return;
          last = now;
          // A report that cannot be delivered (the page has gone) is no reason to stop.
          Promise.resolve(onProgress(done, of)).catch(() => {});
        },
      });
      if (tested.scores.every((s) => s.days === 0))
        throw new ForecastInputError(
          `History: too short to backtest — no day after the first five weeks has calls and two earlier same weekdays (${history.dates.length} days with records)`,
        );
      loaded = { history, calendar, tested, make };
      const r = history.report;
      const [from, to] = [history.dates[0], history.dates[history.dates.length - 1]];
      return {
        days: history.dates.length,
        from,
        to,
        rows: r.rows,
        counts: { unparseable: r.unparseable.length, duplicates: r.duplicates.length, gaps: r.gaps.length },
        problems: [...r.unparseable.slice(0, LISTED), ...r.duplicates.slice(0, LISTED), ...r.gaps.slice(0, LISTED), ...problems],
        scores: tested.scores.map(({ ratios, track, ...figures }) => figures),
        suggested: tested.suggested,
        points: history.dates
          .map((date, d) => ({
            date,
            calls: dayTotal(history.calls[d]),
            kind: dayKind(date, calendar),
            name: calendar.days.get(date)?.name ?? '',
          }))
          .filter((p) => !Number.isNaN(p.calls)),
        firstDay: addDays(from, 14),
        lastDay: addDays(to, MAX_DAYS_AHEAD),
        firstMinute: history.firstMinute,
        intervalMinutes: history.intervalMinutes,
      };
    },

    forecast(day: unknown, method: unknown): DayView {
      if (!loaded) throw new ForecastInputError('analyse a history first');
      const { history, calendar, tested, make } = loaded;
      if (!METHODS.includes(method as Method))
        throw new ForecastInputError(`Method: must be one of ${METHODS.join(', ')}, got ${JSON.stringify(method)}`);
      const [first, last] = [addDays(history.dates[0], 14), addDays(history.dates[history.dates.length - 1], MAX_DAYS_AHEAD)];
      if (typeof day !== 'string' || !isRealDate(day) || day < first || day > last)
        throw new ForecastInputError(
          `Day to forecast: must be a date from ${first} to ${last} (two weeks into the history, which covers ${history.dates[0]} – ${history.dates[history.dates.length - 1]}, up to a year after it), got ${JSON.stringify(day)}`,
        );
      const m = method as Method;
      const forecast = make.forecast(day, m);
      if (!forecast)
        throw new ForecastInputError(
          `Day to forecast: not enough history before ${day} for ${m} (it needs at least two earlier same weekdays)`,
        );
      const score = tested.scores.find((s) => s.method === m) ?? tested.scores[0];
      const kind = dayKind(day, calendar);
      const before = history.dates.indexOf(addDays(day, -7));
      return {
        day,
        method: m,
        formula: METHOD_FORMULAS[m],
        forecast,
        band: predictionInterval(
          forecast,
          score.track.filter((t) => t.date < day),
          kind,
        ),
        kind,
        name: calendar.days.get(day)?.name ?? '',
        previous: before >= 0 ? { date: history.dates[before], calls: history.calls[before] } : null,
      };
    },
  };
}

export type ForecastWorkerApi = ReturnType<typeof forecastWorkerApi>;
