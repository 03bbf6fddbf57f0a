import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentsPerInterval,
  callsPerInterval,
  type EditResult,
  type Json,
  MAX_SCALE_FACTOR,
  parseScenario,
  resample,
  scaleAht,
  scaleDemand,
  setAgents,
  setField,
  setTemplates,
  withDay,
} from '../../src/scenario';

const base = (n = 4): Json => ({
  schema: 1,
  name: 'edit',
  day: { date: '2026-12-24', open: '08:00', close: clockAfter(8 * 60, n * 30) },
  intervalMinutes: 30,
  demand: { calls: Array.from({ length: n }, (_, i) => 100 + 10 * i) },
  ahtSeconds: Array.from({ length: n }, (_, i) => 180 + i),
  staffing: { agents: Array.from({ length: n }, (_, i) => 10 + i) },
});

function clockAfter(open: number, minutes: number): string {
  const m = open + minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const ok = (r: EditResult) => {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const parsed = parseScenario(r.raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { ...r, scenario: parsed.scenario };
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const grid = (open: string, close: string, intervalMinutes: number) => ({ open, close, intervalMinutes });

describe('resample', () => {
  it('sums counts and averages levels over the minutes they share', () => {
    const from = grid('08:00', '09:00', 30);
    const to = grid('08:00', '09:00', 15);
    expect(resample([100, 60], from, to, 'count')).toEqual([50, 50, 30, 30]);
    expect(resample([10, 14], from, to, 'level')).toEqual([10, 10, 14, 14]);
    expect(resample([10, 14], from, grid('08:00', '09:00', 60), 'level')).toEqual([12]);
    expect(resample([100, 60], from, grid('08:00', '09:00', 60), 'count')).toEqual([160]);
  });

  it('weights a level by calls (AHT), falling back to time where there are none', () => {
    expect(resample([100, 200], grid('08:00', '09:00', 30), grid('08:00', '09:00', 60), 'level', [30, 10])).toEqual([125]);
    expect(resample([100, 200], grid('08:00', '09:00', 30), grid('08:00', '09:00', 60), 'level', [0, 0])).toEqual([150]);
  });

  it('trims, and extends counts with nothing and levels with the nearest interval', () => {
    const from = grid('08:00', '09:00', 30);
    expect(resample([100, 60], from, grid('08:30', '10:00', 30), 'count')).toEqual([60, 0, 0]);
    expect(resample([10, 14], from, grid('07:30', '09:30', 30), 'level')).toEqual([10, 10, 14, 14]);
  });
});

describe('one re-gridding rule for Opens, Closes and the interval', () => {
  it('closes an hour earlier: intervals trimmed, the plan stays valid, and the message says so', () => {
    const r = ok(setField(base(6), 'day.close', '10:00'));
    expect(r.scenario.demand).toEqual({ calls: [100, 110, 120, 130] });
    expect(r.scenario.staffing.agents).toEqual([10, 11, 12, 13]);
    expect(r.scenario.ahtSeconds).toEqual([180, 181, 182, 183]);
    expect(r.message).toContain('08:00–11:00, 6 intervals of 30 min → 08:00–10:00, 4 intervals of 30 min');
    expect(r.message).toContain('day total 750 → 460');
  });

  it('opens earlier: added intervals have no calls and the nearest agents and AHT', () => {
    const r = ok(setField(base(2), 'day.open', '07:00'));
    expect(r.scenario.demand).toEqual({ calls: [0, 0, 100, 110] });
    expect(r.scenario.staffing.agents).toEqual([10, 10, 10, 11]);
    expect(r.scenario.ahtSeconds).toEqual([180, 180, 180, 181]);
    expect(r.message).toContain('added minutes have no calls yet');
  });

  it('a day that is not whole intervals is refused with the reason, not kept', () => {
    const r = setField(base(2), 'day.close', '09:15');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain('whole number of 30-minute intervals');
  });

  it('moving to 60 minutes rounds the close up to a whole interval', () => {
    const r = ok(setField(base(3), 'intervalMinutes', 60));
    expect(r.scenario.day.close).toBe('10:00');
    expect(r.scenario.demand).toEqual({ calls: [210, 120] });
  });

  it('re-grids a profile day, keeping the calls of the kept intervals', () => {
    const raw = { ...base(4), demand: { dailyCalls: 1000, profile: [1, 1, 1, 1], uplift: 2 } };
    const r = ok(setField(raw, 'day.close', '09:00'));
    expect(callsPerInterval(r.scenario)).toEqual([500, 500]);
    expect(r.message).toContain('calls on a normal day 1000 → 500');
  });

  it('moves shift templates and a callback window inside the new day', () => {
    const raw = {
      ...base(8),
      callback: { enabled: true, serve: { mode: 'window', from: '11:00' } },
      shifts: {
        templates: [
          { name: 'Long', lengthMinutes: 240, earliestStart: '08:00', latestStart: '08:00' },
          { name: 'Short', lengthMinutes: 60, earliestStart: '09:00', latestStart: '11:00' },
        ],
      },
    };
    const r = ok(setField(raw, 'day.close', '10:00'));
    expect(r.scenario.shifts?.templates).toEqual([
      expect.objectContaining({ name: 'Short', earliestStart: '09:00', latestStart: '09:00' }),
    ]);
    expect(r.scenario.callback.serve).toEqual({ mode: 'window', from: '09:30' });
    expect(r.message).toContain('"Long" dropped');
  });

  const day = fc.record({
    n: fc.integer({ min: 1, max: 24 }),
    calls: fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 96, maxLength: 96 }),
    agents: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 96, maxLength: 96 }),
    aht: fc.array(fc.double({ min: 1, max: 900, noNaN: true }), { minLength: 96, maxLength: 96 }),
  });
  const scenarioOf = (d: { n: number; calls: number[]; agents: number[]; aht: number[] }, minutes = 30): Json => ({
    ...base(d.n),
    intervalMinutes: minutes,
    day: { date: '2026-12-24', open: '00:00', close: clockAfter(0, d.n * 60) },
    demand: { calls: d.calls.slice(0, (d.n * 60) / minutes) },
    ahtSeconds: d.aht.slice(0, (d.n * 60) / minutes),
    staffing: { agents: d.agents.slice(0, (d.n * 60) / minutes) },
  });

  it('keeps the day’s calls when the day keeps its span, whatever the interval', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(15, 30, 60), (d, minutes) => {
        const raw = scenarioOf(d, 60);
        const r = ok(setField(raw, 'intervalMinutes', minutes));
        const before = sum(callsPerInterval(ok({ ok: true, raw, message: null }).scenario));
        expect(sum(callsPerInterval(r.scenario))).toBeCloseTo(before, 6);
      }),
    );
  });

  it('keeps agent-hours by the time-weighted mean, within the rounding of each new interval', () => {
    fc.assert(
      fc.property(day, (d) => {
        const raw = scenarioOf(d, 15);
        const r = ok(setField(raw, 'intervalMinutes', 60));
        const hours = (agents: number[], minutes: number) => (sum(agents) * minutes) / 60;
        const before = hours(d.agents.slice(0, d.n * 4), 15);
        const after = hours(agentsPerInterval(r.scenario), 60);
        expect(Math.abs(after - before)).toBeLessThanOrEqual(0.5 * d.n);
      }),
    );
  });

  it('comes back to the same scenario from 30 to 15 to 30 minutes', () => {
    fc.assert(
      fc.property(day, (d) => {
        const raw = scenarioOf(d, 30);
        const there = ok(setField(raw, 'intervalMinutes', 15));
        const back = ok(setField(there.raw, 'intervalMinutes', 30));
        const start = ok({ ok: true, raw, message: null }).scenario;
        expect(agentsPerInterval(back.scenario)).toEqual(agentsPerInterval(start));
        const calls = callsPerInterval(back.scenario);
        callsPerInterval(start).forEach((c, i) => {
          expect(calls[i]).toBeCloseTo(c, 6);
        });
        (back.scenario.ahtSeconds as number[]).forEach((a, i) => {
          expect(a).toBeCloseTo((start.ahtSeconds as number[])[i], 6);
        });
      }),
    );
  });
});

describe('other edits', () => {
  it('refuses a value out of range and names the field, leaving nothing half-applied', () => {
    const r = setField(base(), 'ahtSeconds', '-');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toContain('ahtSeconds');
    expect(setField(base(), 'callback.serve.mode', 'dedicated')).toMatchObject({ ok: true });
    // A nested field the file never wrote keeps the defaults around it.
    expect(ok(setField(base(), 'callback.serve.reserveAgents', 2)).scenario.callback.serve).toEqual({
      mode: 'idle',
      reserveAgents: 2,
    });
  });

  it('sets one interval’s agents', () => {
    expect(ok(setAgents(base(), 2, 40)).scenario.staffing.agents).toEqual([10, 11, 40, 13]);
    expect(setAgents(base(), 2, 1.5).ok).toBe(false);
  });

  it('scales demand and AHT by a factor as one action', () => {
    expect(ok(scaleDemand(base(), 1.1)).scenario.demand).toEqual({ calls: [110, 121, 132, 143] });
    expect(ok(scaleAht(base(), 0.5)).scenario.ahtSeconds).toEqual([90, 90.5, 91, 91.5]);
    const daily = { ...base(), demand: { dailyCalls: 1000, profile: [1, 1, 1, 1] } };
    expect(ok(scaleDemand(daily, 2)).scenario.demand).toMatchObject({ dailyCalls: 2000 });
    for (const factor of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_SCALE_FACTOR * 1.01])
      for (const scale of [scaleDemand, scaleAht])
        expect(scale(base(), factor)).toEqual({
          ok: false,
          errors: [`factor: must be a number above 0 and at most ${MAX_SCALE_FACTOR}, got ${factor}`],
        });
    expect(ok(scaleAht(base(), MAX_SCALE_FACTOR)).scenario.ahtSeconds).toEqual([18000, 18100, 18200, 18300]);
  });

  it('sets and removes shift templates', () => {
    const t = { name: 'Day', lengthMinutes: 60, earliestStart: '08:00', latestStart: '09:00' };
    expect(ok(setTemplates(base(), [t as never])).scenario.shifts?.templates[0].breaks).toEqual([]);
    expect(ok(setTemplates({ ...base(), shifts: { templates: [t] } }, null)).scenario.shifts).toBeUndefined();
  });

  it('puts a new day in with the same rule: staffing of another length is re-gridded, not replaced by a guess', () => {
    const r = ok(
      withDay(base(2), { open: '08:00', close: '09:00', intervalMinutes: 15, calls: [1, 2, 3, 4], date: '2027-01-04' }),
    );
    expect(r.scenario.staffing.agents).toEqual([10, 10, 11, 11]);
    expect(r.scenario.ahtSeconds).toEqual([180, 180, 181, 181]);
    expect(r.scenario.day.date).toBe('2027-01-04');
    expect(r.message).not.toContain('calls per interval summed');
  });
});
