import type { BacktestScore, Forecast, Method, PredictionInterval } from '../forecast';
import type { HistoryPoint } from '../forecast/workerApi';
import { clockOf } from '../scenario';
import { type Column, fieldColumn, type ReportTable, recordOf, tableOf, type Unit } from './table';

/**
 * What a planner reads of a forecast: the backtest of every method, the
 * forecast day's intervals with their 80 % band, and the history's day
 * totals. The app, `wfm forecast` and its --json render these same rows.
 */

/** A method's backtest figures (without its track of days, which stays where it was computed). */
export type ScoreFigures = Omit<BacktestScore, 'ratios' | 'track'>;

const share = (
  key: string,
  label: string,
  definition: string,
  value: (s: ScoreFigures) => number | null,
  brief = true,
): Column<ScoreFigures> => ({ key, label, unit: 'share', definition, brief, value });

/** The backtest's columns: rolling origin, each day forecast from the days before it only. */
export const BACKTEST_COLUMNS: readonly Column<ScoreFigures>[] = [
  { key: 'method', label: 'Method', unit: 'text', definition: 'the forecasting method', brief: true, value: (s) => s.method },
  { key: 'days', label: 'Days', unit: 'count', definition: 'days forecast in the backtest', brief: true, value: (s) => s.days },
  share('wape', 'WAPE', 'Σ|actual − forecast| ÷ Σ actual over every interval of every day forecast', (s) => s.wape),
  share('wapeNormal', 'WAPE normal days', 'the same WAPE over normal days only', (s) => s.wapeNormal),
  share('wapeSpecial', 'WAPE special days', 'the same WAPE over the calendar’s special days only', (s) => s.wapeSpecial),
  share('mapeDay', 'MAPE day totals', 'mean of |actual − forecast| ÷ actual over the day totals', (s) => s.mapeDay),
  share(
    'coverageNormal',
    '80 % covers, normal',
    'share of intervals of normal days whose actual calls fell inside their 80 % interval, sized from earlier days only (target 80 %)',
    (s) => s.coverage.normal,
  ),
  share('coverageSpecial', '80 % covers, special', 'the same coverage on special days', (s) => s.coverage.special),
  share(
    'coverageDayNormal',
    'Day total covered, normal',
    'share of normal days whose total fell inside its 80 % interval',
    (s) => s.coverageDay.normal,
    false,
  ),
  share('coverageDaySpecial', 'Day total covered, special', 'the same on special days', (s) => s.coverageDay.special, false),
];

/** The backtest as a table (one row per method), and which row is the suggestion. */
export function backtestReport(tested: { scores: readonly ScoreFigures[]; suggested: Method }): {
  table: ReportTable;
  suggested: number;
} {
  return {
    table: tableOf(BACKTEST_COLUMNS, tested.scores),
    suggested: tested.scores.findIndex((s) => s.method === tested.suggested),
  };
}

/** `wfm forecast --json`: each method's backtest as a record keyed by column key. */
export const backtestJson = (tested: { scores: readonly ScoreFigures[] }) =>
  tested.scores.map((s) => recordOf(BACKTEST_COLUMNS, s));

/** One interval of the forecast day (or the day), with its 80 % interval. */
export interface ForecastRow {
  start: string;
  calls: number;
  low: number;
  high: number;
  ahtSeconds: number | null;
}

/** The forecast's columns; AHT is in the compact table only when the history has AHT. */
export function forecastColumns(hasAht: boolean): Column<ForecastRow>[] {
  const col = (key: keyof ForecastRow, label: string, unit: Unit, definition: string, brief = true) =>
    fieldColumn<ForecastRow, typeof key>(key, label, unit, definition, brief);
  return [
    col('start', 'Start', 'time', 'interval start (HH:MM), or the day'),
    col('calls', 'Calls', 'calls', 'calls forecast'),
    col('low', '80 % low', 'calls', 'lower end of the 80 % interval'),
    col('high', '80 % high', 'calls', 'upper end of the 80 % interval'),
    col('ahtSeconds', 'AHT', 'seconds', 'call-weighted mean handle time of the same weekday', hasAht),
  ];
}

/** Where the forecast day's intervals start: the history's first slot, one interval apart. */
export interface Grid {
  firstMinute: number;
  intervalMinutes: number;
}

/** The forecast day's rows by interval. */
export function forecastRows(f: Forecast, band: PredictionInterval, grid: Grid): ForecastRow[] {
  return [...f.calls].map((calls, i) => ({
    start: clockOf(grid.firstMinute + i * grid.intervalMinutes),
    calls,
    low: band.low[i],
    high: band.high[i],
    ahtSeconds: f.aht ? f.aht[i] : null,
  }));
}

/** The forecast as tables: its intervals and the day (total with its own 80 % interval), the same for screen and terminal. */
export function forecastReport(f: Forecast, band: PredictionInterval, grid: Grid) {
  const columns = forecastColumns(f.aht !== null);
  const day: ForecastRow = { start: 'day', calls: f.total, low: band.totalLow, high: band.totalHigh, ahtSeconds: null };
  return { intervals: tableOf(columns, forecastRows(f, band, grid)), day: tableOf(columns, [day]), columns };
}

/** `wfm forecast --json`: the intervals as records keyed by column key. */
export const forecastJson = (f: Forecast, band: PredictionInterval, grid: Grid) =>
  forecastRows(f, band, grid).map((r) => recordOf(forecastColumns(f.aht !== null), r));

/** A day of the history: its total and what the calendar says it is. */
export type HistoryDay = HistoryPoint;

const HISTORY_COLUMNS: readonly Column<HistoryDay>[] = [
  fieldColumn('date', 'Date', 'text', 'YYYY-MM-DD'),
  fieldColumn('calls', 'Calls', 'calls', 'calls of the day (forecast for the forecast day)'),
  {
    ...fieldColumn('kind', 'Kind', 'text', 'normal, or the calendar’s kind (closed, reduced, observance, after, an event)'),
    value: (d) => (d.name ? `${d.kind} (${d.name})` : d.kind),
  },
];

/** The history's day totals, then the forecast day marked as forecast. */
export function historyReport(days: readonly HistoryDay[], forecast: HistoryDay): ReportTable {
  return tableOf(HISTORY_COLUMNS, [...days, { ...forecast, date: `${forecast.date} (forecast)` }]);
}
