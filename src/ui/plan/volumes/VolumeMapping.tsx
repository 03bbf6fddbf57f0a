import { useSignal } from '@preact/signals';
import type { VolumeMapping as Mapping } from '../../../scenario';

const ROLES: [keyof Mapping, string][] = [
  ['time', 'Interval start'],
  ['calls', 'Calls'],
  ['ahtSeconds', 'AHT (s)'],
  ['agents', 'Agents'],
];

interface MappingProps {
  fileName: string;
  rows: string[][];
  guess: Mapping;
  apply: (mapping: Mapping) => void;
}

/** A CSV file's first rows and which column holds what, to check before the volumes are used. Cells are text, never markup. */
export function VolumeMapping({ fileName, rows, guess, apply }: MappingProps) {
  const mapping = useSignal(guess);
  const [header, ...body] = rows;
  return (
    <>
      <table class="preview">
        <caption>{`${fileName}: ${body.length} rows (first 5 shown)`}</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th scope="col" key={`${i}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.slice(0, 5).map((r, k) => (
            <tr key={`${k}`}>
              {r.map((c, i) => (
                <td key={`${i}`}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {ROLES.map(([role, label]) => (
        <div class="field" key={role}>
          <label for={`volumes-${role}`}>{label}</label>
          <select
            id={`volumes-${role}`}
            value={String(mapping.value[role])}
            onChange={(e) => {
              mapping.value = { ...mapping.value, [role]: Number(e.currentTarget.value) };
            }}
          >
            <option value="-1">— none —</option>
            {header.map((h, i) => (
              <option key={`${i}`} value={String(i)}>
                {h || `column ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="actions">
        <button type="button" id="volumes-apply" class="primary" onClick={() => apply(mapping.value)}>
          Use these volumes
        </button>
      </div>
    </>
  );
}
