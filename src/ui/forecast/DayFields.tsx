import { forecastScenario, METHODS } from '../../forecast';
import { namedAfterDay } from '../state/namedAfterDay';
import type { Session } from '../state/session';
import { Field } from './Field';
import type { ForecastState } from './forecastState';

/** The forecast as a new scenario named after its day (undoable; the open scenario is kept as it is). */
async function useForecast(state: ForecastState, session: Session): Promise<void> {
  const [v, a] = [state.view.value, state.analysis.value];
  if (!v || !a) return;
  const made = await session.create(namedAfterDay(forecastScenario(session.current().raw, v.forecast, a, v.day), v.day));
  if (made.ok) location.hash = '#plan';
  else session.notify(`The forecast was not put into a scenario: ${made.errors.slice(0, 3).join('; ')}`);
}

/** The day to forecast and the method (the backtest's suggestion unless the planner picks another), and "use this forecast". */
export function DayFields({ state, session }: { state: ForecastState; session: Session }) {
  const { day, method } = state.inputs.value;
  const a = state.analysis.value;
  const pick = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <>
      <Field id="forecast-day" label="Day to forecast" message={state.dayError.value}>
        <input
          type="date"
          id="forecast-day"
          value={day}
          min={a?.firstDay}
          max={a?.lastDay}
          aria-describedby={state.dayError.value ? 'forecast-day-error' : undefined}
          onInput={(e) => state.set({ day: pick(e) })}
          onChange={() => state.set({}, 'predict')}
        />
      </Field>
      <Field id="forecast-method" label="Method">
        <select id="forecast-method" value={method} onChange={(e) => state.set({ method: pick(e) }, 'predict')}>
          <option value="">{a ? `Suggested: ${a.suggested}` : 'Suggested by the backtest'}</option>
          {METHODS.map((m) => (
            <option value={m} key={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      <div class="actions">
        <button
          type="button"
          id="use-forecast"
          class="primary"
          disabled={state.view.value === null}
          onClick={() => void useForecast(state, session)}
        >
          Use this forecast as a new scenario
        </button>
      </div>
    </>
  );
}
