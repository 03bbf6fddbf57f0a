import type { Json } from './scenarioForm';
import { DEFAULT_EXAMPLE, EXAMPLES } from './scenarioLibrary';
import { newScenarioId, type SavedScenario, type ScenarioStore } from './scenarioStore';

const CURRENT_KEY = 'wfm.currentScenario';
const LAST_EDIT_KEY = 'wfm.lastEdit';

/**
 * The scenario being worked on, shared by the views: which one is open, and a
 * saver that writes every edit to IndexedDB with a synchronous localStorage copy,
 * so a tab closed before the database write lands loses nothing.
 */
export function currentScenario(store: ScenarioStore, storage: Storage) {
  let saving = Promise.resolve();
  const withLastEdit = (record: SavedScenario): SavedScenario => {
    try {
      const last = JSON.parse(storage.getItem(LAST_EDIT_KEY) ?? 'null') as Pick<SavedScenario, 'id' | 'raw' | 'updatedAt'> | null;
      return last && last.id === record.id && last.updatedAt > record.updatedAt
        ? { ...record, raw: last.raw, updatedAt: last.updatedAt }
        : record;
    } catch {
      return record;
    }
  };
  return {
    lastId: () => storage.getItem(CURRENT_KEY),
    opened(record: SavedScenario): void {
      storage.setItem(CURRENT_KEY, record.id);
    },
    save(record: SavedScenario): SavedScenario {
      const saved = { ...record, updatedAt: Date.now() };
      storage.setItem(LAST_EDIT_KEY, JSON.stringify({ id: saved.id, raw: saved.raw, updatedAt: saved.updatedAt }));
      saving = saving.then(() => store.put(saved));
      return saved;
    },
    /** The record, with the last edit kept in localStorage if that is newer than what IndexedDB holds. */
    withLastEdit,
    /** The scenario last open, else the newest saved, else (unsaved) the default example; with its last edit. */
    async load(): Promise<SavedScenario> {
      const id = storage.getItem(CURRENT_KEY);
      const record = (id && (await store.get(id))) || (await store.list())[0];
      return withLastEdit(
        record ?? { id: newScenarioId(), raw: structuredClone(EXAMPLES.get(DEFAULT_EXAMPLE) as Json), updatedAt: 0 },
      );
    },
  };
}
