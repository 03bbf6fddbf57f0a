import { Field, FileField } from './Field';
import type { ForecastState } from './forecastState';
import { loadCalendarFile } from './loading';

/** The special-day calendar (typed, or from a file) and the pay-cycle days; a change re-runs the backtest. */
export function CalendarFields({ state }: { state: ForecastState }) {
  const { calendar, monthDays } = state.inputs.value;
  // Typing keeps the text; leaving the field (change) re-runs the backtest with it.
  const typed = (key: 'calendar' | 'monthDays') => (e: Event) =>
    state.set({ [key]: (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value });
  const rerun = () => state.set({}, 'analyse');
  return (
    <>
      <Field
        id="holidays"
        label="Special days (date,name,kind per line; kind: closed, reduced, observance, after, or your own event word)"
      >
        <textarea
          id="holidays"
          rows={5}
          placeholder="2003-05-26,Memorial Day,closed"
          value={calendar}
          onInput={typed('calendar')}
          onChange={rerun}
        />
      </Field>
      <FileField
        id="holidays-file"
        label="Or load a calendar (CSV date,name,kind)"
        accept=".csv,text/csv,text/plain"
        onFile={(file) => loadCalendarFile(state, file)}
      />
      <Field id="month-days" label="Pay-cycle days of the month, each group one flag (e.g. 1-10 or 1,15)">
        <input type="text" id="month-days" placeholder="1-10" value={monthDays} onInput={typed('monthDays')} onChange={rerun} />
      </Field>
    </>
  );
}
