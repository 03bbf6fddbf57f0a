import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkScenario,
  formatScenarioError,
  normalizedScenarioJsonSchema,
  parseScenario,
  type Scenario,
  type ScenarioParse,
} from '../../src/scenario';
import { SHAPE_KEYWORDS } from '../../src/scenario/jsonShape';

const committed = JSON.parse(readFileSync(new URL('../../schemas/scenario.normalized.schema.json', import.meta.url), 'utf8'));
const dir = new URL('../../scenarios/', import.meta.url);
const bundled = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

const lines = (p: ScenarioParse) => (p.ok ? [] : p.errors.map(formatScenarioError));

function parsed(raw: unknown): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(lines(p).join('\n'));
  return p.scenario;
}

/** Every keyword used in a schema node, leaving out the names of fields under `properties`. */
function keywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) keywords(n, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      found.add(k);
      if (k === 'properties') for (const field of Object.values(v as object)) keywords(field, found);
      else keywords(v, found);
    }
  }
  return found;
}

describe('the workers’ scenario check (no schema library)', () => {
  it('holds scenarios to schemas/scenario.normalized.schema.json, the one wfm generates (npm run schema)', () => {
    expect(committed).toEqual(normalizedScenarioJsonSchema());
  });

  it('reads every keyword that schema uses, so none is silently skipped', () => {
    const known = new Set<string>(SHAPE_KEYWORDS);
    expect([...keywords(committed)].filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(bundled)('passes the bundled %s once validated, and refuses it as written (defaults missing)', (file) => {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    expect(lines(checkScenario(parsed(raw)))).toEqual([]);
    expect(checkScenario(raw).ok).toBe(false);
  });

  it('names the field and what is allowed, as the schema does', () => {
    const s = parsed(JSON.parse(readFileSync(new URL('christmas-eve.json', dir), 'utf8')));
    const cases: [unknown, string][] = [
      [null, '(scenario): must be an object, got null'],
      [{ ...s, ahtSeconds: -5 }, 'ahtSeconds: must be a number from 1 to 86400 (s), got -5'],
      [
        { ...s, staffing: { agents: Number.NaN } },
        'staffing.agents: must be a whole number from 0 to 50000 (agents) or a list, got NaN (not a number)',
      ],
      [{ ...s, intervalMinutes: 20 }, 'intervalMinutes: must be 15, 30 or 60, got 20'],
      [{ ...s, surprise: 1 }, 'surprise: unknown field'],
      [
        { ...s, callback: { ...s.callback, serve: { mode: 'later' } } },
        'callback.serve.mode: must be "idle", "window" or "dedicated", got "later"',
      ],
      [
        { ...s, day: { ...s.day, date: '2026-02-29' } },
        'day.date: must be a real calendar date YYYY-MM-DD (month 01–12, a day the month has), got "2026-02-29"',
      ],
      [{ ...s, day: { ...s.day, close: '07:00', open: '08:00' } }, 'day.close: must be after day.open (08:00), got "07:00"'],
      [{ ...s, demand: { calls: [1, 2] } }, 'demand.calls: must have one value per interval (96 from 00:00 to 24:00), got 2'],
    ];
    for (const [value, line] of cases) {
      expect(lines(checkScenario(value))).toContain(line);
      expect(parseScenario(value).ok).toBe(false);
    }
  });

  it('refuses a default left out, which the schema would fill in: workers are sent scenarios with every default', () => {
    const s = parsed(JSON.parse(readFileSync(new URL('christmas-eve.json', dir), 'utf8')));
    const { kind: _, ...patience } = s.patience;
    expect(lines(checkScenario({ ...s, patience }))).toEqual(['patience.kind: required']);
    expect(parseScenario({ ...s, patience }).ok).toBe(true);
  });

  it('refuses fields a structured clone keeps and JSON cannot carry (a field on a list, a non-finite number), and a __proto__ field', () => {
    const s = parsed(JSON.parse(readFileSync(new URL('christmas-eve.json', dir), 'utf8')));
    const agents = Object.assign([...(s.staffing.agents as number[])], { extra: 1 });
    expect(lines(checkScenario({ ...s, staffing: { agents } }))).toEqual(['staffing.agents.extra: unknown field']);
    expect(lines(checkScenario({ ...s, shrinkage: Number.POSITIVE_INFINITY }))[0]).toMatch(
      /^shrinkage: must be a number from 0 to 0.95/,
    );
    // JSON.parse makes "__proto__" an own field: refused like any unknown one, and nothing is polluted.
    const hostile = JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(s).slice(1)}`);
    expect(lines(checkScenario(hostile))).toEqual(['__proto__: unknown field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
