/** What the forecasting worker accepts, checked at its boundary (see workerApi.ts). */

/** Largest history text a worker reads: about ten years of 5-minute rows of one queue. */
export const MAX_HISTORY_CHARS = 64 * 1024 * 1024;
/** Largest calendar text (lines "date,name,kind"). */
export const MAX_CALENDAR_CHARS = 1024 * 1024;
/** Days the backtest learns from before its first forecast (backtest's warm-up), plus one day to forecast. */
export const MIN_BACKTEST_DAYS = 36;
/** The furthest a day may lie after the history: a year. */
export const MAX_DAYS_AHEAD = 366;
export const INTERVAL_CHOICES = [15, 30, 60] as const;

/** What a forecasting worker was given is not something it can read; the message names the field and what is allowed. */
export class ForecastInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastInputError';
  }
}

export interface AnalyseInput {
  /** CSV: date-time, calls (optional AHT, queue) */
  history: string;
  intervalMinutes: number;
  /** lines "date,name,kind" (a header line is skipped) */
  calendar: string;
  /** day-of-month groups "1-10" or "1,15" */
  monthDays: string;
}

const text = (field: string, value: unknown, max: number): string => {
  if (typeof value !== 'string') throw new ForecastInputError(`${field}: must be text, got ${typeof value}`);
  if (value.length > max)
    throw new ForecastInputError(
      `${field}: at most ${(max / 1024 / 1024).toFixed(0)} MB of text, got ${(value.length / 1024 / 1024).toFixed(1)} MB`,
    );
  return value;
};

/** The input of `analyse`, checked: anything else is refused with a message naming the field. */
export function readAnalyseInput(input: unknown): AnalyseInput {
  if (typeof input !== 'object' || input === null) throw new ForecastInputError('the input must be an object');
  const i = input as Record<string, unknown>;
  const history = text('History', i.history, MAX_HISTORY_CHARS);
  if (history.trim() === '') throw new ForecastInputError('History: the file is empty (give a CSV of date-time, calls)');
  if (!INTERVAL_CHOICES.includes(i.intervalMinutes as 15))
    throw new ForecastInputError(`Interval: must be ${INTERVAL_CHOICES.join(', ')} minutes, got ${String(i.intervalMinutes)}`);
  return {
    history,
    intervalMinutes: i.intervalMinutes as number,
    calendar: text('Special days', i.calendar ?? '', MAX_CALENDAR_CHARS),
    monthDays: text('Pay-cycle days', i.monthDays ?? '', 200),
  };
}
