import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { simulateDay, simulateReplication } from '../../src/sim';
import { arbitraryScenario } from '../plan/arbitrary';

const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

function scenario(extra: Partial<ScenarioInput> = {}): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'test',
    day: { date: '2026-12-24', open: '08:00', close: '12:00' },
    demand: { calls: [300, 500, 900, 700, 500, 300, 200, 100] },
    ahtSeconds: 200,
    staffing: { agents: 70 },
    patience: { meanSeconds: 150 },
    simulation: { replications: 6, seed: 42 },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('conservation, in every replication', () => {
  it('every call ends as exactly one outcome, per interval; every customer too, over the day', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 50 }), (s, replication) => {
        const c = simulateReplication(s, replication);
        for (let i = 0; i < c.calls.length; i++) {
          const ends =
            c.blocked[i] + c.contained[i] + c.callbacksRequested[i] + c.answered[i] + c.abandoned[i] + c.inSystemAtEnd[i];
          expect(ends).toBe(c.calls[i]);
          expect(c.calls[i]).toBe(c.firstAttempts[i] + c.redials[i]);
          // Offered calls end as callbacks, answered, abandoned, or still queued; the rest of those in the system are in the IVR.
          expect(c.offered[i]).toBeGreaterThanOrEqual(c.callbacksRequested[i] + c.answered[i] + c.abandoned[i]);
          expect(c.offered[i]).toBeLessThanOrEqual(c.calls[i] - c.blocked[i] - c.contained[i]);
        }
        expect(total(c.customers)).toBe(total(c.firstAttempts));
        const finals = [
          'customersAnswered',
          'customersContained',
          'customersCallbackCompleted',
          'customersCallbackFailed',
          'customersAbandoned',
          'customersBlocked',
        ] as const;
        const ended = finals.reduce((a, k) => a + total(c[k]), 0);
        expect(ended).toBeLessThanOrEqual(total(c.customers)); // the rest are still in the system: queued, redialling or awaiting a callback
        expect(total(c.callbacksCompleted) + total(c.callbacksFailed)).toBeLessThanOrEqual(total(c.callbacksRequested));
        expect(total(c.customersCallbackCompleted)).toBe(total(c.callbacksCompleted));
      }),
      { numRuns: 40 },
    );
  });
});

describe('reproducible streams', () => {
  it('gives the same results for the same scenario and seed, and different ones per replication', () => {
    const s = scenario();
    expect(simulateReplication(s, 3)).toEqual(simulateReplication(s, 3));
    expect(simulateReplication(s, 3).answered).not.toEqual(simulateReplication(s, 4).answered);
    const other = { ...s, simulation: { ...s.simulation, seed: 43 } };
    expect(simulateReplication(other, 3).answered).not.toEqual(simulateReplication(s, 3).answered);
  });

  it('reports day figures with 95% confidence intervals', () => {
    const r = simulateDay(scenario());
    expect(r.replications).toBe(6);
    expect(r.day.answerRate.mean).toBeGreaterThan(0.5);
    expect(r.day.answerRate.halfWidth).toBeGreaterThan(0);
    expect(r.day.answerRate.n).toBe(6);
    expect(r.intervals).toHaveLength(8);
    expect(r.slFormula).toBe('answered within 20 s ÷ (answered + abandoned)');
    // Every SL definition is reported; with abandonment they differ, in the order of their denominators.
    expect(r.day.serviceLevel).toEqual(r.day.slAbandonsCount);
    const [all, answeredOnly, late] = [r.day.slAbandonsCount, r.day.slAnsweredOnly, r.day.slShortAbandonsExcluded].map(
      (e) => e.mean ?? 0,
    );
    expect(answeredOnly).toBeGreaterThan(late);
    expect(late).toBeGreaterThanOrEqual(all);
  });
});

describe('callbacks', () => {
  const peak = {
    callback: { enabled: true, offerWhen: { waitAboveSeconds: 60 }, serve: { mode: 'idle', reserveAgents: 2 } },
  } as const;

  it('with acceptance 0 equal the run without callbacks, seed for seed', () => {
    const off = simulateReplication(scenario(), 0);
    const zero = simulateReplication(scenario({ callback: { ...peak.callback, acceptance: 0 } }), 0);
    expect(zero.answered).toEqual(off.answered);
    expect(zero.abandoned).toEqual(off.abandoned);
  });

  it('lower abandonment at the peak and create callback work later', () => {
    const off = simulateDay(scenario());
    const on = simulateDay(scenario({ callback: { ...peak.callback, acceptance: 0.7 } }));
    const peakInterval = 2;
    expect(on.intervals[peakInterval].metrics.abandoned.mean ?? 0).toBeLessThan(
      (off.intervals[peakInterval].metrics.abandoned.mean ?? 0) * 0.8,
    );
    expect(on.day.callbacksRequested.mean ?? 0).toBeGreaterThan(50);
    const laterCompleted = on.intervals.slice(4).reduce((a, x) => a + (x.metrics.callbacksCompleted.mean ?? 0), 0);
    expect(laterCompleted).toBeGreaterThan(10);
    expect(on.day.handledRate.mean ?? 0).toBeGreaterThan(off.day.handledRate.mean ?? 0);
  });

  it('dedicated agents and a window policy complete callbacks; a deadline fails the rest', () => {
    const dedicated = simulateDay(
      scenario({ callback: { ...peak.callback, acceptance: 0.8, serve: { mode: 'dedicated', agents: 5 } } }),
    );
    expect(dedicated.day.callbacksCompleted.mean ?? 0).toBeGreaterThan(0);
    const window = simulateDay(
      scenario({ callback: { ...peak.callback, acceptance: 0.8, serve: { mode: 'window', from: '11:00' }, deadline: '11:30' } }),
    );
    const before = window.intervals.slice(0, 6).reduce((a, x) => a + (x.metrics.callbacksCompleted.mean ?? 0), 0);
    expect(before).toBe(0);
    expect(window.day.callbacksFailed.mean ?? 0).toBeGreaterThan(0);
  });
});
