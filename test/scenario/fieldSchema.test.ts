import { describe, expect, it } from 'vitest';
import { fieldChoices, fieldNullable, fieldSchemas, parseScenario } from '../../src/scenario';
import { SHORT_DAY } from '../sim/shortDay';

describe('a scenario field as its schema states it', () => {
  it('lists the choices of enums, unions of literals and a discriminated union', () => {
    expect(fieldChoices('intervalMinutes')).toEqual([15, 30, 60]);
    expect(fieldChoices('ivr.escape.to')).toEqual(['priority', 'callback']);
    expect(fieldChoices('callback.serve.mode')).toEqual(['idle', 'window', 'dedicated']);
    expect(fieldChoices('targets.slDefinition')).toEqual(['abandonsCount', 'answeredOnly', 'shortAbandonsExcluded']);
    expect(fieldChoices('ahtSeconds')).toEqual([]);
  });

  it('every choice it lists is one the scenario accepts, and its neighbours are refused', () => {
    const base = SHORT_DAY;
    for (const m of fieldChoices('intervalMinutes'))
      expect(parseScenario({ ...base, intervalMinutes: m, demand: { calls: Array(120 / Number(m)).fill(1) } }).ok).toBe(true);
    expect(parseScenario({ ...base, intervalMinutes: 20 }).ok).toBe(false);
    for (const d of fieldChoices('targets.slDefinition'))
      expect(parseScenario({ ...base, targets: { slDefinition: d } }).ok).toBe(true);
  });

  it('knows which fields take null, and which paths are no field', () => {
    expect(fieldNullable('ivr.lines')).toBe(true);
    expect(fieldNullable('ahtSeconds')).toBe(false);
    expect(fieldSchemas('ivr.nothing')).toEqual([]);
    expect(fieldSchemas('callback.serve.reserveAgents')).toHaveLength(1);
  });
});
