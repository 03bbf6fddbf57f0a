import { type DayPlan, planDay } from '../plan';
import { simulationFigures, verdict } from '../plan/verdict';
import { reportCsv, reportSheet, workbook } from '../report/files';
import { planOutsideLine, simulationJson, simulationReport } from '../report/simulation';
import { formatCell, textTable } from '../report/terminal';
import { verdictLines } from '../report/verdict';
import type { Scenario } from '../scenario/schema';
import type { Estimate, SimulationResult } from '../sim';
import { runSimulation } from '../sim/pool';
import { clusterFlags } from './clusterFlags';
import { commandSpec } from './commands';
import { scenarioKey } from './engine';
import { checkOutputPath, writeOutput } from './files';
import { numberFlag, parseFlags, positionals } from './flags';
import { untilInterrupted } from './interrupt';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { progressLine } from './progress';
import { readScenario } from './scenarioFile';
import { checkShardFlags, writeShard } from './shard';
import { checkSimulationSize } from './simulationSize';

const spec = commandSpec('simulate');

export async function simulateCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  const replications = numberFlag(flags, spec, 'replications');
  const seed = numberFlag(flags, spec, 'seed');
  const workers = numberFlag(flags, spec, 'workers') ?? defaultWorkers();
  const out = flags.values.get('out');
  const shard = flags.values.get('shard');
  const { redis, chunk } = clusterFlags(flags, spec, true, '--redis');
  if (shard !== undefined) checkShardFlags(shard, out, flags.switches.has('json'), redis);
  if (out) checkOutputPath('out', out, shard === undefined ? ['.csv', '.xlsx'] : ['.wfmpart']);
  const file = readScenario(path);
  const scenario = {
    ...file,
    simulation: { replications: replications ?? file.simulation.replications, seed: seed ?? file.simulation.seed },
  };
  checkSimulationSize(scenario, numberFlag(flags, spec, 'max-calls'));

  const started = Date.now();
  // A bar only on a terminal; on a pipe or file, plain lines when asked (--progress), else nothing.
  const bar = process.stderr.isTTY === true;
  const plain = !bar && flags.switches.has('progress');
  let shown = false;
  let lastLine = 0;
  const onProgress = (done: number, total: number, fraction: number, workers?: number) => {
    const now = Date.now();
    const line = () => progressLine(done, total, fraction, now - started, workers);
    // The bar waits a second (a quick run shows none); plain lines come every 2 s after the first second, and at the end.
    if (bar && now - started >= 1000) {
      shown = true;
      const width = 30;
      const filled = Math.round(fraction * width);
      // Cleared to the end of the line: the line can get shorter (the ETA goes at the end).
      process.stderr.write(`\rsimulating ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${line()}\x1b[K`);
    } else if (plain && (done === total || (now - started >= 1000 && now - lastLine >= 2000))) {
      lastLine = now;
      process.stderr.write(`simulating: ${line().trimStart()}, ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  };

  await untilInterrupted(
    'simulate',
    async (signal) => {
      if (shard !== undefined && out) {
        await writeShard(scenario, shard, out, { workers, onProgress, signal });
        if (shown) process.stderr.write(`  ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        return;
      }
      const warn = (line: string) => process.stderr.write(`wfm simulate: ${line}\n`);
      const result = redis
        ? await (await import('./clusterRun')).simulateOnCluster(scenario, redis, { chunk, onProgress, signal, warn })
        : await runSimulation(scenario, spawnNodeWorker, {
            replications: scenario.simulation.replications,
            workers,
            onProgress,
            signal,
          });
      if (shown) process.stderr.write(`  ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      writeSimulation(result, scenario, out, flags.switches.has('json'));
    },
    () => shown && process.stderr.write('\n'),
  );
}

/** `wfm simulate`: the verdict by simulation first, where the plan falls outside it, then the table. */
function simulationText(s: Scenario, r: SimulationResult, plan: DayPlan): string {
  return [
    ...verdictLines(verdict(s, plan, simulationFigures(r))),
    planOutsideLine(s, plan, r),
    '',
    simulationTable(r, plan),
  ].join('\n');
}

/** Prints a simulation's result (JSON or the table) and writes its report file: local, merged or clustered runs alike. */
export function writeSimulation(result: SimulationResult, scenario: Scenario, out: string | undefined, json: boolean): void {
  const plan = planDay(scenario);
  if (out) {
    const { intervals, day } = simulationReport(result, plan);
    writeOutput(
      out,
      out.toLowerCase().endsWith('.csv') ? reportCsv(intervals, day) : workbook([reportSheet('Simulation', intervals, day)]),
    );
  }
  process.stdout.write(`${simulationOutput(scenario, result, plan, json)}\n`);
}

/** What wfm simulate prints: its JSON (one line) or its table. */
export const simulationOutput = (scenario: Scenario, result: SimulationResult, plan: DayPlan, json: boolean): string =>
  json
    ? JSON.stringify({ ...simulationJson(scenario, result, plan), scenarioKey: scenarioKey(scenario) })
    : simulationText(scenario, result, plan);

/** The simulation as a terminal table, with the analytic plan's answer rate and SL beside it. */
export function simulationTable(r: SimulationResult, plan: DayPlan): string {
  const report = simulationReport(r, plan);
  const d = r.day;
  const n = (e: Estimate) => formatCell({ mean: e.mean, halfWidth: e.halfWidth }, 'calls');
  return [
    `${r.name}: ${r.replications} replications, seed ${r.seed}; mean ±95% CI half-width`,
    textTable(report.intervals, report.day),
    '',
    `SL = ${r.slFormula}; "Plan" columns: the analytic plan (steady state per interval) for comparison.`,
    `Customers: ${n(d.customers)}, of whom ${formatCell({ mean: d.customerAnsweredShare.mean, halfWidth: d.customerAnsweredShare.halfWidth }, 'share')} answered on some attempt; calls still in the system at the end of the day: ${n(d.inSystemAtEnd)}.`,
    ...r.notes,
  ].join('\n');
}
