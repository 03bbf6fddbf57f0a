import type { ScenarioStore } from '../scenarioStore';
import { readRecord, type SavedScenario } from './savedScenario';

/** Where the planner's work stands: saved; only in this tab (no storage); a save refused; or another tab's edit in the way. */
export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'memory'; reason: string }
  | { kind: 'failed'; message: string; record: SavedScenario | null }
  | { kind: 'conflict'; mine: SavedScenario; theirs: SavedScenario };

interface Hooks {
  status(): void;
  /** another tab saved the open scenario and this tab has nothing unsaved: take its version */
  external(theirs: SavedScenario): void;
}

const CHANNEL = 'wfm-scenarios';
/**
 * The edit not yet in IndexedDB, written synchronously so a reload or a closed
 * tab in the milliseconds before the database write lands loses nothing. Only
 * this one record, and only up to this size: localStorage is small and shared.
 */
const JOURNAL_KEY = 'wfm.unsavedEdit';
const JOURNAL_LIMIT = 1_000_000;

/**
 * Writes records one after another, each only over the revision this tab last
 * saw (a compare-and-set), and tells the other tabs what it saved. A refused
 * save keeps the record in memory for a retry; a conflict waits for the
 * planner's choice, never overwriting either version.
 */
export function saver(store: ScenarioStore, journal: Storage, hooks: Hooks) {
  const tab = Math.random().toString(36).slice(2, 10);
  const revisions = new Map<string, number | null>();
  const waiting = new Map<string, SavedScenario>();
  /** the record the journal holds, removed from it once that very record is in the database */
  let journaled: SavedScenario | null = null;
  let status: SaveStatus = store.persistent ? { kind: 'saved' } : { kind: 'memory', reason: store.reason ?? '' };
  let queue = Promise.resolve();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  const setStatus = (next: SaveStatus) => {
    status = next;
    hooks.status();
  };
  const flush = () => {
    queue = queue.then(async () => {
      for (const [id, record] of [...waiting]) {
        waiting.delete(id);
        const expected = revisions.get(id) ?? null;
        const next = { ...record, revision: (expected ?? 0) + 1, writer: tab };
        try {
          const put = await store.put(next, expected);
          if (!put.ok) {
            setStatus({ kind: 'conflict', mine: record, theirs: put.theirs });
            continue;
          }
          revisions.set(id, next.revision);
          if (journaled === record) {
            journal.removeItem(JOURNAL_KEY);
            journaled = null;
          }
          channel?.postMessage({ id, revision: next.revision });
          if (status.kind === 'failed') setStatus(store.persistent ? { kind: 'saved' } : status);
        } catch (error) {
          setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error), record });
        }
      }
    });
    return queue;
  };

  channel?.addEventListener('message', async (event: MessageEvent<{ id: string; revision: number }>) => {
    const { id, revision } = event.data ?? {};
    if (typeof id !== 'string' || revision <= (revisions.get(id) ?? 0)) return;
    const theirs = await store.get(id).catch(() => undefined);
    if (!theirs) return;
    const unsaved = waiting.get(id) ?? (status.kind === 'failed' && status.record?.id === id ? status.record : undefined);
    if (unsaved) setStatus({ kind: 'conflict', mine: unsaved, theirs });
    else if (status.kind !== 'conflict') {
      revisions.set(id, theirs.revision);
      hooks.external(theirs);
    }
  });

  return {
    /** Saves the record (after the saves before it); never throws. */
    put(record: SavedScenario): void {
      if (status.kind === 'conflict' && status.mine.id === record.id) {
        setStatus({ ...status, mine: record });
        return;
      }
      waiting.set(record.id, record);
      const text = JSON.stringify({ writer: tab, record });
      journaled = text.length <= JOURNAL_LIMIT ? record : null;
      if (journaled) journal.setItem(JOURNAL_KEY, text);
      else journal.removeItem(JOURNAL_KEY);
      void flush();
    },
    /**
     * The edit a previous page of this browser wrote to the journal but not to
     * the database: saved now if only that tab saved the record since; else it
     * is a conflict for the planner to decide. Returns the record to open.
     */
    async recover(): Promise<SavedScenario | null> {
      let entry: { writer?: unknown; record?: unknown } | null = null;
      try {
        entry = JSON.parse(journal.getItem(JOURNAL_KEY) ?? 'null');
      } catch {
        entry = null;
      }
      journal.removeItem(JOURNAL_KEY);
      const read = readRecord(entry?.record);
      if (!read.ok) return null;
      const mine = read.record;
      const stored = await store.get(mine.id).catch(() => undefined);
      if (stored && stored.updatedAt >= mine.updatedAt) return null;
      if (stored && stored.writer !== entry?.writer) {
        revisions.set(stored.id, stored.revision);
        setStatus({ kind: 'conflict', mine, theirs: stored });
        return stored;
      }
      revisions.set(mine.id, stored ? stored.revision : null);
      waiting.set(mine.id, mine);
      await flush();
      return mine;
    },
    async remove(id: string): Promise<void> {
      waiting.delete(id);
      await queue;
      await store.remove(id).catch((error) => setStatus({ kind: 'failed', message: String(error), record: null }));
      revisions.set(id, null);
    },
    /** A record read from storage: its revision is what the next save expects. */
    known(record: SavedScenario): void {
      revisions.set(record.id, record.revision);
    },
    status: () => status,
    /** The planner's choice after a conflict; returns their version when it is taken. */
    resolve(choice: 'mine' | 'theirs'): SavedScenario | null {
      if (status.kind !== 'conflict') return null;
      const { mine, theirs } = status;
      revisions.set(theirs.id, theirs.revision);
      setStatus(store.persistent ? { kind: 'saved' } : { kind: 'memory', reason: store.reason ?? '' });
      if (choice === 'mine') {
        waiting.set(mine.id, mine);
        void flush();
        return null;
      }
      return theirs;
    },
    retry(): void {
      if (status.kind !== 'failed' || !status.record) return;
      waiting.set(status.record.id, status.record);
      void flush();
    },
  };
}
