import { checkScenario } from '../scenario/check';
import type { Scenario } from '../scenario/schema';
import { formatScenarioError } from '../scenario/shape';
import type { Counts } from './counters';
import { simulateReplication } from './engine';

/** Replication indices a worker accepts: those of the largest run a scenario may ask for. */
export const MAX_REPLICATION = 9_999;

/** Progress reports from a worker: at most this often, ms (at least once a second is promised: the pool takes a silent worker as stopped, liveness.ts). */
const PROGRESS_EVERY_MS = 200;

/** What a worker was given is not something it can simulate; the message names the field and what is allowed. */
export class SimulationInputError extends Error {
  constructor(message: string) {
    super(`simulation worker: ${message}`);
    this.name = 'SimulationInputError';
  }
}

/** Where a worker's progress within a replication goes: the replication and the share of its day simulated. */
export type ReplicationProgress = (replication: number, fraction: number) => unknown;

/**
 * What a simulation worker does, as plain functions: the worker entry points
 * in workers/ only expose this object through Comlink. Whatever arrives is
 * checked first (a worker is an API boundary): a scenario must be one the
 * scenario schema has validated (checkScenario), a replication must be a whole number in range; anything
 * else is answered with a SimulationInputError, never simulated.
 */
export function simulationWorkerApi() {
  let scenario: Scenario | null = null;
  let loadedText: string | null = null;
  let progress: ReplicationProgress | undefined;
  return {
    load(s: unknown, onProgress?: ReplicationProgress): void {
      if (onProgress !== undefined && typeof onProgress !== 'function') {
        throw new SimulationInputError('onProgress: must be a function');
      }
      // The same scenario again (a run's next range on a reused thread) keeps its engine, compiled
      // and warm: a fresh one runs the first replications about 15 % slower.
      const text = sameAs(s);
      if (text === null || text !== loadedText) {
        const parsed = checkScenario(s);
        if (!parsed.ok)
          throw new SimulationInputError(
            `the scenario is not valid: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}`,
          );
        scenario = parsed.scenario;
        loadedText = text;
      }
      progress = onProgress;
    },
    run(replication: unknown): Counts {
      if (!scenario) throw new SimulationInputError('load a scenario first');
      if (typeof replication !== 'number' || !Number.isInteger(replication) || replication < 0 || replication > MAX_REPLICATION) {
        throw new SimulationInputError(
          `replication: must be a whole number from 0 to ${MAX_REPLICATION}, got ${JSON.stringify(replication) ?? String(replication)}`,
        );
      }
      const report = progress;
      if (report === undefined) return simulateReplication(scenario, replication);
      let last = 0; // the first report goes at once
      return simulateReplication(scenario, replication, (fraction) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        // A report that cannot be delivered (the pool has gone) is no reason to stop.
        Promise.resolve(report(replication, fraction)).catch(() => {});
      });
    },
    /** The run is over: its progress callback is forgotten (a kept worker's next run loads again). */
    idle(): void {
      progress = undefined;
    },
  };
}

/** A scenario's JSON text, to know it again; null for what has none (cycles, BigInt), which is then parsed and refused. */
function sameAs(s: unknown): string | null {
  try {
    return JSON.stringify(s) ?? null;
  } catch {
    return null;
  }
}

export type SimulationWorkerApi = ReturnType<typeof simulationWorkerApi>;
