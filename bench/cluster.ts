/**
 * `wfm simulate --redis` against worker processes on this machine: the
 * broker's overhead per job (CPU of coordinator and workers beyond a local
 * run of the same replications), the job length that keeps it under 1 %,
 * and throughput on 1 and 2 worker processes of one thread each.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasRedisServer, startRedis } from '../test/cli/redisServer';
import { SHORT_DAY } from '../test/sim/shortDay';
import { timed } from './measure';

const BIN = fileURLToPath(new URL('../bin/wfm.js', import.meta.url));
const CHRISTMAS_EVE = fileURLToPath(new URL('../scenarios/christmas-eve.json', import.meta.url));
/** The large day: Christmas Eve at this many times its calls, agents and lines (a 720,000-call day). */
const LARGE_DAY_FACTOR = 20;
/** Alternating runs on one and on two worker processes. */
const PAIRS = 3;

/** Christmas Eve grown into a multi-site peak day, saved for the CLI to read. */
function largeDay(): string {
  const raw = JSON.parse(readFileSync(CHRISTMAS_EVE, 'utf8'));
  raw.name = `Christmas Eve × ${LARGE_DAY_FACTOR}`;
  raw.demand.dailyCalls *= LARGE_DAY_FACTOR;
  raw.staffing.agents = raw.staffing.agents.map((a: number) => a * LARGE_DAY_FACTOR);
  raw.ivr.lines *= LARGE_DAY_FACTOR;
  const file = join(tmpdir(), 'bench-large-day.json');
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

/** CPU time of a running process (Linux /proc), ms. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wfm ${args.join(' ')}: exit ${code}`))));
  });
}

/** A started `wfm worker` process and how many jobs it has started. */
type WorkerProcess = { child: ChildProcess; jobs: number };

async function startWorkers(url: string, n: number): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<WorkerProcess>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'worker', '--redis', url, '--threads', '1'], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          const worker = { child, jobs: 0 };
          child.stderr.on('data', (d: Buffer) => {
            const text = d.toString();
            worker.jobs += text.split('wfm worker: started ').length - 1;
            if (text.includes('taking jobs')) resolve(worker);
          });
        }),
    ),
  );
}

async function stopWorkers(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(
    workers.map(({ child: w }) => {
      const exited = new Promise((resolve) => w.once('exit', resolve));
      w.kill('SIGTERM');
      return exited;
    }),
  );
}

/** One run on `n` worker processes: wall and CPU of coordinator plus workers, checked identical to the local output. */
async function clusterRun(url: string, n: number, args: string[], local: string) {
  const workers = await startWorkers(url, n);
  const before = workers.map((w) => processCpuMs(w.child.pid as number));
  const { value, timing } = await timed(() => run([...args, '--redis', url, '--json']));
  const workerCpuMs = workers.reduce((sum, w, i) => sum + processCpuMs(w.child.pid as number) - before[i], 0);
  await stopWorkers(workers);
  if (value !== local) throw new Error('the cluster run differs from the local run');
  return {
    workerProcesses: n,
    jobsEach: workers.map((w) => w.jobs),
    wallMs: timing.wallMs,
    cpuMs: timing.cpuMs + workerCpuMs,
    loadAverage1m: timing.loadAverage1m,
  };
}

export async function clusterFigures() {
  if (!hasRedisServer()) return { cluster: { skipped: 'redis-server is not installed' } };
  const redis = await startRedis();
  try {
    // Overhead: many one-replication jobs of a short day, against the same replications run locally on one thread.
    const short = join(tmpdir(), 'bench-short-day.json');
    writeFileSync(short, JSON.stringify(SHORT_DAY));
    const jobs = 40;
    const tiny = ['simulate', short, '--replications', String(jobs), '--chunk', '1'];
    const localTiny = await timed(() => run(['simulate', short, '--replications', String(jobs), '--workers', '1', '--json']));
    const oneWorker = await clusterRun(redis.url, 1, tiny, localTiny.value);
    const overheadMs = (oneWorker.cpuMs - localTiny.timing.cpuMs) / jobs;

    // Throughput on a large day: 80 replications, two a job (jobs of under 1 s: the run, half a minute
    // on one process, long beside its fixed half-second of start and finish, and the last job short
    // beside the run). One and two worker processes alternate, PAIRS times, and each pair gives a
    // speed-up: this machine's pace drifts.
    const replications = 80;
    const big = ['simulate', largeDay(), '--replications', String(replications), '--max-calls', '200000000', '--chunk', '2'];
    const local = [...big.slice(0, 6), '--workers', '1', '--json'];
    const localBig = await timed(() => run(local));
    // What this machine gives two processes at once: two local one-thread runs side by side against one alone.
    const pair = await timed(() => Promise.all([run(local), run(local)]));
    const pairs = [];
    for (let p = 0; p < PAIRS; p++) {
      const [one, two] = [
        await clusterRun(redis.url, 1, big, localBig.value),
        await clusterRun(redis.url, 2, big, localBig.value),
      ];
      pairs.push({
        one,
        two,
        speedUp: Number((one.wallMs / two.wallMs).toFixed(2)),
        // The same, had each process run as fast as it does alone (CPU time of the work, two against one).
        cpuNormalisedSpeedUp: Number(((one.wallMs / two.wallMs) * (two.cpuMs / one.cpuMs)).toFixed(2)),
      });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      cluster: {
        overhead: {
          jobs,
          local: localTiny.timing,
          oneWorker,
          cpuMsPerJob: Number(overheadMs.toFixed(1)),
          /** a job must take this long for the broker's CPU to stay under 1 % of it */
          minimumJobSecondsForOnePercent: Number((overheadMs / 10).toFixed(2)),
        },
        throughput: {
          scenario: `christmas-eve.json × ${LARGE_DAY_FACTOR} (calls, agents, lines), ${replications} replications, 2 a job`,
          local: localBig.timing,
          /** two independent local runs at once against one alone: the most two processes get here */
          machineSpeedUpForTwoProcesses: Number(((2 * localBig.timing.wallMs) / pair.timing.wallMs).toFixed(2)),
          localPairOfRuns: pair.timing,
          pairs,
          medianSpeedUp2over1: median(pairs.map((p) => p.speedUp)),
          medianCpuNormalisedSpeedUp2over1: median(pairs.map((p) => p.cpuNormalisedSpeedUp)),
        },
      },
    };
  } finally {
    await redis.stop();
  }
}
