import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometricSum } from '../../src/plan/geometric';
import { callsPerInterval } from '../../src/scenario';
import { simulateReplication, simulationSize } from '../../src/sim';
import { arbitraryCallFlow } from './arbitrary';

const total = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('the size of a simulation, known before it runs', () => {
  it('is first attempts × calls a customer makes at most × replications', () => {
    fc.assert(
      fc.property(arbitraryCallFlow, fc.integer({ min: 1, max: 10_000 }), (s, replications) => {
        const size = simulationSize(s, replications);
        const first = total(callsPerInterval(s));
        const share = Math.max(s.redial.abandoned.share, s.redial.blocked.share);
        expect(size.firstAttempts).toBeCloseTo(first, 6);
        expect(size.callsPerCustomer).toBe(geometricSum(share, s.redial.maxAttempts));
        expect(size.callsPerCustomer).toBeLessThanOrEqual(s.redial.maxAttempts);
        expect(size.calls).toBeCloseTo(size.callsPerReplication * replications, 6);
      }),
    );
  });

  it('does not underestimate what the engine then simulates (beyond Poisson noise)', () => {
    fc.assert(
      fc.property(arbitraryCallFlow, (s) => {
        const { callsPerReplication: estimate } = simulationSize(s);
        const calls = total(simulateReplication(s, 0).calls);
        expect(calls).toBeLessThanOrEqual(estimate + 6 * Math.sqrt(estimate * s.redial.maxAttempts) + s.redial.maxAttempts);
      }),
      { numRuns: 40 },
    );
  });
});
