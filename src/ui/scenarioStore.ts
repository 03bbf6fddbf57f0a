import { type QuarantinedRecord, readRecord, type SavedScenario } from './state/savedScenario';

export { newScenarioId, type SavedScenario } from './state/savedScenario';

/** A save refused because the stored record has moved on (another tab saved it): the stored one comes back. */
export type PutResult = { ok: true } | { ok: false; theirs: SavedScenario };

export interface ScenarioStore {
  /** false when the browser's storage is unavailable and scenarios live only in this tab */
  persistent: boolean;
  /** why the store is not persistent */
  reason?: string;
  /** valid records, newest first; any other stored value is moved to quarantine */
  list(): Promise<SavedScenario[]>;
  get(id: string): Promise<SavedScenario | undefined>;
  /** writes the record if the stored one still has revision `expected` (null: only if there is none) */
  put(s: SavedScenario, expected: number | null): Promise<PutResult>;
  remove(id: string): Promise<void>;
  quarantined(): Promise<QuarantinedRecord[]>;
  removeQuarantined(key: string): Promise<void>;
}

const DB = 'wfm';
const STORE = 'scenarios';
const QUARANTINE = 'quarantine';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the browser refused the save'));
    tx.onabort = () => reject(tx.error ?? new Error('the browser refused the save'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 2);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(QUARANTINE)) db.createObjectStore(QUARANTINE, { keyPath: 'key' });
    };
    open.onsuccess = () => {
      // A newer version of the app in another tab asks for the database: let it have it.
      open.result.onversionchange = () => open.result.close();
      resolve(open.result);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('another tab holds an older version of the database open'));
  });
}

const newestFirst = (a: SavedScenario, b: SavedScenario) => b.updatedAt - a.updatedAt;

/** The browser's IndexedDB: scenarios survive reloads and never leave the machine; every record read is validated. */
async function indexedDbStore(): Promise<ScenarioStore> {
  const db = await openDatabase();
  const tx = (names: string[], mode: IDBTransactionMode) => db.transaction(names, mode);
  // A database can open and still refuse every transaction (some private modes): one cheap read tells.
  await request(tx([STORE], 'readonly').objectStore(STORE).count());
  const store: ScenarioStore = {
    persistent: true,
    async list() {
      const t = tx([STORE, QUARANTINE], 'readwrite');
      const finished = done(t);
      const valid: SavedScenario[] = [];
      const cursor = t.objectStore(STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const read = readRecord(c.value);
        if (read.ok) valid.push(read.record);
        else {
          t.objectStore(QUARANTINE).put({ key: String(c.primaryKey), value: c.value, error: read.error });
          c.delete();
        }
        c.continue();
      };
      await finished;
      return valid.sort(newestFirst);
    },
    async get(id) {
      const value = await request(tx([STORE], 'readonly').objectStore(STORE).get(id));
      if (value === undefined) return undefined;
      const read = readRecord(value);
      if (read.ok) return read.record;
      await store.list();
      return undefined;
    },
    async put(s, expected) {
      const t = tx([STORE], 'readwrite');
      const finished = done(t);
      const store = t.objectStore(STORE);
      let theirs: SavedScenario | null = null;
      let refused: unknown = null;
      const get = store.get(s.id);
      get.onsuccess = () => {
        const stored = get.result === undefined ? null : readRecord(get.result);
        const revision = stored?.ok ? stored.record.revision : null;
        if (stored?.ok && revision !== expected) {
          theirs = stored.record;
          return;
        }
        try {
          store.put(s);
        } catch (error) {
          refused = error;
          t.abort();
        }
      };
      await finished.catch((error) => {
        throw refused ?? error;
      });
      return theirs ? { ok: false, theirs } : { ok: true };
    },
    async remove(id) {
      const t = tx([STORE], 'readwrite');
      t.objectStore(STORE).delete(id);
      await done(t);
    },
    async quarantined() {
      return (await request(tx([QUARANTINE], 'readonly').objectStore(QUARANTINE).getAll())) as QuarantinedRecord[];
    },
    async removeQuarantined(key) {
      const t = tx([QUARANTINE], 'readwrite');
      t.objectStore(QUARANTINE).delete(key);
      await done(t);
    },
  };
  return store;
}

/** Scenarios kept in this tab only: where the browser gives no IndexedDB (blocked, private mode, broken). */
export function memoryStore(reason: string): ScenarioStore {
  const records = new Map<string, SavedScenario>();
  return {
    persistent: false,
    reason,
    list: async () => [...records.values()].map((r) => structuredClone(r)).sort(newestFirst),
    get: async (id) => structuredClone(records.get(id)),
    async put(s, expected) {
      const stored = records.get(s.id);
      if (stored && stored.revision !== expected) return { ok: false, theirs: structuredClone(stored) };
      records.set(s.id, structuredClone(s));
      return { ok: true };
    },
    remove: async (id) => {
      records.delete(id);
    },
    quarantined: async () => [],
    removeQuarantined: async () => {},
  };
}

/** IndexedDB if the browser allows it, else a store in memory that says why. */
export async function openScenarioStore(): Promise<ScenarioStore> {
  try {
    return await indexedDbStore();
  } catch (error) {
    return memoryStore(error instanceof Error ? error.message : String(error));
  }
}
