import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { simulateReplication } from '../../src/sim';

const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

/** A morning that overloads 40 agents, offering a callback above 60 s of estimated wait, accepted by all. */
function morning(callback: ScenarioInput['callback']): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'callbacks',
    day: { date: '2026-12-24', open: '08:00', close: '12:00' },
    demand: { calls: [300, 700, 900, 700, 500, 300, 200, 100] },
    ahtSeconds: 200,
    staffing: { agents: 40 },
    callback: { enabled: true, offerWhen: { waitAboveSeconds: 60 }, acceptance: 1, ...callback },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('every callback request ends exactly once', () => {
  it('a deadline after the close leaves the open requests pending at the close, counted', () => {
    const c = simulateReplication(morning({ serve: { mode: 'window', from: '11:30' } }), 0); // deadline 24:00
    expect(total(c.callbacksPendingAtClose)).toBeGreaterThan(100);
    expect(c.callbacksPendingAtClose.slice(0, -1).every((x) => x === 0)).toBe(true); // counted at the close
    expect(total(c.callbacksFailed)).toBeLessThan(total(c.callbacksRequested) * 0.1); // only unreached ones
  });

  it('a deadline at the close fails every request still open then', () => {
    const c = simulateReplication(morning({ serve: { mode: 'window', from: '11:30' }, deadline: '12:00' }), 0);
    expect(total(c.callbacksPendingAtClose)).toBe(0);
    expect(c.callbacksFailed[7]).toBeGreaterThan(100);
    expect(total(c.callbacksCompleted) + total(c.callbacksFailed)).toBe(total(c.callbacksRequested));
  });

  it('a request made after an earlier deadline fails at once', () => {
    const c = simulateReplication(morning({ serve: { mode: 'idle' }, deadline: '09:00' }), 0);
    for (let i = 2; i < 8; i++) {
      expect(c.callbacksCompleted[i]).toBe(0);
      expect(c.callbacksFailed[i]).toBeGreaterThanOrEqual(c.callbacksRequested[i]);
    }
    expect(total(c.callbacksRequested)).toBeGreaterThan(0);
    expect(total(c.callbacksCompleted) + total(c.callbacksFailed)).toBe(total(c.callbacksRequested));
  });

  it('a callback is completed when the agent reaches the customer, even if the talk runs past the close', () => {
    // Callbacks dialled in the last quarter hour, each talk 10 × 200 s: every one ends after the close.
    const c = simulateReplication(
      morning({ serve: { mode: 'window', from: '11:45' }, handleTimeMultiplier: 10, reachProbability: 1 }),
      0,
    );
    expect(c.callbacksCompleted[7]).toBeGreaterThan(20);
    expect(total(c.customersCallbackCompleted)).toBe(total(c.callbacksCompleted));
  });

  it('charges the scenario’s agent time for each attempt that does not reach the customer', () => {
    // All 40 agents dial callbacks and nobody is reached: their only busy time is unreached attempts.
    const busy = (seconds: number) => {
      const c = simulateReplication(
        morning({ serve: { mode: 'dedicated', agents: 40 }, reachProbability: 0, unreachedAttemptSeconds: seconds }),
        0,
      );
      expect(total(c.callbacksCompleted)).toBe(0);
      return { attempts: total(c.callbackAttempts), busy: total(c.busySeconds) };
    };
    for (const seconds of [0, 30, 120]) {
      const { attempts, busy: b } = busy(seconds);
      expect(attempts).toBeGreaterThan(1000);
      // Each attempt takes `seconds`; at most one per agent is cut short by the close.
      expect(b).toBeLessThanOrEqual(seconds * attempts + 1e-6);
      expect(b).toBeGreaterThanOrEqual(seconds * (attempts - 40) - 1e-6);
    }
  });
});
