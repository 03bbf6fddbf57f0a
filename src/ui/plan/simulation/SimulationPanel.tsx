import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { DayPlan } from '../../../plan';
import { planOutsideLine } from '../../../report/simulation';
import type { Scenario } from '../../../scenario';
import type { SimulationResult } from '../../../sim';
import { exportSimulationCsv } from '../planExports';
import { RunControls } from './RunControls';
import { SimulationBands } from './SimulationBands';
import { SimulationDay } from './SimulationDay';
import type { SavedSimulation } from './saved';
import { simulationRun } from './simulationRun';

const STALE = 'These results are for an earlier version of the scenario: simulate again to update them.';

interface PanelProps {
  /** the scenario as planned, its plan and version; null when it cannot be planned */
  planned: { scenario: Scenario; plan: DayPlan; version: string } | null;
  saved: SavedSimulation | null;
  /** bumps when another scenario is opened */
  opened: number;
  save: (version: string, result: SimulationResult) => void;
}

/**
 * "Simulate": the replications in web workers with progress and Cancel, then the simulated day
 * beside the plan. Results stay with the scenario version they came from; after an edit they
 * are kept, marked stale.
 */
export function SimulationPanel({ planned, saved, opened, save }: PanelProps) {
  const latest = useRef(planned);
  latest.current = planned;
  const run = useMemo(() => simulationRun(save, () => latest.current?.scenario ?? null), []);
  useEffect(() => {
    const r = saved?.result;
    run.status.value = r ? `Saved results: ${r.replications} replications, seed ${r.seed}.` : '';
  }, [opened]);
  // An edit changes the run's size: a large run asks again.
  useEffect(() => {
    run.asking.value = false;
  }, [planned?.version]);
  const status = run.running.value === null && saved?.stale ? STALE : run.status.value;
  return (
    <section class="panel simulation" aria-label="Simulation">
      <h2>Simulation: how the day will really go</h2>
      <p class="lede">
        Event by event, with queues carried over between intervals, redials, busy signals and callbacks; repeated with independent
        random streams for 95% confidence intervals. Runs in your browser’s workers.
      </p>
      <RunControls run={run} scenario={planned?.scenario ?? null} version={planned?.version ?? ''} />
      <p class="note" id="simulation-status" role="status">
        {status}
      </p>
      <div class={`simulation-results${saved?.stale ? ' stale' : ''}`} id="simulation-results">
        {saved && planned && (
          <>
            <div class="actions">
              <button type="button" id="export-simulation-csv" onClick={() => exportSimulationCsv(saved.result, planned.plan)}>
                Download the simulation (CSV)
              </button>
            </div>
            <SimulationDay result={saved.result} plan={planned.plan} />
            <p class="note" id="plan-outside">
              {planOutsideLine(planned.scenario, planned.plan, saved.result)}
            </p>
            <SimulationBands result={saved.result} plan={planned.plan} />
          </>
        )}
      </div>
    </section>
  );
}
