import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import {
  formatScenarioError,
  MAX_WAITING_CALLERS,
  parseScenario,
  parseScenarioText,
  type ScenarioInput,
  type ScenarioParse,
} from '../../src/scenario';

const lines = (p: ScenarioParse) => (p.ok ? [] : p.errors.map(formatScenarioError));

const minimal: ScenarioInput = {
  schema: 1,
  name: 'limits',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  demand: { calls: [100, 120, 140, 90] },
  ahtSeconds: 180,
  staffing: { agents: 14 },
};
const withFields = (extra: Record<string, unknown>) => parseScenario({ ...minimal, ...extra });

describe('limits that follow from the engines', () => {
  it('refuses a redial share of 1 (infinitely many attempts) and accepts 0.99, which plans finitely', () => {
    expect(lines(withFields({ redial: { abandoned: { share: 1 } } }))).toEqual([
      'redial.abandoned.share: must be a number from 0 to 0.99 (share), got 1',
    ]);
    const storm = withFields({ redial: { abandoned: { share: 0.99 }, blocked: { share: 0.99 } }, staffing: { agents: 0 } });
    if (!storm.ok) throw new Error(lines(storm).join('\n'));
    const t = planDay(storm.scenario).totals;
    // Nobody is answered, so every customer calls until redial.maxAttempts (10): 1 + 0.99 + … + 0.99⁹ calls.
    expect(t.attempts / t.calls).toBeCloseTo((1 - 0.99 ** 10) / (1 - 0.99), 6);
    expect(t.answerRate).toBeCloseTo(0, 12);
  });

  it('refuses an offered load beyond 45,000 Erlangs at the interval that has it (96 M Erlangs used 3.8 GB)', () => {
    const p = withFields({ intervalMinutes: 15, demand: { calls: [1, 1_000_000, 1, 1, 1, 1, 1, 1] }, ahtSeconds: 86_400 });
    expect(lines(p)).toContain(
      'demand.calls[1]: the offered load calls × ahtSeconds ÷ 900 s must be at most 45000 Erlangs per interval, got 96000000 in interval 1',
    );
  });

  it('counts dailyCalls × uplift × the profile share against the calls an interval may have', () => {
    const p = withFields({ demand: { dailyCalls: 100_000_000, uplift: 100, profile: [1, 0, 0, 0] } });
    expect(lines(p)[0]).toBe(
      "demand.dailyCalls: dailyCalls × uplift × the profile's share must give at most 1000000 calls per interval, got 10000000000 in interval 0",
    );
  });

  it('bounds the callers who could be waiting at once, naming patience', () => {
    // 1,800 calls in 30 min = 1 call/s; at most 1 + 0.99 + … + 0.99⁹⁹ attempts each (share 0.99, 100 calls a customer).
    const perCaller = (1 - 0.99 ** 100) / (1 - 0.99);
    const at = (p: number) =>
      withFields({
        demand: { calls: [1800, 0, 0, 0] },
        patience: { meanSeconds: p },
        redial: { abandoned: { share: 0.99 }, maxAttempts: 100 },
      });
    expect(at(Math.floor(MAX_WAITING_CALLERS / perCaller) - 1).ok).toBe(true);
    const over = lines(at(Math.ceil(MAX_WAITING_CALLERS / perCaller) + 100));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/^patience\.meanSeconds: .* must be at most 100000, got 10\d\d\d\d in interval 0/);
  });

  it('refuses lines, agents and targets out of the engines’ range', () => {
    expect(lines(withFields({ ivr: { lines: 100_001 } }))).toEqual([
      'ivr.lines: must be a whole number from 1 to 100000 (lines), got 100001',
    ]);
    expect(lines(withFields({ staffing: { agents: [14, 14, 50_001, 14] } }))).toEqual([
      'staffing.agents[2]: must be a whole number from 0 to 50000 (agents), got 50001',
    ]);
    // An SL of 100 % is out of reach whatever the staffing: some callers always wait.
    expect(lines(withFields({ targets: { serviceLevel: 1 } }))).toEqual([
      'targets.serviceLevel: must be a number from 0 to 0.9999 (share), got 1',
    ]);
  });

  it('accepts only real calendar dates', () => {
    const on = (date: string) => lines(withFields({ day: { ...minimal.day, date } }));
    expect(on('2026-13-45')).toEqual([
      'day.date: must be a real calendar date YYYY-MM-DD (month 01–12, a day the month has), got "2026-13-45"',
    ]);
    expect(on('2026-02-29')).toHaveLength(1);
    expect(on('2028-02-29')).toEqual([]);
    expect(on('0050-01-31')).toEqual([]);
  });
});

describe('errors a person can read', () => {
  it('names the element and its range, not the whole list', () => {
    expect(lines(withFields({ demand: { calls: [100, -5, 140, 90] } }))).toEqual([
      'demand.calls[1]: must be a number from 0 to 1000000 (calls), got -5',
    ]);
    expect(lines(withFields({ ahtSeconds: [180, 180, 0, 180] }))).toEqual([
      'ahtSeconds[2]: must be a number from 1 to 86400 (s), got 0',
    ]);
    expect(lines(withFields({ staffing: { agents: 'many' } }))).toEqual([
      'staffing.agents: must be a whole number of agents or one per interval, got "many"',
    ]);
  });

  it('says that 1e999 became Infinity instead of "got null"', () => {
    const p = parseScenarioText(JSON.stringify(minimal).replace('"ahtSeconds":180', '"ahtSeconds":1e999'));
    expect(lines(p)).toEqual([
      'ahtSeconds: must be a number from 1 to 86400 (s), got Infinity (a number too large for a double, such as 1e999)',
    ]);
    const element = parseScenarioText(JSON.stringify(minimal).replace('[100,120,140,90]', '[100,1e999,140,90]'));
    expect(lines(element)).toEqual([
      'demand.calls[1]: must be a number from 0 to 1000000 (calls), got Infinity (a number too large for a double, such as 1e999)',
    ]);
  });

  it('refuses huge and deeply nested input at once, without echoing it', () => {
    const deep = parseScenarioText(`{"schema":1,"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(lines(deep)).toEqual([`name${'[0]'.repeat(15)}: nested more than 16 levels deep; a scenario is nested at most 6`]);
    const long = withFields({ demand: { calls: Array(10_000_000).fill(1) } });
    expect(lines(long)).toEqual(['demand.calls: a list of 10000000 values; at most 100000 allowed']);
    const wide = withFields({ demand: { calls: Array(5_000).fill(-1) } });
    expect(lines(wide)).toEqual(['demand.calls: must hold one value per interval, at most 96, got a list of 5000 values']);
    const name = lines(withFields({ name: 'x'.repeat(1_000_000) }));
    expect(name).toEqual([`name: must be at most 200 characters, got "${'x'.repeat(40)}…" (1000000 characters)`]);
  });

  it('lists at most 20 errors, then counts the rest', () => {
    const unknown = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, i]));
    const p = lines(withFields(unknown));
    expect(p).toHaveLength(21);
    expect(p[20]).toBe('(scenario): and 30 more errors (the first 20 are listed)');
  });

  it('accepts a UTF-8 byte-order mark at the start of a file', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it('gives every error as a path and a one-line message', () => {
    const p = parseScenario({ ...minimal, name: 'a\nb', colour: 'blue', day: { date: 'x\ny', open: 1, close: '10:00' } });
    if (p.ok) throw new Error('expected errors');
    for (const e of p.errors) {
      expect(Object.keys(e)).toEqual(['path', 'message']);
      expect(formatScenarioError(e)).not.toMatch(/\n/);
    }
  });
});
