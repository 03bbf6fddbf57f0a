import { formatSeconds, formatShare } from '../format/number';
import { planDay } from '../plan';
import { type Estimate, SIMULATED_CALLS_LIMIT, type SimulationResult, simulationSize } from '../sim';
import { runSimulation, SimulationCancelled } from '../sim/pool';
import { parseFlags, UsageError } from './flags';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { readScenario } from './scenarioFile';

const LIMITS = {
  replications: { min: 1, max: 10_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  workers: { min: 1, max: 256 },
  'max-calls': { min: 1, max: 1e15 },
} as const;

function wholeFlag(name: keyof typeof LIMITS, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const { min, max } = LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export async function simulateCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { values: ['replications', 'seed', 'workers', 'max-calls'], switches: ['json'] });
  if (flags.positional.length > 1) throw new UsageError(`${flags.positional[1]}: unexpected argument (one SCENARIO file)`);
  const replications = wholeFlag('replications', flags.values.get('replications'));
  const seed = wholeFlag('seed', flags.values.get('seed'));
  const workers = wholeFlag('workers', flags.values.get('workers')) ?? defaultWorkers();
  const file = readScenario(flags.positional[0]);
  const scenario = {
    ...file,
    simulation: { replications: replications ?? file.simulation.replications, seed: seed ?? file.simulation.seed },
  };
  const maxCalls = wholeFlag('max-calls', flags.values.get('max-calls')) ?? SIMULATED_CALLS_LIMIT;
  const size = simulationSize(scenario);
  if (size.calls > maxCalls) {
    const n = (x: number) => Math.ceil(x).toLocaleString('en-US');
    throw new UsageError(
      `this run would simulate up to about ${n(size.calls)} calls (${n(size.callsPerReplication)} a replication × ${size.replications} replications), over the limit of ${n(maxCalls)}: run fewer replications, or raise the limit with --max-calls ${Math.ceil(size.calls)}`,
    );
  }

  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  const started = Date.now();
  let shown = false;
  const onProgress = (done: number, total: number, fraction: number) => {
    if (Date.now() - started < 1000) return;
    shown = true;
    const width = 30;
    const filled = Math.round(fraction * width);
    process.stderr.write(
      `\rsimulating ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(fraction * 100).toFixed(0).padStart(3)} %, ${done}/${total} replications`,
    );
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
