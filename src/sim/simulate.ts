import type { Scenario } from '../scenario';
import { simulateReplication } from './engine';
import { resultAggregator, type SimulationResult } from './results';

/** Runs replications 0 … R−1 one after another in this thread (tests, small runs; the pool runs them in parallel). */
export function simulateDay(s: Scenario, replications = s.simulation.replications): SimulationResult {
  const aggregate = resultAggregator(s);
  for (let r = 0; r < replications; r++) aggregate.add(simulateReplication(s, r));
  return aggregate.result();
}
