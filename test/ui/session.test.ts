import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setField } from '../../src/scenario';
import { memoryStore } from '../../src/ui/scenarioStore';
import { historyText } from '../../src/ui/state/history';
import { createSession, type HistoryJournal } from '../../src/ui/state/session';

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

/** A journal over one string, written at once. */
function memoryJournal(text: string | null = null): HistoryJournal & { text: string | null } {
  const journal = {
    text,
    read: () => journal.text,
    write: (t: () => string) => {
      journal.text = t();
    },
  };
  return journal;
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

  it('keeps its undo history over a reload (a new session on the same journal) back to the start', async () => {
    const store = memoryStore('test');
    const journal = memoryJournal();
    const storage = memoryStorage();
    const before = createSession(store, storage, () => structuredClone(example), journal);
    await before.ready();
    const start = before.current().raw.ahtSeconds;
    before.commit(setField(before.current().raw, 'ahtSeconds', 250), 'ahtSeconds');
    before.commit(setField(before.current().raw, 'ahtSeconds', 260), 'ahtSeconds');
    await before.create({ ...example, name: 'Second' });
    await settled();
    const after = createSession(store, storage, () => structuredClone(example), journal);
    await after.ready();
    expect(after.current().raw.name).toBe('Second');
    await after.undo(); // the creation
    expect(after.current().raw.ahtSeconds).toBe(260);
    // Typing after the reload is a step of its own, not merged into the one before it.
    after.commit(setField(after.current().raw, 'ahtSeconds', 270), 'ahtSeconds');
    await after.undo();
    expect(after.current().raw.ahtSeconds).toBe(260);
    await after.undo();
    expect(after.current().raw.ahtSeconds).toBe(start);
    expect(after.canUndo()).toBe(false);
  });

  it('ignores a kept history that is not one, or holds an invalid scenario, and starts', async () => {
    const step = (before: unknown) => ({ key: 'x', before, after: example, openBefore: 'x' });
    for (const text of [
      '{',
      'null',
      '{"done": 5, "undone": []}',
      JSON.stringify({ done: [step({ ahtSeconds: -1 })], undone: [] }),
    ]) {
      const session = createSession(memoryStore('test'), memoryStorage(), () => structuredClone(example), memoryJournal(text));
      await session.ready();
      expect(session.canUndo()).toBe(false);
      expect(session.current().raw.name).toBe(example.name);
    }
  });
});

describe('the undo history as text', () => {
  const step = (n: number) => ({ key: 'a', before: 'x'.repeat(100), after: String(n), openBefore: 'a' });
  it('leaves out the oldest undo steps, then the farthest redo steps, until it fits the budget', () => {
    const steps = { done: [0, 1, 2, 3].map(step), undone: [9, 8].map(step) };
    const whole = JSON.parse(historyText(steps, 1e6));
    expect(whole).toEqual(steps);
    const size = historyText(steps, 1e6).length;
    const kept = JSON.parse(historyText(steps, size - 100));
    expect(kept.done.map((s: { after: string }) => s.after)).toEqual(['1', '2', '3']);
    expect(kept.undone).toEqual(steps.undone);
    const tight = JSON.parse(historyText(steps, 200));
    expect(tight.done).toEqual([]);
    expect(tight.undone.map((s: { after: string }) => s.after)).toEqual(['8']);
    expect(historyText(steps, 200).length).toBeLessThanOrEqual(200);
  });
});
