import { formatSeconds, formatShare } from '../format/number';
import { planDay } from '../plan';
import type { Estimate, SimulationResult } from '../sim';
import { runSimulation, SimulationCancelled } from '../sim/pool';
import { commandSpec } from './commands';
import { numberFlag, parseFlags, positionals } from './flags';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { readScenario } from './scenarioFile';

const spec = commandSpec('simulate');

export async function simulateCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  const replications = numberFlag(flags, spec, 'replications');
  const seed = numberFlag(flags, spec, 'seed');
  const workers = numberFlag(flags, spec, 'workers') ?? defaultWorkers();
  const file = readScenario(path);
  const scenario = {
    ...file,
    simulation: { replications: replications ?? file.simulation.replications, seed: seed ?? file.simulation.seed },
  };

  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  const started = Date.now();
  // A bar only on a terminal; on a pipe or file, plain lines when asked (--progress), else nothing.
  const bar = process.stderr.isTTY === true;
  const plain = !bar && flags.switches.has('progress');
  let shown = false;
  let lastLine = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - started < 1000) return;
    if (bar) {
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\rsimulating ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} replications`);
    } else if (plain && (now - lastLine >= 2000 || done === total)) {
      lastLine = now;
      process.stderr.write(`simulating: ${done}/${total} replications, ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  };
  try {
    const result = await runSimulation(scenario, spawnNodeWorker, {
      replications: scenario.simulation.replications,
      workers,
      onProgress,
      signal: abort.signal,
    });
    if (shown) process.stderr.write(`  ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.stdout.write(
      flags.switches.has('json') ? `${JSON.stringify(result)}\n` : `${simulationTable(result, planDay(scenario))}\n`,
    );
  } catch (error) {
    if (shown) process.stderr.write('\n');
    if (error instanceof SimulationCancelled) {
      process.stderr.write('wfm simulate: cancelled\n');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

const share = (e: Estimate) => (e.mean === null ? '—' : `${formatShare(e.mean, 1)} ±${((e.halfWidth ?? 0) * 100).toFixed(1)}`);
const seconds = (e: Estimate) => (e.mean === null ? '—' : `${formatSeconds(e.mean, 0)} ±${(e.halfWidth ?? 0).toFixed(0)}`);
const count = (e: Estimate) => (e.mean === null ? '—' : Math.round(e.mean).toLocaleString('en-US'));

/** The simulation by interval, with the analytic plan's SL and answer rate beside it. */
export function simulationTable(r: SimulationResult, plan: ReturnType<typeof planDay>): string {
  const header = [
    'start',
    'calls',
    'blocked',
    'answered',
    'abandoned',
    'answer rate',
    'plan',
    'SL',
    'plan',
    'ASA',
    'queue@start',
    'callbacks',
    'occupancy',
  ];
  const row = (
    start: string,
    m: SimulationResult['day'],
    planned: { answerRate: number | null; serviceLevel: number | null },
  ) => [
    start,
    count(m.calls),
    count(m.blocked),
    count(m.answered),
    count(m.abandoned),
    share(m.answerRate),
    formatShare(planned.answerRate, 1),
    share(m.serviceLevel),
    formatShare(planned.serviceLevel, 1),
    seconds(m.asa),
    count(m.queueAtStart),
    `${count(m.callbacksRequested)}/${count(m.callbacksCompleted)}`,
    share(m.occupancy),
  ];
  const rows = r.intervals.map((x, i) => row(x.start, x.metrics, plan.intervals[i]));
  const day = row('day', r.day, plan.totals);
  const widths = header.map((h, c) => Math.max(h.length, ...[...rows, day].map((cells) => cells[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `${r.name}: ${r.replications} replications, seed ${r.seed}; mean ±95% CI half-width`,
    line(header),
    ...rows.map(line),
    widths.map((w) => '─'.repeat(w)).join('  '),
    line(day),
    '',
    `SL = ${r.slFormula}; "plan" columns: the analytic plan (steady state per interval) for comparison; callbacks = requested/completed.`,
    `Customers: ${count(r.day.customers)}, of whom ${share(r.day.customerAnsweredShare)} answered on some attempt; calls still in the system at the end of the day: ${count(r.day.inSystemAtEnd)}.`,
    ...r.notes,
  ].join('\n');
}
