import { readdirSync, readFileSync } from 'node:fs';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { scheduleCsv } from '../../src/report/schedule';
import { formatScenarioError, parseCsv, parseScenario, type Scenario } from '../../src/scenario';
import { intervalStarts } from '../../src/scenario/day';
import { scheduleDay, shiftRequirement } from '../../src/schedule';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const folder = new URL('../../scenarios/', import.meta.url);
const bundled = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

function scenario(file: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

const minutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** Rows of a CSV export as records keyed by its header. */
const records = (csv: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

describe('every bundled scenario’s exported day roster, recomputed from its clock times alone', () => {
  it('has every agent on one shift of a template, breaks inside their windows, paid hours and coverage as stated', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(5);
    for (const file of bundled) {
      const s = scenario(file);
      const schedule = scheduleDay(s, highs, { requirement: shiftRequirement(s, planDay(s)) });
      const { roster, coverage } = scheduleCsv(schedule, s.day.date);
      const rows = records(roster);
      const templates = new Map(schedule.templates.map((t) => [t.name, t]));
      const starts = intervalStarts(s).map(minutes);
      const onPhones = new Float64Array(starts.length);
      expect(new Set(rows.map((r) => r.agent)).size, file).toBe(rows.length);
      expect(rows.length, file).toBe(schedule.agents);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.date, file).toBe(s.day.date);
        const t = templates.get(r.template);
        if (!t) throw new Error(`${file}: unknown template ${r.template}`);
        const from = minutes(r.start);
        const to = minutes(r.end);
        expect(to - from, `${file} ${r.agent}`).toBe(t.lengthMinutes);
        expect(from).toBeGreaterThanOrEqual(minutes(t.earliestStart));
        expect(from).toBeLessThanOrEqual(minutes(t.latestStart));
        const breaks = r.breaks
          ? r.breaks.split('; ').map((b) => {
              const paid = b.endsWith(' (paid)');
              const [a, z] = b.replace(' (paid)', '').split('–').map(minutes);
              return { a, z, paid };
            })
          : [];
        expect(breaks.length).toBe(t.breaks.length);
        breaks.forEach((b, k) => {
          expect(b.a - from).toBeGreaterThanOrEqual(t.breaks[k].earliestAfterMinutes);
          expect(b.a - from).toBeLessThanOrEqual(t.breaks[k].latestAfterMinutes);
          expect(b.z - b.a).toBe(t.breaks[k].minutes);
          expect(b.paid).toBe(t.breaks[k].paid);
        });
        const unpaid = breaks.filter((b) => !b.paid).reduce((n, b) => n + b.z - b.a, 0);
        expect(Number(r.paidHours)).toBeCloseTo((to - from - unpaid) / 60, 9);
        starts.forEach((i0, i) => {
          const i1 = i0 + s.intervalMinutes;
          const overlap = (a: number, z: number) => Math.max(0, Math.min(i1, z) - Math.max(i0, a));
          onPhones[i] += (overlap(from, to) - breaks.reduce((n, b) => n + overlap(b.a, b.z), 0)) / s.intervalMinutes;
        });
      }
      // The coverage file: each interval's agents on the phones are what the shifts' clock times give, and
      // what falls short of the requirement is stated.
      const cover = records(coverage);
      expect(
        cover.map((c) => c.start),
        file,
      ).toEqual(intervalStarts(s));
      cover.forEach((c, i) => {
        expect(Number(c.scheduled), `${file} ${c.start}`).toBeCloseTo(onPhones[i], 9);
        expect(Number(c.short)).toBeCloseTo(Math.max(0, Number(c.required) - onPhones[i]), 9);
      });
      const short = cover.filter((c) => Number(c.short) > 1e-9).length;
      expect(schedule.shortfalls.length, file).toBe(short);
    }
  }, 240_000);
});
