import { chosenFile, Field } from './Field';
import type { ForecastState } from './forecastState';
import { loadCalendarFile } from './loading';

const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;

/** The special-day calendar (typed, or from a file) and the pay-cycle days; a change re-runs the backtest. */
export function CalendarFields({ state }: { state: ForecastState }) {
  const { calendar, monthDays } = state.inputs.value;
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
          onInput={(e) => state.set({ calendar: value(e) })}
          onChange={() => state.set({}, 'analyse')}
        />
      </Field>
      <Field id="holidays-file" label="Or load a calendar (CSV date,name,kind)">
        <input
          type="file"
          id="holidays-file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const file = chosenFile(e);
            if (file) void loadCalendarFile(state, file);
          }}
        />
      </Field>
      <Field id="month-days" label="Pay-cycle days of the month, each group one flag (e.g. 1-10 or 1,15)">
        <input
          type="text"
          id="month-days"
          placeholder="1-10"
          value={monthDays}
          onInput={(e) => state.set({ monthDays: value(e) })}
          onChange={() => state.set({}, 'analyse')}
        />
      </Field>
    </>
  );
}
