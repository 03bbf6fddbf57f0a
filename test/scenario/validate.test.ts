import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  callsPerInterval,
  formatScenarioError,
  intervalCount,
  parseScenario,
  parseScenarioText,
  type ScenarioParse,
  scenarioJsonSchema,
} from '../../src/scenario';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

/** Every error as the one line the CLI prints. */
const lines = (p: ScenarioParse) => (p.ok ? [] : p.errors.map(formatScenarioError));

const minimal = {
  schema: 1,
  name: 'minimal',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  demand: { calls: [100, 120, 140, 90] },
  ahtSeconds: 180,
  staffing: { agents: 14 },
};

describe('bundled scenarios', () => {
  it('ships the holiday peak, a normal day, a callback day and a comparison set', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'christmas-eve.json',
        'normal-weekday.json',
        'tax-deadline-callbacks.json',
        'black-friday-no-callbacks.json',
        'black-friday-callbacks.json',
      ]),
    );
  });

  for (const f of files) {
    it(`${f} is valid and says what it shows`, () => {
      const parsed = parseScenarioText(read(f));
      if (!parsed.ok) throw new Error(lines(parsed).join('\n'));
      expect(parsed.scenario.description.length).toBeGreaterThan(80);
    });
  }

  it('Christmas Eve has about 3× the calls of the normal weekday', () => {
    const day = (f: string) => {
      const p = parseScenarioText(read(f));
      if (!p.ok) throw new Error('invalid');
      return callsPerInterval(p.scenario).reduce((a, b) => a + b, 0);
    };
    expect(day('christmas-eve.json') / day('normal-weekday.json')).toBeCloseTo(3, 1);
  });
});

describe('scenario validation', () => {
  it('fills the documented defaults', () => {
    const p = parseScenario(minimal);
    if (!p.ok) throw new Error(lines(p).join('\n'));
    expect(p.scenario.intervalMinutes).toBe(30);
    expect(p.scenario.patience).toEqual({ kind: 'exponential', meanSeconds: 300 });
    expect(p.scenario.targets).toEqual({
      serviceLevel: 0.8,
      targetSeconds: 20,
      slDefinition: 'abandonsCount',
      holdFor: {
        serviceLevel: 'both',
        answerRate: 'both',
        maxAsaSeconds: 'both',
        maxAbandonRate: 'both',
        maxOccupancy: 'interval',
        callbacksInTime: 'day',
      },
    });
    expect(p.scenario.cost).toBeUndefined();
    expect(p.scenario.callback.enabled).toBe(false);
    expect(p.scenario.ivr.lines).toBeNull();
    expect(intervalCount(p.scenario)).toBe(4);
  });

  it('names the JSON path, the value and the allowed range of every error', () => {
    const bad = {
      ...minimal,
      ivr: { containment: 1.5, colour: 'blue' },
      demand: { calls: [100, -5, 140, 90] },
      staffing: { agents: 14.5 },
      intervalMinutes: 20,
    };
    const p = parseScenario(bad);
    if (p.ok) throw new Error('expected errors');
    expect(lines(p)).toEqual(
      expect.arrayContaining([
        'ivr.containment: must be a number from 0 to 1 (share 0–1), got 1.5',
        'ivr.colour: unknown field',
        'demand.calls[1]: must be a number from 0 to 1000000 (calls), got -5',
        'intervalMinutes: must be 15, 30 or 60, got 20',
      ]),
    );
    expect(lines(p)).toContain('staffing.agents: must be a whole number from 0 to 50000 (agents), got 14.5');
  });

  it('checks rules across fields: one value per interval, open before close, shares that add up', () => {
    const p = parseScenario({
      ...minimal,
      ahtSeconds: [180, 180],
      ivr: { containment: 0.8, escape: { share: 0.3 } },
      callback: { enabled: true, serve: { mode: 'window', from: '07:00' } },
    });
    if (p.ok) throw new Error('expected errors');
    expect(lines(p)).toEqual([
      'ahtSeconds: must have one value per interval (4 from 08:00 to 10:00), got 2',
      'ivr.escape.share: containment + escape share must be at most 1, got 0.8 + 0.3',
      'callback.serve.from: must be within the open day 08:00–10:00, got "07:00"',
    ]);
    const reversed = parseScenario({ ...minimal, day: { date: '2026-12-24', open: '10:00', close: '08:00' } });
    expect(lines(reversed)).toEqual(['day.close: must be after day.open (10:00), got "08:00"']);
  });

  it('reports bad JSON and missing fields', () => {
    const syntax = parseScenarioText('{"schema": 1,');
    expect(lines(syntax)[0]).toMatch(/^\(file\): not valid JSON/);
    const missing = parseScenario({ schema: 1, name: 'x' });
    if (missing.ok) throw new Error('expected errors');
    expect(lines(missing)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^day: .*got nothing$/), expect.stringMatching(/^demand: /)]),
    );
  });

  it('publishes the JSON Schema generated from the same source', () => {
    const published = JSON.parse(read('scenario.schema.json'));
    expect(published).toEqual(scenarioJsonSchema());
    expect(published.additionalProperties).toBe(false);
    expect(published.properties.ivr.properties.containment).toMatchObject({ minimum: 0, maximum: 1 });
  });
});

describe('the part-time / full-time mix (shifts.partTimeShare)', () => {
  const withShifts = (shifts: object) => lines(parseScenario({ ...minimal, shifts }));
  const full = { name: 'Full', lengthMinutes: 120, earliestStart: '08:00', latestStart: '08:00', partTime: false };
  const part = { name: 'Part', lengthMinutes: 60, earliestStart: '08:00', latestStart: '09:00' };

  it('takes a share from 0 to 1 at each end, min no more than max', () => {
    expect(withShifts({ templates: [full, part], partTimeShare: { min: 0.1, max: 0.3 } })).toEqual([]);
    expect(withShifts({ templates: [full, part], partTimeShare: { max: 0.3 } })).toEqual([]);
    expect(withShifts({ templates: [full, part], partTimeShare: { min: 0.5, max: 0.3 } })).toEqual([
      'shifts.partTimeShare.max: must be at least min (0.5), got 0.3',
    ]);
    expect(withShifts({ templates: [full, part], partTimeShare: { max: 1.5 } })[0]).toMatch(
      /^shifts\.partTimeShare\.max: must be a number from 0 to 1 \(share 0–1\)/,
    );
    expect(withShifts({ templates: [full, part], partTimeShare: { max: '20%' } })[0]).toMatch(/^shifts\.partTimeShare\.max: /);
    for (const [wrong, got] of [
      [null, 'null'],
      ['20%', '"20%"'],
      [[], 'an empty list'],
    ] as const)
      expect(withShifts({ templates: [full, part], partTimeShare: wrong })).toEqual([
        `shifts.partTimeShare: must be an object { "min": share, "max": share }, shares 0–1, got ${got}`,
      ]);
    expect(withShifts({ templates: [full, part], partTimeShare: { max: 0.5, of: 'shifts' } })).toEqual([
      'shifts.partTimeShare.of: unknown field',
    ]);
    expect(withShifts({ templates: [{ ...full, partTime: 'yes' }] })[0]).toMatch(
      /^shifts\.templates\[0\]\.partTime: must be true or false/,
    );
  });

  it('refuses a share of a kind no template is: part-time is the flag, else a shift under 6 h', () => {
    expect(withShifts({ templates: [full], partTimeShare: { min: 0.2 } })).toEqual([
      'shifts.partTimeShare.min: no template is part-time (partTime: true, or shorter than 6 h), got 0.2',
    ]);
    expect(withShifts({ templates: [part], partTimeShare: { max: 0.2 } })).toEqual([
      'shifts.partTimeShare.max: every template is part-time, so no shift could be full-time, got 0.2',
    ]);
    // A 1-hour template flagged full-time, and no flag on a short one: one of each kind.
    expect(withShifts({ templates: [full, part], partTimeShare: { min: 0.2, max: 0.8 } })).toEqual([]);
  });
});
