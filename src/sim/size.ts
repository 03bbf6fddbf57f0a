import { sum } from 'd3-array';
import { geometricSum } from '../plan/geometric';
import { callsPerInterval } from '../scenario/day';
import type { Scenario } from '../scenario/schema';

/** Simulated calls above which a run asks first (the CLI's --max-calls): about a minute on one core. */
export const SIMULATED_CALLS_LIMIT = 100_000_000;

export interface SimulationSize {
  /** first attempts in one replication */
  firstAttempts: number;
  /** calls a customer makes at most on average: redials at the larger redial share, up to redial.maxAttempts */
  callsPerCustomer: number;
  callsPerReplication: number;
  replications: number;
  /** calls × replications: the work of the run */
  calls: number;
}

/**
 * How many calls a run will simulate, before it starts: the day's first
 * attempts, each followed by redials as if every call were blocked or
 * abandoned at the larger redial share (so an upper estimate), times the
 * replications. Cheap: no queue is solved.
 */
export function simulationSize(s: Scenario, replications = s.simulation.replications): SimulationSize {
  const firstAttempts = sum(callsPerInterval(s));
  const share = Math.max(s.redial.abandoned.share, s.redial.blocked.share);
  const callsPerCustomer = geometricSum(share, s.redial.maxAttempts);
  const callsPerReplication = firstAttempts * callsPerCustomer;
  return { firstAttempts, callsPerCustomer, callsPerReplication, replications, calls: callsPerReplication * replications };
}
