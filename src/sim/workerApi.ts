import type { Scenario } from '../scenario';
import type { Counts } from './counters';
import { simulateReplication } from './engine';

/**
 * What a simulation worker does, as plain functions: the worker entry points
 * in workers/ only expose this object through Comlink.
 */
export function simulationWorkerApi() {
  let scenario: Scenario | null = null;
  return {
    load(s: Scenario): void {
      scenario = s;
    },
    run(replication: number): Counts {
      if (!scenario) throw new Error('simulation worker: load a scenario first');
      return simulateReplication(scenario, replication);
    },
  };
}

export type SimulationWorkerApi = ReturnType<typeof simulationWorkerApi>;
