import { useSignal } from '@preact/signals';
import { formatScenarioError, parseScenarioText } from '../../../scenario';
import { EXAMPLES } from '../../examples';
import type { Session } from '../../state/session';
import { ErrorList } from '../ErrorList';

/** A new scenario from a bundled example or a JSON file; a file that is not valid is refused with every error listed. */
export function NewScenario({ session }: { session: Session }) {
  const errors = useSignal<string[]>([]);
  const fromExample = (e: Event) => {
    const select = e.currentTarget as HTMLSelectElement;
    const raw = EXAMPLES.get(select.value);
    select.value = '';
    if (raw) void session.create(structuredClone(raw));
  };
  const fromFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    errors.value = [];
    const text = await file.text();
    const parsed = parseScenarioText(text);
    if (parsed.ok) await session.create(JSON.parse(text));
    else errors.value = [`${file.name}: not loaded, the current scenario is kept`, ...parsed.errors.map(formatScenarioError)];
  };
  return (
    <>
      <div class="field wide">
        <label for="scenario-example">New from an example</label>
        <select id="scenario-example" value="" onChange={fromExample}>
          <option value="">Choose an example…</option>
          {[...EXAMPLES].map(([file, raw]) => (
            <option key={file} value={file}>
              {String(raw.name ?? file)}
            </option>
          ))}
        </select>
      </div>
      <div class="field wide">
        <label for="scenario-file">New from a scenario file (JSON)</label>
        <input type="file" id="scenario-file" accept=".json,application/json" onChange={fromFile} />
        <ErrorList id="scenario-file-errors" messages={errors.value} />
      </div>
    </>
  );
}
