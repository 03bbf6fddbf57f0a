import fc from 'fast-check';
import type { Scenario } from '../../src/scenario';
import { arbitraryScenario } from '../plan/arbitrary';

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The plan's random scenarios with the rest of the call flow drawn too: redial
 * shares up to 1 and a cap on calls per customer, and callbacks with any
 * reach probability, attempts, retry delay, agent time per unreached attempt
 * and a deadline before the open, inside the day, exactly at the close, or after it.
 */
export const arbitraryCallFlow: fc.Arbitrary<Scenario> = fc
  .tuple(
    arbitraryScenario,
    fc.record({
      redialAbandoned: fc.double({ min: 0, max: 1, noNaN: true }),
      redialBlocked: fc.double({ min: 0, max: 1, noNaN: true }),
      maxCalls: fc.integer({ min: 1, max: 12 }),
      reach: fc.double({ min: 0, max: 1, noNaN: true }),
      callbackAttempts: fc.integer({ min: 1, max: 5 }),
      retryDelay: fc.constantFrom(0, 60, 900, 3600),
      unreachedSeconds: fc.constantFrom(0, 30, 120),
      deadline: fc.oneof(
        fc.constant('close'),
        fc.integer({ min: 7 * 2, max: 48 }).map((half) => half * 30),
      ),
    }),
  )
  .map(([s, x]) => ({
    ...s,
    redial: {
      abandoned: { ...s.redial.abandoned, share: x.redialAbandoned },
      blocked: { ...s.redial.blocked, share: x.redialBlocked },
      maxAttempts: x.maxCalls,
    },
    callback: {
      ...s.callback,
      reachProbability: x.reach,
      maxAttempts: x.callbackAttempts,
      retryDelaySeconds: x.retryDelay,
      unreachedAttemptSeconds: x.unreachedSeconds,
      deadline: x.deadline === 'close' ? s.day.close : clock(x.deadline),
    },
  }));
