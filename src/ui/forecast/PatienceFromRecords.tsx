import { signal } from '@preact/signals';
import { estimatePatience, type PatienceEstimate, readQueuedCalls } from '../../forecast';
import { setField } from '../../scenario';
import { CREDIT_ISRAEL } from '../examples';
import type { Session } from '../state/session';
import { FileField } from './Field';
import { savePatienceEstimate } from './patienceEstimate';

type Read = { file: string; estimate: PatienceEstimate; skipped: string[]; israeli: boolean } | { file: string; error: string };
const read = signal<Read | null>(null);

/** Per-call records (tab-separated, gzip read in the browser) to an exponential patience and its Kaplan–Meier view. */
async function readRecords(file: File, storage: Storage): Promise<Read> {
  const gzip = file.name.endsWith('.gz');
  let text: string;
  try {
    text = gzip ? await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text() : await file.text();
  } catch (error) {
    // A .gz that is no gzip fails inside the browser's decompression, which names no cause of its own.
    if (gzip) return { file: file.name, error: 'not a gzip file: give the records as .txt, or gzip them whole' };
    return { file: file.name, error: `not readable as call records (${(error as Error).message})` };
  }
  try {
    const { calls, skipped } = readQueuedCalls(text);
    if (calls.length === 0) return { file: file.name, error: `no queued calls found (${skipped.length} rows skipped)` };
    const estimate = estimatePatience(calls);
    if (!Number.isFinite(estimate.meanSeconds))
      return { file: file.name, error: `${calls.length} queued calls and none abandoned: patience cannot be estimated` };
    savePatienceEstimate(storage, estimate.meanSeconds, file.name);
    return { file: file.name, estimate, skipped, israeli: /1999|99\d{4}/.test(text.slice(0, 2000)) };
  } catch (error) {
    return { file: file.name, error: `not readable as call records (${(error as Error).message})` };
  }
}

/** Caller patience from call records, offered as the scenario's mean patience. */
export function PatienceFromRecords({ session, storage }: { session: Session; storage: Storage }) {
  const r = read.value;
  const use = (seconds: number) => {
    const result = session.commit(setField(session.current().raw, 'patience.meanSeconds', seconds));
    if (result.ok) location.hash = '#plan';
    else if (r) read.value = { file: r.file, error: `${seconds} s cannot be the scenario's mean patience: ${result.errors[0]}` };
  };
  return (
    <>
      <h2>Caller patience from call records</h2>
      <FileField
        id="records-file"
        label="Per-call records (tab-separated, .txt or .txt.gz)"
        accept=".txt,.gz,.tsv"
        onFile={async (file) => {
          read.value = await readRecords(file, storage);
        }}
      />
      <div id="patience-estimate">
        {r && 'error' in r && <p class="error">{`${r.file}: ${r.error}`}</p>}
        {r && 'estimate' in r && <Estimate r={r} use={use} />}
      </div>
    </>
  );
}

function Estimate({ r, use }: { r: Extract<Read, { estimate: PatienceEstimate }>; use: (seconds: number) => void }) {
  const p = r.estimate;
  const mean = Math.round(p.meanSeconds);
  const skipped = r.skipped.length > 0 ? ` ${r.skipped.length} rows skipped (${r.skipped[0]}).` : '';
  return (
    <>
      <p>{`${p.queued.toLocaleString('en-US')} queued calls, ${p.abandoned.toLocaleString('en-US')} abandoned: exponential patience ${mean} s (total wait ÷ abandonments); Kaplan–Meier median ${p.medianSeconds ?? '—'} s.${skipped}`}</p>
      <p class="note">{`Still waiting after: ${p.survival.map((s) => `${s.seconds} s ${(100 * s.survival).toFixed(0)} %`).join(', ')} (Kaplan–Meier).`}</p>
      {r.israeli && <p class="note">{CREDIT_ISRAEL}</p>}
      <button type="button" id="use-patience" onClick={() => use(mean)}>
        {`Use ${mean} s as the scenario's mean patience`}
      </button>
    </>
  );
}
