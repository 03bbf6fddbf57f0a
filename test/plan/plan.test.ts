import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueMetrics, requiredAgents } from '../../src/erlang';
import { planDay } from '../../src/plan';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { arbitraryScenario } from './arbitrary';

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

function scenario(input: Partial<ScenarioInput>): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'test',
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [100, 300, 500, 200] },
    ahtSeconds: 180,
    staffing: { agents: [14, 30, 40, 20] },
    ...input,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('analytic plan', () => {
  it('conserves calls through the funnel in every interval', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        for (const x of planDay(s).intervals) {
          const ends = x.blocked + x.contained + x.callbacksRequested + x.answered + x.abandoned;
          expect(close(ends, x.attempts)).toBe(true);
          expect(close(x.attempts, x.calls + x.redials)).toBe(true);
          expect(x.iterations).toBeLessThan(1000); // the fixed point settled
          for (const v of [x.blocked, x.contained, x.callbacksRequested, x.answered, x.abandoned])
            expect(v).toBeGreaterThanOrEqual(-1e-9);
        }
        const t = planDay(s).totals;
        expect(close(t.callbacksCompleted + t.callbacksFailed, t.callbacksRequested, 1e-7)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  // Counts of busy signals and abandons are left out on purpose: on scarce lines an answered call
  // holds its line longer than an abandoned one, so blocking can rightly rise with staff; and with
  // callbacks, more staff means fewer offers, so a few more callers wait (and some abandon) while
  // far more are answered. What callers get — answer rate, SL, ASA and (with unlimited lines, since
  // scarce lines turn longer holds into busy signals) calls handled — never falls.
  it('never gets worse with more agents', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 1, max: 20 }), (s, extra) => {
        const more: Scenario = { ...s, staffing: { agents: (s.staffing.agents as number[]).map((a) => a + extra) } };
        const [a, b] = [planDay(s), planDay(more)];
        const unlimitedLines = s.ivr.lines === null;
        a.intervals.forEach((x, i) => {
          const y = b.intervals[i];
          const eps = 1e-7;
          if (x.answerRate !== null && y.answerRate !== null) expect(y.answerRate).toBeGreaterThanOrEqual(x.answerRate - eps);
          if (x.serviceLevel !== null && y.serviceLevel !== null)
            expect(y.serviceLevel).toBeGreaterThanOrEqual(x.serviceLevel - eps);
          if (unlimitedLines) expect(y.answered).toBeGreaterThanOrEqual(x.answered - eps * Math.max(1, x.answered));
          if (x.asa !== null && y.asa !== null) expect(y.asa).toBeLessThanOrEqual(x.asa + eps * Math.max(1, x.asa));
        });
        // Callbacks may be completed in other intervals with more staff; over the day they never fall.
        const handled = (t: typeof a.totals) => t.answered + t.callbacksCompleted;
        if (unlimitedLines) expect(handled(b.totals)).toBeGreaterThanOrEqual(handled(a.totals) * (1 - 1e-7) - 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('reduces to plain Erlang per interval with no IVR effects, redials or callbacks', () => {
    const s = scenario({ patience: { meanSeconds: 300 }, targets: { serviceLevel: 0.8, targetSeconds: 20 } });
    const plan = planDay(s);
    plan.intervals.forEach((x, i) => {
      const base = {
        calls: x.calls,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        patienceSeconds: 300,
        targetSeconds: 20,
        slDefinition: 'abandonsCount',
      } as const;
      const agents = (s.staffing.agents as number[])[i];
      const a = queueMetrics({ ...base, model: 'A' }, agents);
      expect(x.attempts).toBe(x.calls);
      expect(x.serviceLevel).toBeCloseTo(a.serviceLevel ?? Number.NaN, 12);
      expect(x.abandoned / x.calls).toBeCloseTo(a.pAbandon ?? Number.NaN, 12);
      expect(x.requiredA).toBe(requiredAgents({ ...base, model: 'A' }, { serviceLevel: 0.8 }).agents);
      expect(x.requiredC).toBe(requiredAgents({ ...base, model: 'C' }, { serviceLevel: 0.8 }).agents);
      expect(x.serviceLevelC).toBe(queueMetrics({ ...base, model: 'C' }, agents).serviceLevel);
    });
    // The first interval is the published example: 100 calls, 14 agents.
    expect(plan.intervals[0].requiredA).toBe(13);
    expect(plan.intervals[0].requiredC).toBe(14);
  });

  it('weights day totals by calls instead of averaging percentages', () => {
    const plan = planDay(scenario({ staffing: { agents: [20, 20, 60, 60] } }));
    const t = plan.totals;
    const sum = (f: (x: (typeof plan.intervals)[number]) => number) => plan.intervals.reduce((a, x) => a + f(x), 0);
    expect(t.serviceLevel).toBeCloseTo(sum((x) => x.answeredWithin) / sum((x) => x.answered + x.abandoned), 12);
    const meanOfRates = sum((x) => x.serviceLevel ?? 0) / plan.intervals.length;
    expect(Math.abs((t.serviceLevel ?? 0) - meanOfRates)).toBeGreaterThan(0.01);
    expect(t.paidHours).toBeCloseTo(((20 + 20 + 60 + 60) / 0.7) * 0.5, 9);
  });

  it('blocks at the lines by Erlang B and feeds redials back', () => {
    const tight = planDay(scenario({ ivr: { lines: 30 }, redial: { blocked: { share: 0.8 } } }));
    const x = tight.intervals[2];
    expect(x.blocked).toBeGreaterThan(0);
    expect(x.redials).toBeGreaterThan(0.5 * x.blocked);
  });

  it('callbacks: acceptance 0 changes nothing; turning them on lowers abandonment at the peak and creates later work', () => {
    const peak = { demand: { calls: [400, 700, 200, 100] }, staffing: { agents: [30, 30, 30, 30] } };
    const off = planDay(scenario(peak));
    const zero = planDay(scenario({ ...peak, callback: { enabled: true, acceptance: 0, offerWhen: { waitAboveSeconds: 60 } } }));
    expect(zero.intervals.map((x) => x.abandoned)).toEqual(off.intervals.map((x) => x.abandoned));
    const on = planDay(scenario({ ...peak, callback: { enabled: true, acceptance: 0.7, offerWhen: { waitAboveSeconds: 60 } } }));
    expect(on.intervals[1].abandoned).toBeLessThan(off.intervals[1].abandoned);
    expect(on.intervals[1].callbacksRequested).toBeGreaterThan(0);
    expect(on.intervals[2].callbackWorkSeconds + on.intervals[3].callbackWorkSeconds).toBeGreaterThan(0);
    expect(on.totals.callbacksCompleted).toBeGreaterThan(0);
  });
});
