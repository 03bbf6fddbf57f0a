/** Simulation engine and worker-pool figures. */
import { readFileSync } from 'node:fs';
import { defaultWorkers, spawnNodeWorker } from '../src/cli/nodeWorkers';
import { formatScenarioError, parseScenario, parseScenarioText, type Scenario, type ScenarioInput } from '../src/scenario';
import { simulateReplication } from '../src/sim';
import { runSimulation, SimulationCancelled } from '../src/sim/pool';
import { timed } from './measure';

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
  const { value: calls, timing } = await timed(() => {
    let n = 0;
    for (let r = 1; r <= 6; r++) n += simulateReplication(s, r).calls.reduce((a, b) => a + b, 0);
    return n;
  });
  return { calls, perCpuSecond: Math.round(calls / (timing.cpuMs / 1000)), timing };
}

const christmasEve = (() => {
  const parsed = parseScenarioText(readFileSync(new URL('../scenarios/christmas-eve.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
})();

async function christmasEveRun(workers: number, replications = 100) {
  return (await timed(() => runSimulation(christmasEve, spawnNodeWorker, { replications, workers }))).timing;
}

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

export async function simulationFigures() {
  const allCores = await christmasEveRun(defaultWorkers());
  // Memory stays bounded: the process's peak size does not grow with the number of replications.
  const rssAfter100 = process.memoryUsage().rss;
  await christmasEveRun(defaultWorkers(), 400);
  const rssAfter400 = process.memoryUsage().rss;
  const oneWorker = await christmasEveRun(1, 300);
  const twoWorkers = await christmasEveRun(2, 300);
  return {
    simulatedCallsOneCore: { mmnm500Agents: await simulatedCalls(false), fullCallFlow: await simulatedCalls(true) },
    christmasEve100Replications: {
      workers: defaultWorkers(),
      timing: allCores,
      processRssMB: { after100Replications: Math.round(rssAfter100 / 2 ** 20), after400More: Math.round(rssAfter400 / 2 ** 20) },
    },
    speedUpOneToTwoWorkers300Replications: {
      oneWorker,
      twoWorkers,
      speedUp: Number((oneWorker.wallMs / twoWorkers.wallMs).toFixed(2)),
    },
    cancelDuringOneLongReplication: await cancelDuringOneReplication(),
  };
}
