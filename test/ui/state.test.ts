import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { undoHistory } from '../../src/ui/state/history';
import { readRecord } from '../../src/ui/state/savedScenario';

const example = JSON.parse(readFileSync(new URL('../../scenarios/tax-deadline-callbacks.json', import.meta.url), 'utf8'));

describe('undo history', () => {
  it('undoes and redoes in order, merging keystrokes of one field into one step', () => {
    const h = undoHistory<number>();
    h.record({ key: 'a', before: null, after: 1, openBefore: 'a' });
    h.record({ key: 'a', before: 1, after: 2, openBefore: 'a', field: 'aht' });
    h.record({ key: 'a', before: 2, after: 3, openBefore: 'a', field: 'aht' });
    h.seal();
    h.record({ key: 'a', before: 3, after: 4, openBefore: 'a', field: 'aht' });
    expect(h.undo()).toMatchObject({ before: 3, after: 4 });
    expect(h.undo()).toMatchObject({ before: 1, after: 3 });
    expect(h.undo()).toMatchObject({ before: null, after: 1 });
    expect(h.canUndo()).toBe(false);
    expect(h.redo()).toMatchObject({ after: 1 });
    expect(h.redo()).toMatchObject({ after: 3 });
    h.record({ key: 'a', before: 3, after: 9, openBefore: 'a' });
    expect(h.canRedo()).toBe(false);
  });

  it('never merges a redone step with the next keystroke', () => {
    const h = undoHistory<number>();
    h.record({ key: 'a', before: 0, after: 1, openBefore: 'a', field: 'x' });
    h.undo();
    h.redo();
    h.record({ key: 'a', before: 1, after: 2, openBefore: 'a', field: 'x' });
    expect(h.undo()).toMatchObject({ before: 1, after: 2 });
  });
});

describe('records read from storage', () => {
  it('accepts a saved scenario and fills what older versions did not write', () => {
    const read = readRecord({ id: 's-1', raw: example, updatedAt: 5 });
    expect(read).toEqual({ ok: true, record: { id: 's-1', raw: example, updatedAt: 5, revision: 0 } });
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['no id', { raw: example }],
    ['a draft with a string AHT', { id: 's', raw: { ...example, ahtSeconds: '-' } }],
    ['a name that is an object', { id: 's', raw: { ...example, name: {} } }],
    ['no scenario', { id: 's' }],
  ])('refuses %s with the reason', (_, value) => {
    const read = readRecord(value);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.length).toBeGreaterThan(10);
  });

  it('drops a simulation of an unknown shape but keeps the scenario', () => {
    const read = readRecord({ id: 's', raw: example, updatedAt: 1, revision: 3, simulation: { version: 1 } });
    expect(read).toMatchObject({ ok: true, record: { revision: 3 } });
    if (read.ok) expect(read.record.simulation).toBeUndefined();
  });
});
