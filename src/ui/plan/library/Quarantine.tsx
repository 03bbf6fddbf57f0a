import { saveJson } from '../../download';
import type { QuarantinedRecord } from '../../state/savedScenario';

/** Saved records that could not be read, set aside: each to download or delete. */
export function Quarantine({
  records,
  remove,
  downloaded,
}: {
  records: QuarantinedRecord[];
  remove: (key: string) => void;
  downloaded?: (key: string) => void;
}) {
  return (
    <div class="quarantine" id="quarantine">
      {records.length > 0 && <p class="note">{`${records.length} saved record(s) could not be read and were set aside:`}</p>}
      {records.length > 0 && (
        <ul>
          {records.map((q, i) => (
            <li key={q.key}>
              {`${q.key}: ${q.error} `}
              <button
                type="button"
                id={`quarantine-download-${i}`}
                onClick={() => {
                  saveJson(`unreadable-${q.key}`, q.value);
                  downloaded?.(q.key);
                }}
              >
                Download
              </button>{' '}
              <button type="button" id={`quarantine-delete-${i}`} onClick={() => remove(q.key)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
