import { type EditResult, type Json, parseScenario, refused } from '../../scenario';
import type { SimulationResult } from '../../sim';
import type { ScenarioStore } from '../scenarioStore';
import { historyText, type Step, type Steps, undoHistory } from './history';
import { newScenarioId, type SavedScenario } from './savedScenario';
import { type SaveStatus, saver } from './saver';
import type { LinkRead } from './shareLink';

/** What changed, so each view redraws only what it must. */
export interface Change {
  kind: 'edit' | 'draft' | 'open' | 'external' | 'status' | 'simulation';
  /** the field edited (a form path), when one was */
  field?: string;
  /** what an edit did beyond setting the field (a re-gridding) */
  message?: string | null;
}

type Listener = (change: Change) => void;

/** Where the undo history outlives a reload of the tab; `write` gets the text lazily, so a journal can wait for a pause. */
export interface HistoryJournal {
  read(): string | null;
  write(text: () => string): void;
}

/** The most characters of undo history kept over a reload; the oldest steps beyond it are left out. */
export const HISTORY_BUDGET = 1_000_000;

/** A kept history, if it is one: every scenario in it must still be valid, or none of it is used. */
function keptHistory(text: string | null): Steps<Json> | undefined {
  if (text === null) return undefined;
  try {
    const { done, undone } = JSON.parse(text) as Steps<Json>;
    const valid = (list: unknown): list is Step<Json>[] =>
      Array.isArray(list) &&
      list.every(
        (step: Step<Json>) =>
          typeof step?.key === 'string' &&
          typeof step.openBefore === 'string' &&
          [step.before, step.after].every((raw) => raw === null || parseScenario(raw).ok),
      );
    return valid(done) && valid(undone) ? { done, undone } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The planner's working session, shared by every page of the tab: the open
 * scenario (always valid), every edit through one commit with undo and redo
 * (kept over a reload of the tab when a journal is given),
 * saving with a version check against other tabs, and the drafts typed in
 * fields that are not valid yet (kept in memory only, never saved).
 */
export function createSession(store: ScenarioStore, storage: Storage, fallback: () => Json, journal?: HistoryJournal) {
  const CURRENT_KEY = 'wfm.currentScenario';
  const history = undoHistory<Json>(keptHistory(journal?.read() ?? null), () =>
    journal?.write(() => historyText(history.steps(), HISTORY_BUDGET)),
  );
  const listeners = new Map<Listener, boolean>();
  const drafts = new Map<string, { text: string; message: string }>();
  let current: SavedScenario | null = null;
  let loading: Promise<SavedScenario> | null = null;
  let notice: string | null = null;

  const emit = (change: Change) => {
    for (const listener of [...listeners.keys()]) listener(change);
  };
  const save = saver(store, storage, {
    status: () => emit({ kind: 'status' }),
    external: (theirs) => {
      if (current?.id !== theirs.id) return;
      current = theirs;
      drafts.clear();
      emit({ kind: 'external' });
    },
  });

  const show = (record: SavedScenario, kind: Change['kind'] = 'open') => {
    if (current?.id !== record.id) drafts.clear();
    current = record;
    try {
      storage.setItem(CURRENT_KEY, record.id);
    } catch {
      // The last scenario open is a convenience; without localStorage the newest opens.
    }
    emit({ kind });
  };
  const write = (raw: Json, id: string, kind: Change['kind'], field?: string, message?: string | null) => {
    const base = current?.id === id ? current : { id, raw, updatedAt: 0, revision: 0 };
    const record: SavedScenario = { ...base, raw, updatedAt: Date.now() };
    current = record;
    save.put(record);
    if (kind === 'edit') emit({ kind, field, message });
    else show(record, kind);
  };

  const session = {
    store,
    /** The open scenario; loads it (share link, last open, newest, else an example) on first call. */
    ready(initialLink?: () => LinkRead): Promise<SavedScenario> {
      loading ??= (async () => {
        const link = initialLink?.() ?? null;
        if (link && 'error' in link) notice = link.error;
        else if (link) {
          const made = await session.create(link.value);
          if (made.ok && current) return current;
          if (!made.ok)
            notice = `The link's scenario was not opened (the scenarios saved here are unchanged): ${made.errors.slice(0, 3).join('; ')}`;
        }
        const recovered = await save.recover();
        if (recovered) {
          show(recovered);
          return recovered;
        }
        let lastId: string | null = null;
        try {
          lastId = storage.getItem(CURRENT_KEY);
        } catch {
          lastId = null;
        }
        const all = await store.list().catch(() => []);
        const record = all.find((s) => s.id === lastId) ?? all[0];
        if (record) {
          save.known(record);
          show(record);
        } else await session.create(fallback(), false);
        return current as SavedScenario;
      })();
      return loading;
    },
    current: (): SavedScenario => {
      if (!current) throw new Error('the session is not loaded yet');
      return current;
    },
    /** A message for the planner about the start (a link that could not be opened); read once. */
    takeNotice(): string | null {
      const n = notice;
      notice = null;
      return n;
    },
    /** Shows a message to the planner in the session bar (an action that could not be done). */
    notify(message: string): void {
      notice = message;
      emit({ kind: 'status' });
    },
    /** Applies an edit of the open scenario; a refused edit changes nothing. `field` merges keystrokes into one undo step. */
    commit(result: EditResult, field?: string): EditResult {
      if (!current) return result;
      const { id, raw } = current;
      if (!result.ok || JSON.stringify(raw) === JSON.stringify(result.raw)) {
        emit({ kind: 'draft', field });
        return result;
      }
      history.record({ key: id, before: raw, after: result.raw, openBefore: id, field });
      write(result.raw, id, 'edit', field, result.message);
      return result;
    },
    /** Tells the views the drafts changed outside an edit (a field and its draft went away). */
    draftsChanged: () => emit({ kind: 'draft' }),
    /** Ends the current field's undo step (on leaving the field). */
    seal: () => history.seal(),
    /** A new saved scenario from validated JSON, opened; undoable. */
    async create(raw: unknown, undoable = true): Promise<EditResult> {
      const parsed = parseScenario(raw);
      if (!parsed.ok) return refused(parsed.errors);
      const id = newScenarioId();
      if (undoable) history.record({ key: id, before: null, after: raw as Json, openBefore: current?.id ?? id });
      write(raw as Json, id, 'open');
      return { ok: true, raw: raw as Json, message: null };
    },
    async open(id: string): Promise<void> {
      const record = await store.get(id);
      if (!record) return;
      save.known(record);
      show(record);
    },
    async remove(id: string): Promise<void> {
      const record = id === current?.id ? current : await store.get(id);
      if (!record) return;
      history.record({ key: id, before: record.raw, after: null, openBefore: id });
      await save.remove(id);
      const rest = await store.list().catch(() => []);
      if (rest[0]) show(rest[0]);
      else await session.create(fallback(), false);
    },
    /** Simulation results belong to the record, not to the undo history. */
    setSimulation(version: string, result: SimulationResult): void {
      if (!current) return;
      current = { ...current, simulation: { version, result } };
      save.put(current);
      emit({ kind: 'simulation' });
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    status: (): SaveStatus => save.status(),
    /** After a conflict: keep this tab's scenario (saved over the other's) or take the other tab's. */
    resolve(choice: 'mine' | 'theirs'): void {
      const theirs = save.resolve(choice);
      if (choice === 'theirs' && theirs && current) {
        history.record({ key: theirs.id, before: current.raw, after: theirs.raw, openBefore: theirs.id });
        current = theirs;
        drafts.clear();
        emit({ kind: 'external' });
      }
    },
    retry: () => save.retry(),
    /** Text typed in a field that is not valid yet, with its message; kept until the field is valid or the scenario changes. */
    drafts,
    /** Calls `listener` on every change; a page's listeners end when another page mounts. */
    subscribe(listener: Listener, page = true): void {
      listeners.set(listener, page);
    },
    endPage(): void {
      for (const [listener, page] of listeners) if (page) listeners.delete(listener);
    },
  };

  async function step(direction: 'undo' | 'redo'): Promise<void> {
    const s = direction === 'undo' ? history.undo() : history.redo();
    if (!s) return;
    const target = direction === 'undo' ? s.before : s.after;
    drafts.clear();
    if (target === null) {
      await save.remove(s.key);
      const back = s.openBefore !== s.key ? await store.get(s.openBefore) : undefined;
      const rest = back ? [back] : await store.list().catch(() => []);
      if (rest[0]) show(rest[0]);
      return;
    }
    write(target, s.key, current?.id === s.key ? 'external' : 'open');
  }

  return session;
}

export type Session = ReturnType<typeof createSession>;
