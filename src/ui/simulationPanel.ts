import { formatSeconds, formatShare } from '../format/number';
import type { DayPlan } from '../plan';
import { simulationCsv } from '../report/csv';
import type { Scenario } from '../scenario';
import { type Estimate, type Metric, SIMULATED_CALLS_LIMIT, type SimulationResult, simulationSize } from '../sim';
import { runSimulation, SimulationCancelled } from '../sim/pool';
import { element } from './dom';
import { download, fileSlug } from './download';
import { drawBandChart } from './planCharts';
import { browserWorkers, spawnWebWorker } from './webWorkers';

export interface PlannedScenario {
  scenario: Scenario;
  plan: DayPlan;
  /** identifies the scenario version (its JSON) */
  version: string;
}

/**
 * The "Simulate" panel: runs the replications in web workers with a progress
 * bar and Cancel, then shows the simulation beside the analytic plan. Results
 * stay with the scenario version they came from; editing marks them as such.
 */
export function mountSimulationPanel(
  section: HTMLElement,
  current: () => PlannedScenario | null,
  onResult: (version: string, result: SimulationResult) => void,
): { refresh(): void; show(saved: { version: string; result: SimulationResult } | null): void } {
  const run = element('button', { type: 'button', id: 'simulate', className: 'primary', textContent: 'Simulate the day' });
  const cancel = element('button', { type: 'button', id: 'cancel-simulation', textContent: 'Cancel', disabled: true });
  const confirmRun = element('button', {
    type: 'button',
    id: 'confirm-simulation',
    textContent: 'Simulate anyway',
    hidden: true,
  });
  const progress = element('progress', { id: 'simulation-progress', max: 1, value: 0 });
  progress.setAttribute('aria-label', 'Simulation progress');
  const status = element('p', { className: 'note', id: 'simulation-status' });
  status.setAttribute('role', 'status');
  const results = element('div', { className: 'simulation-results', id: 'simulation-results' });
  section.replaceChildren(
    element('h2', { textContent: 'Simulation: how the day will really go' }),
    element('p', {
      className: 'lede',
      textContent:
        'Event by event, with queues carried over between intervals, redials, busy signals and callbacks; repeated with independent random streams for 95% confidence intervals. Runs in your browser’s workers.',
    }),
    element('div', { className: 'actions' }, [run, confirmRun, cancel, progress]),
    status,
    results,
  );

  let last: { version: string; result: SimulationResult } | null = null;
  let abort: AbortController | null = null;

  const refresh = () => {
    const now = current();
    const r = now?.scenario.simulation.replications ?? 0;
    run.textContent = `Simulate the day (${r} replications)`;
    run.disabled = now === null || abort !== null;
    confirmRun.hidden = true; // an edit changes the size: ask again on the next run
    const stale = last !== null && now?.version !== last.version;
    results.classList.toggle('stale', stale);
    if (stale) status.textContent = 'These results are for an earlier version of the scenario: simulate again to update them.';
  };

  /** A run past the size limit waits for the planner to confirm it, with the estimate in front of them. */
  const askFirst = (now: PlannedScenario): boolean => {
    const size = simulationSize(now.scenario);
    if (size.calls <= SIMULATED_CALLS_LIMIT) return false;
    const n = (x: number) => Math.ceil(x).toLocaleString('en-US');
    status.textContent = `This run would simulate up to about ${n(size.calls)} calls (${n(size.callsPerReplication)} a replication × ${size.replications} replications), more than ${n(SIMULATED_CALLS_LIMIT)}: it may take minutes. Simulate anyway, or lower the replications.`;
    confirmRun.hidden = false;
    return true;
  };

  const start = async (now: PlannedScenario) => {
    confirmRun.hidden = true;
    abort = new AbortController();
    run.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = 'Starting the workers…';
    const started = performance.now();
    try {
      const result = await runSimulation(now.scenario, spawnWebWorker, {
        replications: now.scenario.simulation.replications,
        workers: browserWorkers(),
        signal: abort.signal,
        onProgress: (done, total, fraction) => {
          progress.value = fraction;
          status.textContent = `${(fraction * 100).toFixed(0)} % — ${done} of ${total} replications`;
        },
      });
      last = { version: now.version, result };
      onResult(now.version, result);
      status.textContent = `${result.replications} replications, seed ${result.seed}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      renderResults(results, result, now.plan);
    } catch (error) {
      status.textContent =
        error instanceof SimulationCancelled
          ? 'Cancelled; the scenario and earlier results are unchanged.'
          : (error as Error).message;
      progress.value = 0;
    } finally {
      abort = null;
      cancel.disabled = true;
      refresh();
    }
  };
  run.addEventListener('click', () => {
    const now = current();
    if (now && !askFirst(now)) void start(now);
  });
  confirmRun.addEventListener('click', () => {
    const now = current();
    if (now) void start(now);
  });
  cancel.addEventListener('click', () => abort?.abort());
  refresh();
  return {
    refresh,
    /** Shows a scenario's saved results (or none), against its current plan. */
    show(saved) {
      last = saved;
      const now = current();
      results.replaceChildren();
      status.textContent = saved ? `Saved results: ${saved.result.replications} replications, seed ${saved.result.seed}.` : '';
      if (saved && now) renderResults(results, saved.result, now.plan);
      refresh();
    },
  };
}

const share = (e: Estimate) => (e.mean === null ? '—' : `${formatShare(e.mean, 1)} ± ${((e.halfWidth ?? 0) * 100).toFixed(1)}`);
const secs = (e: Estimate) => (e.mean === null ? '—' : `${formatSeconds(e.mean, 1)} ± ${(e.halfWidth ?? 0).toFixed(1)}`);
const calls = (e: Estimate) =>
  e.mean === null ? '—' : `${Math.round(e.mean).toLocaleString('en-US')} ± ${Math.round(e.halfWidth ?? 0)}`;
const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

function renderResults(box: HTMLElement, r: SimulationResult, plan: DayPlan): void {
  const t = plan.totals;
  const rows: [string, string, string][] = [
    ['Answer rate — answered ÷ (answered + abandoned)', share(r.day.answerRate), formatShare(t.answerRate, 1)],
    [`Service level — ${r.slFormula}`, share(r.day.serviceLevel), formatShare(t.serviceLevel, 1)],
    [
      'Handled rate — (answered + callbacks completed) ÷ (offered + blocked)',
      share(r.day.handledRate),
      formatShare(t.handledRate, 1),
    ],
    ['Calls (first attempts + redials)', calls(r.day.calls), count(t.attempts)],
    ['Abandoned calls', calls(r.day.abandoned), count(t.abandoned)],
    ['Busy signals', calls(r.day.blocked), count(t.blocked)],
    ['ASA — mean wait of answered calls', secs(r.day.asa), formatSeconds(t.asa, 1)],
    ['Callbacks completed (the agent reached the customer)', calls(r.day.callbacksCompleted), count(t.callbacksCompleted)],
    ['Callbacks failed (attempts used up, or deadline passed)', calls(r.day.callbacksFailed), count(t.callbacksFailed)],
    ['Callbacks pending at the close (deadline after the close)', calls(r.day.callbacksPendingAtClose), '—'],
    ['Occupancy — busy ÷ available agent time', share(r.day.occupancy), formatShare(t.occupancy, 1)],
    ['Calls still in the system at the end of the day', calls(r.day.inSystemAtEnd), '—'],
  ];
  const table = element('table', { className: 'metrics', id: 'simulation-day' }, [
    element('caption', {
      textContent: `The day: simulation (mean ± 95% CI over ${r.replications} replications) beside the analytic plan`,
    }),
    element('thead', {}, [
      element(
        'tr',
        {},
        ['Figure', 'Simulation', 'Analytic plan'].map((h) => element('th', { scope: 'col', textContent: h })),
      ),
    ]),
    element(
      'tbody',
      {},
      rows.map(([label, sim, planned]) =>
        element('tr', {}, [
          element('th', { scope: 'row', textContent: label }),
          element('td', { textContent: sim }),
          element('td', { textContent: planned }),
        ]),
      ),
    ),
  ]);
  const figures = (['serviceLevel', 'answerRate', 'meanQueue'] as const).map((metric) =>
    element('figure', { className: 'chart', id: `band-${metric}` }),
  );
  const exportButton = element('button', {
    type: 'button',
    id: 'export-simulation-csv',
    textContent: 'Download the simulation (CSV)',
  });
  exportButton.addEventListener('click', () => download(`${fileSlug(r.name)}-simulation.csv`, simulationCsv(r), 'text/csv'));
  box.replaceChildren(element('div', { className: 'actions' }, [exportButton]), table, ...figures);
  const points = (metric: Metric, planned: (i: number) => number | null) =>
    r.intervals.map((x, i) => {
      const e = x.metrics[metric];
      const half = e.halfWidth ?? 0;
      return {
        start: x.start,
        mean: e.mean,
        low: e.mean === null ? null : e.mean - half,
        high: e.mean === null ? null : e.mean + half,
        plan: planned(i),
      };
    });
  drawBandChart(
    figures[0],
    `Service level by interval (${r.slFormula})`,
    'service level',
    points('serviceLevel', (i) => plan.intervals[i].serviceLevel),
    true,
  );
  drawBandChart(
    figures[1],
    'Answer rate by interval',
    'answered ÷ (answered + abandoned)',
    points('answerRate', (i) => plan.intervals[i].answerRate),
    true,
  );
  drawBandChart(
    figures[2],
    'Mean queue length by interval (the plan assumes no carry-over)',
    'callers waiting',
    points('meanQueue', () => null),
    false,
  );
}
