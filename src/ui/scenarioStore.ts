import type { SimulationResult } from '../sim';

/** A scenario as the planner saved it: the JSON as written (possibly invalid mid-edit) and its last simulation. */
export interface SavedScenario {
  id: string;
  raw: Record<string, unknown>;
  updatedAt: number;
  /** the last simulation, with the scenario version (its JSON) it was run on */
  simulation?: { version: string; result: SimulationResult };
}

export interface ScenarioStore {
  list(): Promise<SavedScenario[]>;
  get(id: string): Promise<SavedScenario | undefined>;
  put(s: SavedScenario): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB = 'wfm';
const STORE = 'scenarios';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The browser's IndexedDB, where scenarios are saved as they are edited: they survive reloads and never leave the machine. */
export async function openScenarioStore(): Promise<ScenarioStore> {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  const db = await request(open);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    list: async () => ((await request(store('readonly').getAll())) as SavedScenario[]).sort((a, b) => b.updatedAt - a.updatedAt),
    get: async (id) => (await request(store('readonly').get(id))) as SavedScenario | undefined,
    put: async (s) => {
      await request(store('readwrite').put(s));
    },
    remove: async (id) => {
      await request(store('readwrite').delete(id));
    },
  };
}

export function newScenarioId(): string {
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
