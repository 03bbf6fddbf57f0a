import type { Scenario } from '../../../scenario';
import type { SimulationRun } from './simulationRun';

/** Simulate (with the scenario's replications and seed), confirm a large run, Cancel, and the progress. */
export function RunControls({ run, scenario, version }: { run: SimulationRun; scenario: Scenario | null; version: string }) {
  const busy = run.running.value !== null;
  const now = scenario && { scenario, version };
  const { replications, seed } = scenario?.simulation ?? { replications: 0, seed: 0 };
  return (
    <div class="actions">
      <button type="button" id="simulate" class="primary" disabled={!now || busy} onClick={() => now && run.request(now)}>
        {`Simulate the day (${replications} replications, seed ${seed})`}
      </button>
      <button
        type="button"
        id="confirm-simulation"
        hidden={!run.asking.value}
        disabled={!now || busy}
        onClick={() => now && void run.start(now)}
      >
        Simulate anyway
      </button>
      <button type="button" id="cancel-simulation" disabled={!busy} onClick={run.cancel}>
        Cancel
      </button>
      <progress id="simulation-progress" max={1} value={run.fraction.value} aria-label="Simulation progress" />
      <button
        type="button"
        class="link"
        id="simulation-settings"
        onClick={() => document.getElementById('plan-simulation-replications')?.focus()}
      >
        Change replications or seed
      </button>
    </div>
  );
}
