import { callsText, sizeText } from '../report/size';
import type { Scenario } from '../scenario/schema';
import { SIMULATED_CALLS_LIMIT, simulationSize } from '../sim';
import { UsageError } from './flags';

/**
 * Refuses, before anything runs, a simulation estimated to exceed `maxCalls`
 * simulated calls (a typo such as 1e9 replications would otherwise run for
 * days); `what` names the run in the message (a sweep names its variant).
 */
export function checkSimulationSize(s: Scenario, maxCalls = SIMULATED_CALLS_LIMIT, what = 'this run'): void {
  const size = simulationSize(s);
  if (size.calls <= maxCalls) return;
  throw new UsageError(
    `${what} would simulate ${sizeText(size)}, over the limit of ${callsText(maxCalls)}: run fewer replications, or raise the limit with --max-calls ${Math.ceil(size.calls)}`,
  );
}
