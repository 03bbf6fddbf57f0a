import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario, type Scenario, type ShiftTemplate } from '../../src/scenario';
import { scheduleDay, shiftPatterns } from '../../src/schedule';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** A day of `n` hourly intervals from 08:00. */
function day(n: number): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'shifts',
    day: { date: '2026-12-24', open: '08:00', close: `${String(8 + n).padStart(2, '0')}:00` },
    intervalMinutes: 60,
    demand: { calls: Array(n).fill(10) },
    ahtSeconds: 180,
    staffing: { agents: 1 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

const template = (name: string, hours: number, latest: string, breaks: ShiftTemplate['breaks'] = []): ShiftTemplate => ({
  name,
  lengthMinutes: hours * 60,
  earliestStart: '08:00',
  latestStart: latest,
  breaks,
  minAgents: 0,
});

/** The cheapest cover by trying every count of every pattern up to `max` each: the exact optimum. */
function bruteForce(s: Scenario, templates: ShiftTemplate[], requirement: number[], max: number): number {
  const patterns = shiftPatterns(s, templates);
  let best = Number.POSITIVE_INFINITY;
  const counts = Array(patterns.length).fill(0);
  const visit = (j: number, cost: number) => {
    if (cost >= best) return;
    if (j === patterns.length) {
      const covered = requirement.every((r, i) => patterns.reduce((sum, p, k) => sum + p.coverage[i] * counts[k], 0) >= r - 1e-9);
      if (covered) best = cost;
      return;
    }
    for (let c = 0; c <= max; c++) {
      counts[j] = c;
      visit(j + 1, cost + c * patterns[j].paidHours);
    }
    counts[j] = 0;
  };
  visit(0, 0);
  return best;
}

describe('optimal shifts by HiGHS', () => {
  it('matches the brute-force optimum on small days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), (requirement) => {
        const s = day(6);
        const templates = [template('Long', 4, '10:00'), template('Short', 2, '12:00')];
        const schedule = scheduleDay(s, highs, { requirement, templates, absenceShrinkage: 0 });
        expect(schedule.status).toBe('optimal');
        expect(schedule.paidHours).toBeCloseTo(bruteForce(s, templates, requirement, 3), 9);
      }),
      { numRuns: 25 },
    );
  });

  it('covers every interval, keeps breaks inside their windows, and no shift can be dropped', () => {
    const s = day(10);
    const templates = [
      template('Full', 8, '10:00', [{ minutes: 60, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300 }]),
      template('Part', 4, '14:00', [{ minutes: 15, paid: true, earliestAfterMinutes: 60, latestAfterMinutes: 120 }]),
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 10, maxLength: 10 }), (requirement) => {
        const schedule = scheduleDay(s, highs, { requirement, templates, absenceShrinkage: 0 });
        expect(schedule.status).toBe('optimal');
        for (const c of schedule.coverage) expect(c.scheduled).toBeGreaterThanOrEqual(c.required - 1e-9);
        for (const shift of schedule.shifts) {
          const t = templates.find((x) => x.name === shift.template) as ShiftTemplate;
          const start = minutes(shift.start);
          shift.breaks.forEach((b, k) => {
            expect(minutes(b.start) - start).toBeGreaterThanOrEqual(t.breaks[k].earliestAfterMinutes);
            expect(minutes(b.start) - start).toBeLessThanOrEqual(t.breaks[k].latestAfterMinutes);
            expect(minutes(b.end) - minutes(b.start)).toBe(t.breaks[k].minutes);
          });
        }
        // Optimal: taking away any one agent leaves some interval short.
        for (const [k, shift] of schedule.shifts.entries()) {
          const coverageWithout = schedule.coverage.map((c, i) => c.scheduled - onPhones(shift, s, i));
          expect(
            coverageWithout.some((v, i) => v < schedule.coverage[i].required - 1e-9),
            `dropping shift ${k}`,
          ).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('says which intervals fall short, and by how much, when the rules cannot cover them', () => {
    const s = day(6);
    const templates = [{ ...template('Capped', 4, '10:00'), maxAgents: 2 }];
    const schedule = scheduleDay(s, highs, { requirement: [1, 1, 5, 5, 1, 1], templates, absenceShrinkage: 0 });
    expect(schedule.status).toBe('optimal');
    expect(schedule.shortfalls).toEqual(['10:00: short by 3.0 agents on the phones', '11:00: short by 3.0 agents on the phones']);
    const capped = scheduleDay(s, highs, {
      requirement: [2, 2, 2, 2, 2, 2],
      templates: [template('Any', 4, '10:00')],
      absenceShrinkage: 0,
      maxPaidHours: 8,
    });
    expect(capped.paidHours).toBeLessThanOrEqual(8);
    expect(capped.shortfalls.length).toBeGreaterThan(0);
    const impossible = scheduleDay(s, highs, {
      requirement: [1, 1, 1, 1, 1, 1],
      templates: [{ ...template('Many', 4, '10:00'), minAgents: 5 }],
      maxPaidHours: 10,
    });
    expect(impossible.status).toBe('infeasible');
    expect(impossible.shortfalls[0]).toMatch(/minimum headcounts need 20\.0 paid hours, above the cap of 10 h/);
  });

  it('raises the requirement for absence before covering it', () => {
    const schedule = scheduleDay(day(4), highs, {
      requirement: [9, 9, 9, 9],
      templates: [template('Four', 4, '08:00')],
      absenceShrinkage: 0.1,
    });
    expect(schedule.coverage[0].required).toBeCloseTo(10, 9);
    expect(schedule.agents).toBe(10);
  });
});

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** Share of interval i one agent of this shift is on the phones. */
function onPhones(
  shift: { start: string; end: string; breaks: { start: string; end: string }[] },
  s: Scenario,
  i: number,
): number {
  const from = minutes(s.day.open) + i * s.intervalMinutes;
  const to = from + s.intervalMinutes;
  const overlap = (a: number, b: number) => Math.max(0, Math.min(to, b) - Math.max(from, a));
  const work =
    overlap(minutes(shift.start), minutes(shift.end)) -
    shift.breaks.reduce((sum, b) => sum + overlap(minutes(b.start), minutes(b.end)), 0);
  return work / s.intervalMinutes;
}
