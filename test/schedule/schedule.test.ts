import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import loadHighs, { type Highs, type Model } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { formatScenarioError, parseScenario, type Scenario, type ShiftTemplate } from '../../src/scenario';
import {
  dayTimeline,
  optimality,
  onPhones as patternShare,
  type Schedule,
  scheduleDay,
  shiftPatterns,
  shiftRequirement,
} from '../../src/schedule';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** A day of `n` intervals of `minutes` from 08:00. */
function day(n: number, minutes: 30 | 60 = 60): Scenario {
  const close = 8 * 60 + n * minutes;
  const parsed = parseScenario({
    schema: 1,
    name: 'shifts',
    day: {
      date: '2026-12-24',
      open: '08:00',
      close: `${String(Math.floor(close / 60)).padStart(2, '0')}:${String(close % 60).padStart(2, '0')}`,
    },
    intervalMinutes: minutes,
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

/**
 * The cheapest cover by trying every count of every pattern up to `max` each: the exact optimum. A branch is cut
 * when it costs more than the best cover so far, or when an interval no remaining pattern covers is short.
 */
function bruteForce(s: Scenario, templates: ShiftTemplate[], requirement: number[], max: number): number {
  const patterns = shiftPatterns(dayTimeline(s), templates);
  const lastCovering = requirement.map((_, i) => patterns.reduce((last, p, j) => (patternShare(p, i) > 0 ? j : last), -1));
  const covered = new Float64Array(requirement.length);
  let best = Number.POSITIVE_INFINITY;
  const visit = (j: number, cost: number) => {
    if (cost >= best) return;
    if (requirement.some((r, i) => lastCovering[i] < j && covered[i] < r - 1e-9)) return;
    if (j === patterns.length) {
      best = cost;
      return;
    }
    for (let c = 0; c <= max; c++) {
      visit(j + 1, cost + c * patterns[j].paidHours);
      for (let i = 0; i < covered.length; i++) covered[i] += patternShare(patterns[j], i);
    }
    for (let i = 0; i < covered.length; i++) covered[i] -= (max + 1) * patternShare(patterns[j], i);
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

  it('states the gap against a true bound, and calls a schedule optimal only when it is the brute-force optimum', () => {
    // Half-hour intervals and a 15-minute break: coverage of one half, so the LP relaxation is often fractional.
    const s = day(8, 30);
    const templates = [
      template('Three', 2.5, '09:30', [{ minutes: 15, paid: false, earliestAfterMinutes: 60, latestAfterMinutes: 90 }]),
      template('Two', 2, '10:00', [{ minutes: 15, paid: true, earliestAfterMinutes: 30, latestAfterMinutes: 60 }]),
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }), (requirement) => {
        const schedule = scheduleDay(s, highs, { requirement, templates, absenceShrinkage: 0 });
        const optimum = bruteForce(s, templates, requirement, 4);
        const bound = schedule.bound as number;
        expect(bound).toBeLessThanOrEqual(optimum + 1e-9);
        expect(schedule.paidHours).toBeGreaterThanOrEqual(optimum - 1e-9);
        expect(schedule.gap).toBeCloseTo((schedule.paidHours - bound) / schedule.paidHours, 12);
        if (schedule.status === 'optimal') {
          expect(schedule.gap).toBe(0);
          expect(schedule.paidHours).toBeCloseTo(optimum, 9);
        } else {
          expect(schedule.status).toBe('work limit');
          expect(schedule.gap).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
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

  it('spreads a shortfall people cannot avoid rather than leaving an interval with nobody', () => {
    // 20 paid hours cover 20 of the 40 agent-intervals asked; every way of doing so is as short in total,
    // and an interval left at 0 agents would lose every call.
    const schedule = scheduleDay(day(4), highs, {
      requirement: [10, 10, 10, 10],
      templates: [template('Two', 2, '10:00')],
      absenceShrinkage: 0,
      maxPaidHours: 20,
    });
    expect(schedule.paidHours).toBe(20);
    expect(schedule.coverage.map((c) => c.scheduled)).toEqual([5, 5, 5, 5]);
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

describe('the part-time / full-time mix (shifts.partTimeShare)', () => {
  // 2 agents from 08:00 to 16:00 and 6 from 10:00 to 14:00: the cheapest cover is 2 full-time 8 h shifts
  // and 4 part-time 4 h ones (32 paid hours, 4 of 6 shifts part-time), or all part-time. Fewer part-time
  // shifts cost more: at most half, 3 + 3 (36 h); at most a fifth, 5 + 1 (44 h); none, 6 full-time (48 h).
  const requirement = [2, 2, 6, 6, 6, 6, 2, 2];
  const templates = [template('Full', 8, '08:00'), template('Part', 4, '12:00')];
  const mixed = (share: { min: number; max: number }) => {
    const s = day(8);
    return scheduleDay(
      { ...s, shifts: { templates, absenceShrinkage: 0, requirement: 'erlangA', timeLimitSeconds: 20, partTimeShare: share } },
      highs,
      { requirement },
    );
  };
  const partTime = (x: Schedule) => x.shifts.reduce((n, s) => n + (s.template === 'Part' ? s.agents : 0), 0);

  it('holds part-time shifts to at most the share given, at the fewest paid hours that allows', () => {
    const figures = [1, 0.5, 0.2, 0].map((max) => {
      const x = mixed({ min: 0, max });
      expect(partTime(x)).toBeLessThanOrEqual(max * x.agents + 1e-9);
      expect(x.shortfalls).toEqual([]);
      expect(x.status).toBe('optimal');
      return x.paidHours;
    });
    expect(figures).toEqual([32, 36, 44, 48]);
  });

  it('holds them to at least the share given', () => {
    for (const min of [0.5, 0.9, 1]) {
      const x = mixed({ min, max: 1 });
      expect(partTime(x)).toBeGreaterThanOrEqual(min * x.agents - 1e-9);
      expect(x.paidHours).toBe(32);
    }
  });

  it('says why when the head counts and the share cannot hold together, rather than leaving it short', () => {
    // At least 90 % part-time, but at most 2 part-time and at least 1 full-time shift: no cover exists.
    const s = day(8);
    const x = scheduleDay(
      {
        ...s,
        shifts: {
          templates: [
            { ...templates[0], minAgents: 1 },
            { ...templates[1], maxAgents: 2 },
          ],
          absenceShrinkage: 0,
          requirement: 'erlangA',
          timeLimitSeconds: 20,
          partTimeShare: { min: 0.9, max: 1 },
        },
      },
      highs,
      { requirement },
    );
    expect(x.status).toBe('infeasible');
    expect(x.shortfalls).toEqual([
      "the templates' head counts (minAgents, maxAgents) and the part-time share (shifts.partTimeShare) cannot hold together",
    ]);
  });

  it('counts a template by its partTime flag before its length', () => {
    const flagged = [template('Full', 8, '08:00'), { ...template('Part', 4, '12:00'), partTime: false }];
    const s = day(8);
    const x = scheduleDay(
      {
        ...s,
        shifts: {
          templates: flagged,
          absenceShrinkage: 0,
          requirement: 'erlangA',
          timeLimitSeconds: 20,
          partTimeShare: { min: 0, max: 0 },
        },
      },
      highs,
      { requirement },
    );
    expect(x.paidHours).toBe(32); // no template is part-time, so the mix binds nothing
  });
});

describe('the same roster on any machine', () => {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/normal-weekday.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  const weekday = parsed.scenario;
  const requirement = shiftRequirement(weekday, planDay(weekday));
  const roster = (x: Schedule) => ({ shifts: x.shifts, status: x.status, gap: x.gap, bound: x.bound });

  it('solves a 96-interval day twice, the second time on a fresh solver with the machine loaded, to identical patterns and counts', {
    timeout: 240_000,
  }, async () => {
    const first = scheduleDay(weekday, highs, { requirement });
    expect(first.shifts.length).toBeGreaterThan(0);
    expect(roster(scheduleDay(weekday, highs, { requirement }))).toEqual(roster(first));
    // A busy core beside the solver: only work limits stop the search, so the roster cannot change.
    const busy = new Worker('for (;;);', { eval: true });
    try {
      expect(roster(scheduleDay(weekday, await loadHighs(), { requirement }))).toEqual(roster(first));
    } finally {
      await busy.terminate();
    }
    expect(first.gap).toBeCloseTo((first.paidHours - (first.bound as number)) / first.paidHours, 12);
    expect(optimality(first)).toMatch(first.gap === 0 ? /^optimal/ : /^within \d+\.\d\d % of the best bound/);
  });

  /** HiGHS as on a very slow machine: every run of the given kind (LP or MIP) reports that its wall clock ran out. */
  function clockRunsOut(kind: 'lp' | 'mip'): { solver: Highs; runs: () => number } {
    let runs = 0;
    const slow = (m: Model) =>
      new Proxy(m, {
        get(target, key) {
          if (key === 'run') runs++;
          if (key === 'getModelStatus') return () => highs.constants.modelStatus.timeLimit;
          const value = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const withModel = (source: { integrality?: unknown }, operation: (m: Model) => unknown) =>
      highs.withModel(source as Parameters<Highs['createModel']>[0] & object, (m) =>
        operation((source.integrality !== undefined) === (kind === 'mip') ? slow(m) : m),
      );
    const solver = new Proxy(highs, {
      get(target, key) {
        if (key === 'withModel') return withModel;
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { solver, runs: () => runs };
  }

  it('says so when the safety-net wall clock stops the search, and still covers every interval', () => {
    const s = day(8, 30);
    const templates = [
      template('Three', 2.5, '09:30', [{ minutes: 15, paid: false, earliestAfterMinutes: 60, latestAfterMinutes: 90 }]),
      template('Two', 2, '10:00', [{ minutes: 15, paid: true, earliestAfterMinutes: 30, latestAfterMinutes: 60 }]),
    ];
    const slow = clockRunsOut('mip');
    const requirement = Array(8).fill(3);
    const schedule = scheduleDay(s, slow.solver, { requirement, templates, absenceShrinkage: 0, timeLimitSeconds: 7 });
    expect(slow.runs()).toBeGreaterThan(0);
    expect(schedule.status).toBe('time limit');
    expect(schedule.shortfalls).toEqual([]);
    expect(schedule.bound).toBeLessThanOrEqual(bruteForce(s, templates, requirement, 4));
    expect(optimality(schedule)).toMatch(
      /stopped by the 7 s safety time limit before the work limits, so another machine may give another roster$/,
    );

    const stuck = clockRunsOut('lp');
    expect(() => scheduleDay(s, stuck.solver, { requirement, templates, absenceShrinkage: 0, timeLimitSeconds: 7 })).toThrow(
      'the safety time limit of 7 s ran out before the LP relaxation was solved; raise shifts.timeLimitSeconds',
    );
  });

  it('words the result honestly: optimal only at gap 0', () => {
    const base = scheduleDay(day(4), highs, {
      requirement: [2, 2, 2, 2],
      templates: [template('Four', 4, '08:00')],
      absenceShrinkage: 0,
    });
    expect(base.status).toBe('optimal');
    expect(optimality(base)).toBe('optimal (proved: no schedule costs less)');
    const near = { ...base, status: 'work limit' as const, gap: 0.0037, bound: 1072 };
    expect(optimality(near)).toBe('within 0.37 % of the best bound (no schedule costs less than 1,072 paid hours)');
    expect(optimality({ ...near, gap: 2e-5 })).toMatch(/^within under 0\.01 % of the best bound/);
    expect(optimality({ ...near, shortfalls: ['09:00: short by 1.0 agents on the phones'] })).toBe(
      'within 0.37 % of the best bound',
    );
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
