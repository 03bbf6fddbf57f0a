import { signal } from '@preact/signals';
import { callsText, sizeText } from '../../../report/size';
import type { Scenario } from '../../../scenario';
import { SIMULATED_CALLS_LIMIT, type SimulationResult, simulationSize } from '../../../sim';
import { runSimulation, SimulationCancelled } from '../../../sim/pool';
import { browserWorkers, prepareWorkers, spawnWebWorker } from '../../webWorkers';

/** The progress bar and line change at most this often while a run goes, ms. */
const PROGRESS_EVERY_MS = 250;
/** Workers for the next run start this long after the page or the last run, so they do not compete with drawing it. */
const PREPARE_AFTER_MS = 1000;

/** What a run needs: the scenario as planned and its version (its JSON), which the results are kept with. */
export interface RunRequest {
  scenario: Scenario;
  version: string;
}

/** Why a run waits for the planner to confirm it (past the size limit, it may take minutes), or null. */
function sizeWarning(s: Scenario): string | null {
  const size = simulationSize(s);
  if (size.calls <= SIMULATED_CALLS_LIMIT) return null;
  return `This run would simulate ${sizeText(size)}, more than ${callsText(SIMULATED_CALLS_LIMIT)}: it may take minutes. Simulate anyway, or lower the replications.`;
}

/**
 * A simulation run in the browser's workers, as signals: running (with its progress), the
 * status line, and whether a large run waits for confirmation. A finished run is handed to
 * `save`, which keeps it with the scenario version it came from. `next` is what the next run would
 * simulate, for the workers prepared ahead.
 */
export function simulationRun(save: (version: string, result: SimulationResult) => void, next: () => Scenario | null) {
  const running = signal<AbortController | null>(null);
  const fraction = signal(0);
  const status = signal('');
  const asking = signal(false);
  const prepare = () => setTimeout(() => prepareWorkers(next() ?? undefined), PREPARE_AFTER_MS);
  prepare();

  const start = async (now: RunRequest) => {
    asking.value = false;
    const abort = new AbortController();
    running.value = abort;
    fraction.value = 0;
    status.value = 'Starting the workers…';
    const started = performance.now();
    let shown = Number.NEGATIVE_INFINITY;
    try {
      const result = await runSimulation(now.scenario, spawnWebWorker, {
        replications: now.scenario.simulation.replications,
        workers: browserWorkers(),
        signal: abort.signal,
        onProgress: (done, total, f) => {
          // The bar moves at most this often: each move is a repaint, taken from the workers' cores.
          const now = performance.now();
          if (now - shown < PROGRESS_EVERY_MS) return;
          shown = now;
          fraction.value = f;
          status.value = `${(f * 100).toFixed(0)} % — ${done} of ${total} replications`;
        },
      });
      // The run's last message and the results' render in tasks of their own, each short.
      await new Promise((resolve) => setTimeout(resolve));
      save(now.version, result);
      status.value = `${result.replications} replications, seed ${result.seed}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    } catch (error) {
      status.value =
        error instanceof SimulationCancelled
          ? 'Cancelled; the scenario and earlier results are unchanged.'
          : error instanceof Error
            ? error.message
            : String(error);
      fraction.value = 0;
    } finally {
      running.value = null;
      prepare(); // for the next run, once this one's results are drawn
    }
  };

  return {
    running,
    fraction,
    status,
    asking,
    /** Runs now, or first asks when the run is past the size limit. */
    request(now: RunRequest): void {
      const warning = sizeWarning(now.scenario);
      if (warning === null) void start(now);
      else {
        status.value = warning;
        asking.value = true;
      }
    },
    start,
    cancel: () => running.value?.abort(),
  };
}

export type SimulationRun = ReturnType<typeof simulationRun>;
