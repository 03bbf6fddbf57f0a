/** Simulation engine and worker-pool figures. */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultWorkers, spawnNodeWorker, workerBundle } from '../src/cli/nodeWorkers';
import { formatScenarioError, parseScenario, parseScenarioText, type Scenario, type ScenarioInput } from '../src/scenario';
import { simulateReplication } from '../src/sim';
import { runSimulation, SimulationCancelled, type WorkerHandle } from '../src/sim/pool';
import { childrenCpuMs, type Timing, timed } from './measure';

const execFileAsync = promisify(execFile);

function scenario(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

/** Simulated calls per second on one core: a day of 500 agents at about 1.5 calls a second. */
async function simulatedCalls(fullFlow: boolean) {
  const base: ScenarioInput = {
    schema: 1,
    name: fullFlow ? 'full call flow' : 'M/M/N+M',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 60,
    demand: { calls: Array(24).fill(5_400) },
    ahtSeconds: 320,
    staffing: { agents: 500 },
    patience: { meanSeconds: 300 },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
  };
  const s = scenario(
    fullFlow
      ? {
          ...base,
          ivr: {
            lines: 620,
            time: { kind: 'lognormal', meanSeconds: 45, shape: 0.6 },
            containment: 0.15,
            escape: { share: 0.03 },
          },
          handleTime: { kind: 'lognormal', shape: 0.8 },
          redial: { abandoned: { share: 0.5 }, blocked: { share: 0.6 } },
          callback: {
            enabled: true,
            offerWhen: { waitAboveSeconds: 60 },
            acceptance: 0.5,
            serve: { mode: 'idle', reserveAgents: 3 },
          },
        }
      : base,
  );
  simulateReplication(s, 0); // warm-up
  // Five rounds of six days, and the median round: one round is a few tenths of a CPU-second, which a busy moment can sway.
  const rounds = [];
  for (let round = 0; round < 5; round++) {
    const { value: calls, timing } = await timed(() => {
      let n = 0;
      for (let r = 1 + 6 * round; r <= 6 * (round + 1); r++) n += simulateReplication(s, r).calls.reduce((a, b) => a + b, 0);
      return n;
    });
    rounds.push({ calls, perCpuSecond: Math.round(calls / (timing.cpuMs / 1000)), timing });
  }
  return { rounds, perCpuSecond: median(rounds.map((r) => r.perCpuSecond)) };
}

/** The C loop's reference case (its README): M/M/500+M at load 0.95 N, patience = AHT, a 24 h day of about 1.5 M calls. */
const FLOOR = { lambda: 1.5e6 / 86_400, agents: 500, horizon: 86_400 };
const floorAht = (0.95 * FLOOR.agents) / FLOOR.lambda;
const FLOOR_SOURCE = process.env.WFM_C_FLOOR ?? '/work/shared/bench/mmnm_floor.c';

const floorScenario = () =>
  scenario({
    schema: 1,
    name: 'M/M/500+M as the C loop',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 60,
    demand: { calls: Array(24).fill(FLOOR.lambda * 3600) },
    ahtSeconds: floorAht,
    staffing: { agents: FLOOR.agents },
    patience: { meanSeconds: floorAht },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
  });

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};

/**
 * The engine against the lean C event loop on the same model, side by side:
 * C and engine alternate (C, engine, C, engine …), each pair gives a ratio
 * of calls per CPU-second, and the median ratio is the figure. The C loop
 * runs three days per turn so its CPU time (counted in 10 ms ticks) is exact
 * to about 2 %; the engine's is taken in microseconds.
 */
function againstCLoop(pairs = 7) {
  const binary = `${new URL('../.tmp/bench/', import.meta.url).pathname}mmnm_floor`;
  if (!existsSync(FLOOR_SOURCE)) return { skipped: `no C loop at ${FLOOR_SOURCE} (set WFM_C_FLOOR)` };
  mkdirSync(new URL('../.tmp/bench/', import.meta.url), { recursive: true });
  const gcc = spawnSync('gcc', ['-O2', '-o', binary, FLOOR_SOURCE, '-lm'], { encoding: 'utf8' });
  if (gcc.error || gcc.status !== 0) return { skipped: `gcc failed or is missing: ${gcc.error?.message ?? gcc.stderr}` };
  const s = floorScenario();
  simulateReplication(s, 0); // warm-up
  const cLoop = (seed: number) => {
    const cpu0 = childrenCpuMs();
    let calls = 0;
    for (let day = 0; day < 3; day++) {
      const args = [FLOOR.lambda, floorAht, floorAht, FLOOR.agents, FLOOR.horizon, seed * 3 + day].map(String);
      const run = spawnSync(binary, args, { encoding: 'utf8' });
      calls += (JSON.parse(run.stdout) as { customers: number }).customers;
    }
    return calls / ((childrenCpuMs() - cpu0) / 1000);
  };
  const engine = (replication: number) => {
    const u0 = process.cpuUsage();
    const calls = simulateReplication(s, replication).calls.reduce((a, b) => a + b, 0);
    const u = process.cpuUsage(u0);
    return calls / ((u.user + u.system) / 1e6);
  };
  const c: number[] = [];
  const js: number[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    c.push(cLoop(pair));
    js.push(engine(pair));
  }
  const ratios = js.map((x, i) => Number((x / c[i]).toFixed(3)));
  return {
    model: 'M/M/500+M, load 0.95 N, exponential handle time and patience (mean patience = AHT), 24 h, about 1.5 M calls',
    pairs,
    cLoopCallsPerCpuSecond: c.map(Math.round),
    engineCallsPerCpuSecond: js.map(Math.round),
    ratios,
    medianRatio: median(ratios),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
}

const christmasEve = (() => {
  const parsed = parseScenarioText(readFileSync(new URL('../scenarios/christmas-eve.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
})();

/**
 * Christmas Eve as bundled (96 intervals, IVR lines, redials): simulated
 * calls per CPU-second on one core: the first ten replications (the JIT is
 * still adapting the engine to the scenario) and the next ones, warm.
 */
async function christmasEveOneCore(replications = 40) {
  const run = (from: number, count: number) =>
    timed(() => {
      let calls = 0;
      for (let r = from; r < from + count; r++) calls += simulateReplication(christmasEve, r).calls.reduce((a, b) => a + b, 0);
      return calls;
    });
  const rate = ({ value: calls, timing }: Awaited<ReturnType<typeof run>>) => ({
    calls,
    perCpuSecond: Math.round(calls / (timing.cpuMs / 1000)),
    timing,
  });
  const cold = rate(await run(0, 10));
  return { firstTenReplications: cold, warm: { replications, ...rate(await run(10, replications)) } };
}

/**
 * Christmas Eve edited on a thread that has simulated it: the edited scenario's first three
 * replications against the original's 11th–13th (ms each), as when a planner edits and simulates
 * again. Each replication's wall time, as a replication is short.
 */
async function editedScenarioOneCore() {
  const time = (s: Scenario, r: number) => {
    const t = performance.now();
    simulateReplication(s, r);
    return Math.round((performance.now() - t) * 10) / 10;
  };
  const before = Array.from({ length: 13 }, (_, r) => time(christmasEve, r)).slice(10);
  const edited = { ...christmasEve, ahtSeconds: 290 };
  const after = [0, 1, 2].map((r) => time(edited, r));
  return { originalReplications11To13Ms: before, editedFirstThreeMs: after, loadAverage1m: Number(loadavg()[0].toFixed(2)) };
}

async function christmasEveRun(workers: number, replications = 100) {
  return (await timed(() => runSimulation(christmasEve, spawnNodeWorker, { replications, workers }))).timing;
}

/**
 * A process's first run, as `wfm simulate` makes it: its threads start fresh from the worker code
 * the CLI ships built (here bundled from source before the clock starts, as that is no part of a run).
 */
async function firstRunInProcess(workers: number, replications: number) {
  workerBundle();
  return christmasEveRun(workers, replications);
}

const WFM = fileURLToPath(new URL('../bin/wfm.js', import.meta.url));

/** Three runs of a figure, one after another, and their median wall time. */
async function threeRuns(run: () => Promise<Timing>) {
  const runs: Timing[] = [];
  for (let i = 0; i < 3; i++) runs.push(await run());
  return { runs, medianWallMs: median(runs.map((t) => t.wallMs)) };
}

/** `wfm simulate christmas-eve --replications 100 --workers 2` as a user runs it, process start to exit. */
const hundredReplicationsCommand = () => {
  const args = [
    WFM,
    'simulate',
    fileURLToPath(new URL('../scenarios/christmas-eve.json', import.meta.url)),
    '--replications',
    '100',
    '--workers',
    '2',
  ];
  return threeRuns(async () => (await timed(() => execFileAsync(process.execPath, args, { maxBuffer: 2 ** 24 }))).timing);
};

/** 100 replications on 2 workers as a process's first run, each in a fresh process. */
const hundredReplicationsFirstRun = () =>
  threeRuns(async () => (await inFreshProcess('hundredReplicationsTwoWorkers')) as Timing);

/** One replication of about 4.8 million calls: seconds of work in a single replication. */
const longDay = () =>
  scenario({
    schema: 1,
    name: 'one long replication',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 60,
    demand: { calls: Array(24).fill(200_000) },
    ahtSeconds: 180,
    staffing: { agents: 10_200 },
    patience: { meanSeconds: 300 },
    simulation: { replications: 1, seed: 1 },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
  });

/**
 * During one long replication on a worker thread: the longest gap between
 * progress reports, and the time from asking to cancel (a while after it
 * started) to the run rejected and to the thread stopped.
 */
async function cancelDuringOneReplication() {
  const abort = new AbortController();
  const stopped: Promise<number>[] = [];
  const spawn = () => {
    const w = spawnNodeWorker();
    const terminate = async () => {
      stopped.push(w.terminate().then(() => performance.now()));
    };
    return { ...w, terminate };
  };
  const reports: number[] = [];
  let asked = 0;
  const run = runSimulation(longDay(), spawn, {
    replications: 1,
    workers: 1,
    signal: abort.signal,
    onProgress: (done, _total, fraction) => {
      reports.push(performance.now());
      if (done === 0 && fraction > 0.3 && asked === 0) {
        asked = performance.now();
        abort.abort();
      }
    },
  });
  let rejected = 0;
  try {
    await run;
  } catch (error) {
    if (!(error instanceof SimulationCancelled)) throw error;
    rejected = performance.now();
  }
  const gaps = reports.slice(1).map((t, i) => t - reports[i]);
  const ms = (x: number) => Number(x.toFixed(1));
  return {
    progressReportsBeforeCancel: reports.length,
    longestProgressGapMs: ms(Math.max(...gaps)),
    cancelToRejectedMs: ms(rejected - asked),
    cancelToThreadStoppedMs: ms((await Promise.all(stopped)).reduce((a, b) => Math.max(a, b), 0) - asked),
  };
}

/**
 * A worker thread stopped silently a while into one long replication (terminated
 * behind the pool's back, so no exit event reaches it): the time from the stop
 * to the pool spawning its replacement.
 */
async function silentStopDuringOneReplication() {
  let stoppedAt = 0;
  let replacedAt = 0;
  let first: WorkerHandle | null = null;
  const spawn = () => {
    const w = spawnNodeWorker();
    if (first) replacedAt ||= performance.now();
    first ??= w;
    return w;
  };
  await runSimulation(longDay(), spawn, {
    replications: 1,
    workers: 1,
    onProgress: (done, _total, fraction) => {
      if (done > 0 || fraction < 0.3 || stoppedAt > 0 || !first) return;
      stoppedAt = performance.now();
      void first.terminate();
    },
  });
  return { stoppedToReplacedMs: Number((replacedAt - stoppedAt).toFixed(1)) };
}

/** Runs on 1 and on 2 workers, 300 replications each: the speed-up and what the second worker costs in CPU. */
function oneToTwo(oneWorker: Timing, twoWorkers: Timing) {
  return {
    oneWorker,
    twoWorkers,
    speedUp: Number((oneWorker.wallMs / twoWorkers.wallMs).toFixed(2)),
    /** CPU of the whole run on 2 workers ÷ on 1, less 1: what the second worker costs in all */
    extraCpu: Number((twoWorkers.cpuMs / oneWorker.cpuMs - 1).toFixed(3)),
  };
}

/**
 * 1 → 2 workers on threads kept from an earlier run (as in a staffing search's or a sweep's later
 * runs, and the app's, whose workers start ahead): three alternating pairs, with the medians.
 */
async function oneToTwoKeptWorkers() {
  const pairs = [];
  for (let i = 0; i < 3; i++) pairs.push(oneToTwo(await christmasEveRun(1, 300), await christmasEveRun(2, 300)));
  return {
    pairs,
    medianSpeedUp: median(pairs.map((p) => p.speedUp)),
    medianExtraCpu: median(pairs.map((p) => p.extraCpu)),
  };
}

const IN_FRESH_PROCESS = {
  engineAgainstCLoop: againstCLoop,
  mmnm500Agents: () => simulatedCalls(false),
  fullCallFlow: () => simulatedCalls(true),
  christmasEve: () => christmasEveOneCore(),
  editedScenario: editedScenarioOneCore,
  firstRunOneWorker: () => firstRunInProcess(1, 300),
  firstRunTwoWorkers: () => firstRunInProcess(2, 300),
  hundredReplicationsTwoWorkers: () => firstRunInProcess(2, 100),
};

/**
 * A figure in a process of its own: the JIT has then seen no other
 * scenario, as in a simulation worker, which runs one.
 */
async function inFreshProcess(figure: keyof typeof IN_FRESH_PROCESS): Promise<unknown> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), figure], {
    encoding: 'utf8',
    maxBuffer: 2 ** 24,
  }).catch((error: { stderr?: string }) => {
    throw new Error(`bench/sim.ts ${figure}: ${error.stderr ?? error}`);
  });
  return JSON.parse(stdout);
}

/**
 * What this machine gives two threads at once: two processes each running the one-worker figure
 * side by side (each timed inside itself), against one alone before and after (this machine's
 * pace drifts). No 2-worker run can beat it.
 */
async function machineSpeedUpForTwoThreads(before: Timing): Promise<number> {
  const pair = (await Promise.all([inFreshProcess('firstRunOneWorker'), inFreshProcess('firstRunOneWorker')])) as Timing[];
  const after = (await inFreshProcess('firstRunOneWorker')) as Timing;
  return Number(((before.wallMs + after.wallMs) / Math.max(...pair.map((t) => t.wallMs))).toFixed(2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figure = process.argv[2] as keyof typeof IN_FRESH_PROCESS;
  process.stdout.write(JSON.stringify(await IN_FRESH_PROCESS[figure]()));
}

export async function simulationFigures() {
  const firstRun = await hundredReplicationsFirstRun();
  const command = await hundredReplicationsCommand();
  workerBundle();
  const allCores = await christmasEveRun(defaultWorkers());
  // Memory stays bounded: the process's peak size does not grow with the number of replications.
  const rssAfter100 = process.memoryUsage().rss;
  await christmasEveRun(defaultWorkers(), 400);
  const rssAfter400 = process.memoryUsage().rss;
  const keptWorkers = await oneToTwoKeptWorkers();
  const firstOne = (await inFreshProcess('firstRunOneWorker')) as Timing;
  const firstTwo = (await inFreshProcess('firstRunTwoWorkers')) as Timing;
  return {
    engineAgainstCLoop: await inFreshProcess('engineAgainstCLoop'),
    simulatedCallsOneCore: {
      mmnm500Agents: await inFreshProcess('mmnm500Agents'),
      fullCallFlow: await inFreshProcess('fullCallFlow'),
      christmasEve: await inFreshProcess('christmasEve'),
    },
    editedScenarioOneCore: await inFreshProcess('editedScenario'),
    christmasEve100Replications: {
      workers: defaultWorkers(),
      /** a process's first run: fresh threads, each compiling the engine (three processes) */
      firstRunInAProcess: firstRun,
      /** the whole command, process start to exit */
      wfmSimulateCommand: command,
      /** in this process, after the figures before it */
      timing: allCores,
      processRssMB: { after100Replications: Math.round(rssAfter100 / 2 ** 20), after400More: Math.round(rssAfter400 / 2 ** 20) },
    },
    speedUpOneToTwoWorkers300Replications: {
      keptWorkers,
      /** a process's first run: every thread fresh, its JIT compiling the engine anew (the 2-worker run compiles it twice) */
      firstRunInAProcess: oneToTwo(firstOne, firstTwo),
      machineSpeedUpForTwoThreads: await machineSpeedUpForTwoThreads(firstOne),
    },
    cancelDuringOneLongReplication: await cancelDuringOneReplication(),
    silentStopDuringOneLongReplication: await silentStopDuringOneReplication(),
  };
}
