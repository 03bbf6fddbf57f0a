import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setField } from '../../src/scenario';
import { memoryStore } from '../../src/ui/scenarioStore';
import { createSession } from '../../src/ui/state/session';

const example = JSON.parse(readFileSync(new URL('../../scenarios/tax-deadline-callbacks.json', import.meta.url), 'utf8'));

/** localStorage as a Map, for Node. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the working session', () => {
  it('commits valid edits, refuses invalid ones without a trace, and undoes and redoes every step', async () => {
    const store = memoryStore('test');
    const session = createSession(store, memoryStorage(), () => structuredClone(example));
    await session.ready();
    const aht = () => session.current().raw.ahtSeconds;
    const start = aht();
    expect(session.commit(setField(session.current().raw, 'ahtSeconds', '-'), 'ahtSeconds').ok).toBe(false);
    expect(aht()).toBe(start);
    expect(session.canUndo()).toBe(false);
    session.commit(setField(session.current().raw, 'ahtSeconds', 2), 'ahtSeconds');
    session.commit(setField(session.current().raw, 'ahtSeconds', 240), 'ahtSeconds');
    session.seal();
    session.commit(setField(session.current().raw, 'name', 'Renamed'), 'name');
    await settled();
    expect((await store.get(session.current().id))?.raw).toMatchObject({ ahtSeconds: 240, name: 'Renamed' });
    await session.undo();
    expect(session.current().raw.name).toBe(example.name);
    await session.undo();
    expect(aht()).toBe(start);
    await session.redo();
    expect(aht()).toBe(240);
    await settled();
    expect((await store.get(session.current().id))?.raw.ahtSeconds).toBe(240);
  });

  it('undoes a creation by removing it and reopening the scenario before, and redoes it', async () => {
    const store = memoryStore('test');
    const session = createSession(store, memoryStorage(), () => structuredClone(example));
    const first = (await session.ready()).id;
    await session.create({ ...example, name: 'Second' });
    await settled();
    expect(await store.list()).toHaveLength(2);
    await session.undo();
    expect(session.current().id).toBe(first);
    expect(await store.list()).toHaveLength(1);
    await session.redo();
    expect(session.current().raw.name).toBe('Second');
    expect(await session.create({ name: {} })).toMatchObject({ ok: false });
    await settled();
    expect(await store.list()).toHaveLength(2);
  });

  it('never overwrites another tab’s save: the conflict waits for a choice, and either version can be kept', async () => {
    const store = memoryStore('test');
    const a = createSession(store, memoryStorage(), () => structuredClone(example));
    const id = (await a.ready()).id;
    await settled();
    // The second tab hears nothing from the first, as when it sleeps in the background.
    const channel = globalThis.BroadcastChannel;
    Reflect.deleteProperty(globalThis, 'BroadcastChannel');
    const b = createSession(store, memoryStorage(), () => structuredClone(example));
    globalThis.BroadcastChannel = channel;
    await b.ready();
    expect(b.current().id).toBe(id);
    a.commit(setField(a.current().raw, 'ahtSeconds', 300));
    await settled();
    b.commit(setField(b.current().raw, 'ahtSeconds', 400));
    await settled();
    expect(b.status()).toMatchObject({ kind: 'conflict', theirs: { raw: { ahtSeconds: 300 } } });
    expect((await store.get(id))?.raw.ahtSeconds).toBe(300);
    b.resolve('mine');
    await settled();
    expect(b.status().kind).toBe('memory');
    expect((await store.get(id))?.raw.ahtSeconds).toBe(400);
  });
});
