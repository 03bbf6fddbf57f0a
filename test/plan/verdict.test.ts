import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { dayCost } from '../../src/plan/cost';
import { staffAnalytically, staffBySimulation } from '../../src/plan/staffToTarget';
import { judge, simulationFigures, verdict } from '../../src/plan/verdict';
import { type ComparedScenario, cheapestMeetingTargets, compareScenarios } from '../../src/report/compare';
import { staffingDifferenceReasons } from '../../src/report/verdict';
import { formatScenarioError, parseScenario, parseScenarioText, type Scenario, type ScenarioInput } from '../../src/scenario';
import { simulateDay } from '../../src/sim';

const bundled = (name: string): Scenario => {
  const parsed = parseScenarioText(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
};
const scenario = (input: Partial<ScenarioInput>): Scenario => {
  const parsed = parseScenario({
    schema: 1,
    name: 'test',
    day: { date: '2026-11-27', open: '09:00', close: '11:00' },
    demand: { calls: [200, 400, 300, 150] },
    ahtSeconds: 240,
    staffing: { agents: 40 },
    ...input,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
};

describe('the verdict against the targets', () => {
  it('reads Christmas Eve as short where it is short: 20 of 96 intervals, worst 17:30 by 252 agents, 694 agent-hours', () => {
    const s = bundled('christmas-eve.json');
    const v = verdict(s, planDay(s));
    expect(v.meets).toBe(false);
    expect(v.staffing).toMatchObject({ shortIntervals: 20, intervals: 96, worst: { start: '17:30', agentsShort: 252 } });
    expect(v.staffing.agentHoursShort).toBeCloseTo(693.75, 6);
    expect(v.summary[1]).toBe(
      'Short in 20 of 96 intervals; worst 17:30, 252 agents below the Erlang A requirement; 694 agent-hours short, 796 over.',
    );
    const sl = v.checks.find((c) => c.key === 'serviceLevel');
    expect(sl).toMatchObject({ direction: 'at least', target: 0.8, scope: 'both', meets: false });
    expect(sl?.day?.status).toBe('misses');
    expect(sl?.intervals?.failing).toBe(20);
  });

  it('judges a simulated figure by the end of its interval that matters: meets, misses or unclear', () => {
    const atLeast = { direction: 'at least' as const, target: 0.8 };
    expect(judge({ value: 0.83, halfWidth: 0.02 }, atLeast).status).toBe('meets');
    expect(judge({ value: 0.81, halfWidth: 0.02 }, atLeast).status).toBe('unclear');
    expect(judge({ value: 0.77, halfWidth: 0.02 }, atLeast).status).toBe('misses');
    expect(judge({ value: 0.9, halfWidth: null }, atLeast).status).toBe('unclear'); // one replication proves nothing
    expect(judge({ value: 0.9 }, atLeast)).toEqual({ status: 'meets', margin: expect.closeTo(0.1, 12) });
    const atMost = { direction: 'at most' as const, target: 30 };
    expect(judge({ value: 25, halfWidth: 4 }, atMost).status).toBe('meets');
    expect(judge({ value: 28, halfWidth: 4 }, atMost).status).toBe('unclear');
    expect(judge({ value: null }, atMost).status).toBe('no calls');
  });

  it('checks a day-only target on the day and an interval-only one in every interval', () => {
    const s = scenario({ targets: { serviceLevel: 0.8, holdFor: { serviceLevel: 'day' }, maxOccupancy: 0.85 } });
    const v = verdict(s, planDay(s));
    const sl = v.checks.find((c) => c.key === 'serviceLevel');
    expect(sl?.intervals).toBeNull();
    expect(sl?.day).not.toBeNull();
    const occupancy = v.checks.find((c) => c.key === 'occupancy');
    expect(occupancy?.day).toBeNull();
    expect(occupancy?.intervals?.of).toBe(4);
  });
});

describe('a day without calls', () => {
  it('meets every target, and staffing by simulation adds no agent to it', async () => {
    const s = scenario({ demand: { calls: [0, 0, 0, 0] }, staffing: { agents: 0 } });
    const v = verdict(s, planDay(s));
    expect(v.meets).toBe(true);
    expect(v.checks.find((c) => c.key === 'serviceLevel')?.day?.status).toBe('no calls');
    const staffed = await staffBySimulation(s, async (x) => simulateDay(x), {
      replications: 4,
      seed: 1,
      confidence: 0.95,
      maxRounds: 3,
    });
    expect(staffed.converged).toBe(true);
    expect(staffed.after.paidHours).toBe(0);
  });
});

describe('staff to target', () => {
  it('analytically: every per-interval target met by the plan of the staffed scenario, and no interval can lose an agent', () => {
    for (const name of ['christmas-eve.json', 'black-friday-no-callbacks.json', 'tax-deadline-callbacks.json']) {
      const s = bundled(name);
      const staffed = staffAnalytically(s, 'erlangA');
      const v = verdict(staffed.scenario, planDay(staffed.scenario));
      expect(
        v.checks.every((c) => c.intervals === null || c.intervals.failing === 0),
        name,
      ).toBe(true);
      expect(v.staffing.shortIntervals, name).toBe(0);
      // close to minimal: the requirement is re-planned until it settles, so little is left over
      const required =
        planDay(staffed.scenario).intervals.reduce((sum, x) => sum + (x.requiredA ?? 0), 0) * (s.intervalMinutes / 60);
      expect(v.staffing.agentHoursOver, name).toBeLessThan(0.03 * required);
    }
  });

  it('by simulation: its final check and an independent simulation on other seeds meet every target with 95% confidence, without padding far past Erlang A', async () => {
    const s = scenario({ patience: { meanSeconds: 180 }, targets: { serviceLevel: 0.8, answerRate: 0.95 } });
    const simulate = async (x: Scenario) => simulateDay(x);
    for (const seed of [7, 8, 9]) {
      const staffed = await staffBySimulation(s, simulate, { replications: 40, seed, confidence: 0.95, maxRounds: 15 });
      expect(staffed.converged, `seed ${seed}`).toBe(true);
      expect(staffed.finalCheck.meets, `seed ${seed}: ${staffed.finalCheck.summary.join(' ')}`).toBe(true);
      expect(staffed.finalCheckReplications).toBe(160);
      const fresh = simulateDay({ ...staffed.scenario, simulation: { replications: 200, seed: 123_456 + seed } });
      const v = verdict(staffed.scenario, planDay(staffed.scenario), simulationFigures(fresh));
      expect(v.meets, `seed ${seed}: ${v.summary.join(' ')}`).toBe(true);
      expect(staffed.after.paidHours, `seed ${seed}`).toBeLessThan(staffed.analytic.paidHours * 1.25);
    }
  });
});

describe('why staffing by simulation differs from Erlang A', () => {
  it('counts the intervals before a drop in staffing, the quiet ones, and the rest', () => {
    // 10:00 falls into a drop, 10:30 is quiet (40 calls), 09:30 carries queues over from its neighbours.
    const s = scenario({ demand: { calls: [200, 400, 300, 40] }, staffing: { agents: [40, 40, 30, 30] } });
    const plan = planDay(s);
    const d = (start: string) => ({ start, analytic: 30, simulated: 33 });
    expect(staffingDifferenceReasons(plan, [d('09:30'), d('10:00'), d('10:30')])).toBe(
      'Why: 1 sit where staffing falls in the next interval (calls arriving late wait into the drop; Erlang A takes each interval in steady state); 1 are quiet (under 50 calls to agents), where holding a target with 95 % confidence on few calls takes agents to spare; 1 take queues carried over from busy neighbours, and redials and callbacks coming back later.',
    );
    expect(staffingDifferenceReasons(plan, [])).toBe('');
  });
});

describe('cost', () => {
  it('prices paid hours with the highest premium of each interval, overtime past the day’s hours, lines and attempts', () => {
    const s = scenario({
      shrinkage: 0.2,
      ivr: { lines: 100 },
      cost: {
        currency: 'EUR',
        hourlyRate: 20,
        overtime: { afterPaidHours: 100, multiplier: 1.5 },
        premiums: [
          { name: 'late', from: '10:00', to: '11:00', multiplier: 1.25 },
          { name: 'later', from: '10:30', to: '11:00', multiplier: 2 },
        ],
        perLine: 1,
        perCallbackAttempt: 0.5,
      },
    });
    const c = dayCost(s, [40, 40, 40, 40], 10, 1_000);
    // 40 ÷ 0.8 = 50 paid agents × ½ h = 25 paid hours per interval
    expect(c?.paidHours).toBeCloseTo(100, 9);
    expect(c?.wages).toBeCloseTo(25 * 20 * (1 + 1 + 1.25 + 2), 9);
    expect(c?.overtime).toBe(0);
    expect(c?.lines).toBe(100);
    expect(c?.callbackAttempts).toBe(5);
    expect(c?.perAnsweredCall).toBeCloseTo((c?.total ?? 0) / 1_000, 12);
    expect(dayCost(s, [48, 48, 48, 48], 0, 1)?.overtime).toBeCloseTo(20 * 20 * 0.5, 9);
    expect(dayCost(scenario({}), [1], 0, 1)).toBeNull();
  });
});

describe('Compare built for a decision', () => {
  it('says which scenarios meet the targets, what it takes, and marks the cheapest that does', () => {
    const rate = { currency: 'EUR', hourlyRate: 25 };
    const short = scenario({ name: 'short', staffing: { agents: 30 }, cost: rate });
    const enough = scenario({ name: 'enough', staffing: { agents: 80 }, cost: rate });
    const plenty = scenario({ name: 'plenty', staffing: { agents: 120 }, cost: rate });
    const compared: ComparedScenario[] = [short, enough, plenty].map((x) => ({
      name: x.name,
      scenario: x,
      plan: planDay(x),
      simulation: null,
    }));
    const rows = compareScenarios(compared, 1);
    const meets = rows.find((r) => r.key === 'meetsTargets');
    expect(meets?.values).toEqual([0, 1, 1]);
    const cost = rows.find((r) => r.key === 'cost');
    expect(cost?.deltas).toEqual([
      (cost?.values[0] ?? 0) - (cost?.values[1] ?? 0),
      null,
      (cost?.values[2] ?? 0) - (cost?.values[1] ?? 0),
    ]);
    expect(rows.find((r) => r.key === 'paidHoursToTargets')?.values[0]).toBeGreaterThan(0);
    expect(rows.find((r) => r.key === 'paidHoursToTargets')?.values[2]).toBe(0);
    expect(cheapestMeetingTargets(compared)).toBe(1);
  });
});
