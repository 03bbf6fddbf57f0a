import { MAX_CALENDAR_CHARS, MAX_HISTORY_CHARS } from '../../forecast/workerInput';
import type { HistoryExample } from '../examples';
import type { ForecastState } from './forecastState';

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A file too large to read is refused before it is read, naming the field and the limit; what was entered stays. */
function tooLarge(state: ForecastState, field: string, file: File, max: number): boolean {
  if (file.size <= max) return false;
  state.run.value = { kind: 'failed', message: `${field}: ${file.name} is ${megabytes(file.size)}; at most ${megabytes(max)}` };
  return true;
}

/** A history CSV chosen by the planner, backtested. */
export async function loadHistoryFile(state: ForecastState, file: File): Promise<void> {
  if (tooLarge(state, 'History', file, MAX_HISTORY_CHARS)) return;
  state.begin();
  state.set({ history: { text: await file.text(), source: file.name } });
  state.credit.value = '';
  await state.analyse();
}

/** A bundled history with its calendar, pay-cycle days and day, backtested. */
export async function loadHistoryExample(state: ForecastState, example: HistoryExample): Promise<void> {
  state.begin();
  const [text, calendar] = await Promise.all([example.history(), example.calendar()]);
  state.set({ history: { text, source: example.name }, calendar, monthDays: example.monthDays, day: example.day });
  state.credit.value = example.credit;
  await state.analyse();
}

/** A calendar file into the special-days text, as it is (the backtest names any line it leaves out). */
export async function loadCalendarFile(state: ForecastState, file: File): Promise<void> {
  if (tooLarge(state, 'Special days', file, MAX_CALENDAR_CHARS)) return;
  state.set({ calendar: await file.text() }, 'analyse');
}
