import { useState } from 'preact/hooks';
import type { Json } from '../../scenario/edit';
import { formatScenarioError } from '../../scenario/shape';
import { importAgents, setBase, type WeekDraft } from '../../scenario/weekEdit';
import { ErrorList } from '../plan/ErrorList';
import { bundledWeek } from './bundledWeek';
import { downloadAgentsCsv } from './rosterExports';
import { checkDraft, type RosterState } from './rosterState';

/** Files larger than this are refused before they are read: 5,000 people fit in well under it. */
const MAX_FILE_BYTES = 5_000_000;

async function fileText(e: Event): Promise<{ name: string; text: string } | string | null> {
  const input = e.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  input.value = ''; // the same file chosen again is read again
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) return `${file.name}: at most 5 MB, got ${(file.size / 1e6).toFixed(1)} MB`;
  return { name: file.name, text: await file.text() };
}

/** What the page's check finds wrong with a draft, as text. */
const errorTexts = (draft: WeekDraft): string[] => {
  const checked = checkDraft(draft);
  return checked.ok ? [] : checked.errors.map(formatScenarioError);
};

/** Undo and redo, the people's CSV in and out, a week file in, and a fresh start from the bundled week. */
export function WeekActions({ state }: { state: RosterState }) {
  const [errors, setErrors] = useState<string[]>([]);
  const onAgents = async (e: Event) => {
    const read = await fileText(e);
    if (read === null) return;
    if (typeof read === 'string') return setErrors([read]);
    const imported = importAgents(state.draft.value, read.text);
    if (!imported.ok) return setErrors([`${read.name} was not imported; the people stay as they were.`, ...imported.errors]);
    setErrors([]);
    state.edit(() => imported.draft);
  };
  const onWeek = async (e: Event) => {
    const read = await fileText(e);
    if (read === null) return;
    if (typeof read === 'string') return setErrors([read]);
    let week: unknown;
    try {
      week = JSON.parse(read.text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return setErrors([`${read.name}: not valid JSON (${(error as Error).message}); the week stays as it was.`]);
    }
    if (typeof week !== 'object' || week === null || Array.isArray(week))
      return setErrors([`${read.name}: must be a week object (schema, name, base, days, contracts, agents)`]);
    // Checked before it replaces anything: what is wrong in it is named and the saved week is kept. What the
    // people's table already gets wrong (a row half typed) is no fault of the file.
    const opened = { ...state.draft.value, week: week as Json };
    const had = new Set(errorTexts(state.draft.value));
    const wrong = errorTexts(opened).filter((e) => !had.has(e));
    if (wrong.length > 0) return setErrors([`${read.name} was not opened; the week stays as it was.`, ...wrong]);
    setErrors([]);
    state.edit(() => opened);
  };
  const onOpenScenario = () => {
    setErrors([]);
    state.edit((d) => setBase(d, state.openScenario()));
  };
  return (
    <>
      <div class="actions">
        <button type="button" id="roster-undo" disabled={!state.canUndo.value} onClick={state.undo}>
          Undo
        </button>
        <button type="button" id="roster-redo" disabled={!state.canRedo.value} onClick={state.redo}>
          Redo
        </button>
        <button type="button" id="export-agents" onClick={() => downloadAgentsCsv(state.draft.value)}>
          Export people (CSV)
        </button>
        <button type="button" id="bundled-week" onClick={() => state.edit(() => bundledWeek())}>
          Start from the bundled Christmas week
        </button>
        <button
          type="button"
          id="roster-open-scenario"
          title="Each day's patch (its date, its calls) then applies to the scenario open on the Plan page; Undo brings the base back"
          onClick={onOpenScenario}
        >
          Base the week on the open scenario
        </button>
      </div>
      <div class="field wide">
        <label for="import-agents">Import people (agents CSV: name, contract, mon … sun, skills)</label>
        <input type="file" id="import-agents" accept=".csv,text/csv,text/plain" onChange={onAgents} />
      </div>
      <div class="field wide">
        <label for="open-week">Open a week file (JSON: days, templates, contracts; the people stay)</label>
        <input type="file" id="open-week" accept=".json,application/json" onChange={onWeek} />
      </div>
      {errors.length > 0 && <ErrorList id="week-file-errors" messages={errors} />}
    </>
  );
}
