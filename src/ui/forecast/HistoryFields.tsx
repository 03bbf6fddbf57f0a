import { INTERVAL_CHOICES } from '../../forecast/workerInput';
import { HISTORY_EXAMPLES } from '../examples';
import { Field, FileField } from './Field';
import type { ForecastState } from './forecastState';
import { loadHistoryExample, loadHistoryFile } from './loading';

/** The history: a CSV file or a bundled example, and the interval it is summed into. */
export function HistoryFields({ state }: { state: ForecastState }) {
  const { history, interval } = state.inputs.value;
  return (
    <>
      <FileField
        id="history-file"
        label="History (CSV: date-time, calls)"
        accept=".csv,text/csv,text/plain"
        onFile={(file) => loadHistoryFile(state, file)}
      />
      {history && <p class="note">{`Reading: ${history.source}`}</p>}
      <div class="actions">
        {HISTORY_EXAMPLES.map((example) => (
          <button type="button" id={example.id} key={example.id} onClick={() => void loadHistoryExample(state, example)}>
            {`Load ${example.name}`}
          </button>
        ))}
      </div>
      <Field id="history-interval" label="Interval">
        <select
          id="history-interval"
          value={interval}
          onChange={(e) => state.set({ interval: (e.currentTarget as HTMLSelectElement).value }, 'analyse')}
        >
          {INTERVAL_CHOICES.map((m) => (
            <option value={String(m)} key={m}>{`${m} min`}</option>
          ))}
        </select>
      </Field>
    </>
  );
}
