import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, minutesOf, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { simulateDay, simulateReplication, t975 } from '../../src/sim';
import { arbitraryCallFlow } from './arbitrary';

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

/** The ends of a customer, each counted in the interval of their first call. */
const CUSTOMER_ENDS = [
  'customersAnswered',
  'customersContained',
  'customersAbandoned',
  'customersBlocked',
  'customersCallbackCompleted',
  'customersCallbackFailed',
  'customersCallbackPending',
  'customersInSystemAtEnd',
] as const;

describe('conservation, in every replication', () => {
  it('every call ends as exactly one outcome, and every customer, per interval; every callback request over the day', () => {
    fc.assert(
      fc.property(arbitraryCallFlow, fc.integer({ min: 0, max: 50 }), (s, replication) => {
        const c = simulateReplication(s, replication);
        for (let i = 0; i < c.calls.length; i++) {
          const ends =
            c.blocked[i] + c.contained[i] + c.callbacksRequested[i] + c.answered[i] + c.abandoned[i] + c.inSystemAtEnd[i];
          expect(ends).toBe(c.calls[i]);
          expect(c.calls[i]).toBe(c.firstAttempts[i] + c.redials[i]);
          // Offered calls end as callbacks, answered, abandoned, or still queued; the rest of those in the system are in the IVR.
          expect(c.offered[i]).toBeGreaterThanOrEqual(c.callbacksRequested[i] + c.answered[i] + c.abandoned[i]);
          expect(c.offered[i]).toBeLessThanOrEqual(c.calls[i] - c.blocked[i] - c.contained[i]);
          expect(c.customers[i]).toBe(c.firstAttempts[i]);
          expect(CUSTOMER_ENDS.reduce((a, k) => a + c[k][i], 0)).toBe(c.customers[i]);
        }
        // Requests end once: completed, failed or pending; customers the same way (one request at a time each).
        const requested = total(c.callbacksRequested);
        expect(total(c.callbacksCompleted) + total(c.callbacksFailed) + total(c.callbacksPendingAtClose)).toBe(requested);
        expect(total(c.customersCallbackCompleted)).toBe(total(c.callbacksCompleted));
        expect(total(c.customersCallbackFailed)).toBe(total(c.callbacksFailed));
        expect(total(c.customersCallbackPending)).toBe(total(c.callbacksPendingAtClose));
        // Nothing is pending when the deadline is at or before the close; nothing fails by deadline before it.
        if (minutesOf(s.callback.deadline) <= minutesOf(s.day.close)) expect(total(c.callbacksPendingAtClose)).toBe(0);
        // No customer calls more than redial.maxAttempts times.
        expect(total(c.calls)).toBeLessThanOrEqual(total(c.customers) * s.redial.maxAttempts);
        if (s.redial.maxAttempts === 1) expect(total(c.redials)).toBe(0);
      }),
      { numRuns: 80 },
    );
  });

  it('holds in the reported means too', () => {
    fc.assert(
      fc.property(arbitraryCallFlow, (s) => {
        const { day } = simulateDay(s, 3);
        const mean = (k: keyof typeof day) => day[k].mean ?? 0;
        const customers = mean('customers');
        expect(CUSTOMER_ENDS.reduce((a, k) => a + mean(k), 0)).toBeCloseTo(customers, 9);
        const calls = ['blocked', 'contained', 'callbacksRequested', 'answered', 'abandoned', 'inSystemAtEnd'] as const;
        expect(calls.reduce((a, k) => a + mean(k), 0)).toBeCloseTo(mean('calls'), 9);
      }),
      { numRuns: 20 },
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

  it('gives a replication the same counts whatever the engine ran before it (as on a worker that ran others)', () => {
    // Log-normal IVR and talk times keep a spare normal draw; declined callers have their own patience.
    const s = () =>
      scenario({
        ivr: { lines: 120, time: { kind: 'lognormal', meanSeconds: 40, shape: 0.6 } },
        handleTime: { kind: 'lognormal', shape: 0.8 },
        redial: { abandoned: { share: 0.5 }, blocked: { share: 0.6 } },
        callback: { enabled: true, offerWhen: { waitAboveSeconds: 60 }, acceptance: 0.5, declinedPatienceMultiplier: 0.5 },
      });
    const fresh = simulateReplication(s(), 3);
    const used = s();
    for (const r of [7, 0, 5]) simulateReplication(used, r);
    expect(simulateReplication(used, 3)).toEqual(fresh);
  });

  it('gives a scenario the same counts whichever scenario the thread simulated before it (the engine is reconfigured)', () => {
    // One engine serves a thread: nothing of another day (its intervals, customers, samplers) may leak in.
    fc.assert(
      fc.property(arbitraryCallFlow, arbitraryCallFlow, arbitraryCallFlow, fc.nat(20), (s, before, other, replication) => {
        simulateReplication(before, 0);
        const first = simulateReplication(s, replication);
        simulateReplication(other, 1);
        expect(simulateReplication(structuredClone(s), replication)).toEqual(first);
        expect(first.calls).toHaveLength(minutesOf(s.day.close) / s.intervalMinutes - minutesOf(s.day.open) / s.intervalMinutes);
      }),
      { numRuns: 40 },
    );
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

  it('reports each share as Σ numerator ÷ Σ denominator with its delta-method interval', () => {
    const s = scenario();
    const runs = Array.from({ length: 6 }, (_, r) => simulateReplication(s, r));
    const x = runs.map((c) => total(c.answered) + total(c.abandoned));
    const y = runs.map((c) => total(c.answered));
    const sx = x.reduce((a, b) => a + b, 0);
    const ratio = y.reduce((a, b) => a + b, 0) / sx;
    const residual = x.reduce((a, xr, r) => a + (y[r] - ratio * xr) ** 2, 0);
    const half = (t975(5) * Math.sqrt(residual / 5 / 6)) / (sx / 6);
    const { answerRate } = simulateDay(s).day;
    expect(answerRate.mean).toBeCloseTo(ratio, 12);
    expect(answerRate.halfWidth).toBeCloseTo(half, 12);
    // A count is its mean per replication, with the usual Student-t interval.
    expect(simulateDay(s).day.calls.mean).toBeCloseTo(runs.reduce((a, c) => a + total(c.calls), 0) / 6, 9);
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

describe('redials', () => {
  it('stop at redial.maxAttempts calls a customer, so a redial storm stays bounded', () => {
    // Almost every blocked or abandoned caller redials within seconds (0.99, the most allowed), on two lines and one agent.
    const storm = (maxAttempts: number) =>
      simulateReplication(
        scenario({
          demand: { calls: [390, 0, 0, 0, 0, 0, 0, 0] },
          ivr: { lines: 2 },
          staffing: { agents: 1 },
          redial: {
            abandoned: { share: 0.99, delay: { meanSeconds: 5 } },
            blocked: { share: 0.99, delay: { meanSeconds: 5 } },
            maxAttempts,
          },
        }),
        0,
      );
    for (const maxAttempts of [1, 10, 100]) {
      const c = storm(maxAttempts);
      expect(total(c.calls)).toBeLessThanOrEqual(total(c.customers) * maxAttempts);
      // the cap is what stops them: without it the mean would be 1 ÷ (1 − 0.99) = 100 calls a customer
      expect(total(c.calls)).toBeGreaterThan(total(c.customers) * ((1 - 0.99 ** maxAttempts) / (1 - 0.99)) * 0.8);
      expect(total(c.customersBlocked) + total(c.customersAbandoned)).toBeGreaterThan(total(c.customers) * 0.5);
    }
  });
});
