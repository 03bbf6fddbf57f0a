import { useSignal } from '@preact/signals';
import { applyVolumes, guessMapping, type VolumeMapping as Mapping, parseCsv, readVolumes } from '../../../scenario';
import type { Session } from '../../state/session';
import { ErrorList } from '../ErrorList';
import { VolumeMapping } from './VolumeMapping';

type Step =
  | { kind: 'none' }
  | { kind: 'mapping'; fileName: string; rows: string[][]; file: number }
  | { kind: 'done'; note: string };

/**
 * Import of interval volumes from a CSV file: choose the file, check the column
 * mapping against a preview, apply as one edit. Bad rows are listed with their
 * line and value, and the scenario is left as it was.
 */
export function VolumeImport({ session }: { session: Session }) {
  const step = useSignal<Step>({ kind: 'none' });
  const errors = useSignal<string[]>([]);
  const files = useSignal(0);
  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    errors.value = [];
    step.value = { kind: 'none' };
    if (!file) return;
    const rows = parseCsv(await file.text());
    if (rows.length === 0) errors.value = [`${file.name}: the file is empty`];
    else step.value = { kind: 'mapping', fileName: file.name, rows, file: ++files.value };
  };
  const apply = (fileName: string, rows: string[][], mapping: Mapping) => {
    const read = readVolumes(rows, mapping);
    const applied = read.ok ? session.commit(applyVolumes(session.current().raw, read)) : read;
    if (!applied.ok) errors.value = [`${fileName}: not imported, the scenario is unchanged`, ...applied.errors];
    else if (read.ok) {
      errors.value = [];
      step.value = {
        kind: 'done',
        note: `Imported ${read.rows.length} intervals of ${read.intervalMinutes} min, ${read.open}–${read.close}.`,
      };
    }
  };
  const now = step.value;
  return (
    <div class="library volumes">
      <div class="field wide">
        <label for="volumes-file">Import interval volumes (CSV: start, calls, AHT, agents)</label>
        <input type="file" id="volumes-file" accept=".csv,text/csv,text/plain" onChange={choose} />
      </div>
      <div class="mapping" id="volumes-mapping">
        {now.kind === 'mapping' && (
          <VolumeMapping
            key={now.file}
            fileName={now.fileName}
            rows={now.rows}
            guess={guessMapping(now.rows[0])}
            apply={(mapping) => apply(now.fileName, now.rows, mapping)}
          />
        )}
        {now.kind === 'done' && <p class="note">{now.note}</p>}
      </div>
      <ErrorList id="volumes-errors" messages={errors.value} />
    </div>
  );
}
