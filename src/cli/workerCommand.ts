import { type Job, UnrecoverableError, Worker } from 'bullmq';
import christmasEve from '../../scenarios/christmas-eve.json' with { type: 'json' };
import { formatScenarioError, parseScenario } from '../scenario';
import type { Counts } from '../sim';
import { encodePartial } from '../sim/partial';
import { runReplications, SimulationCancelled } from '../sim/pool';
import { commandSpec } from './commands';
import { engineFingerprint, scenarioKey } from './engine';
import { numberFlag, parseFlags, positionals, UsageError } from './flags';
import { defaultWorkers, spawnNodeWorker, startNodeWorkers } from './nodeWorkers';
import { cancelKey, connectRedis, lockTimes, type RangeJob, rangesQueue, redactUrl } from './redis';

const spec = commandSpec('worker');

/** Replications of Christmas Eve each thread simulates before the first job, while the JIT compiles the engine. */
const WARM_REPLICATIONS = 3;

/**
 * Runs the bundled Christmas Eve (every part of the call flow) on each thread: the first job then
 * runs close to full speed. A failure here is a job's to report, so it is ignored.
 */
async function warmThreads(threads: number): Promise<void> {
  const parsed = parseScenario(christmasEve);
  if (!parsed.ok) return;
  await runReplications(
    parsed.scenario,
    spawnNodeWorker,
    { from: 0, to: WARM_REPLICATIONS * threads, workers: threads },
    () => {},
  ).catch(() => {});
}

/** How often a job checks whether its run was cancelled, ms. */
const CANCEL_CHECK_MS = 500;

/**
 * `wfm worker --redis URL`: takes range jobs of this engine until stopped.
 * Every active job simulates on a worker thread of its own, so the main thread is free
 * to renew job locks. SIGTERM or SIGINT finishes the active jobs; a second signal exits at once.
 */
export async function workerCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  positionals(flags, spec, 0);
  const url = flags.values.get('redis');
  if (!url) throw new UsageError('--redis: give the URL of the Redis server, e.g. redis://127.0.0.1:6379');
  const threads = numberFlag(flags, spec, 'threads') ?? defaultWorkers();
  const engine = engineFingerprint();
  const connection = await connectRedis(url, true);
  const log = (line: string) => process.stderr.write(`wfm worker: ${line}\n`);

  // Threads are started and warmed before the first job: a fresh one costs a good part of a
  // CPU-second. Each job's thread goes back to them when the job ends, unless it was cancelled, failed or lost.
  startNodeWorkers(threads);
  await warmThreads(threads);
  const processor = async (job: Job<RangeJob>): Promise<string> => {
    const { run, from, to } = job.data;
    const parsed = parseScenario(job.data.scenario);
    if (!parsed.ok) throw new UnrecoverableError(`the job's scenario is not valid: ${formatScenarioError(parsed.errors[0])}`);
    const s = parsed.scenario;
    log(`started ${job.id} (replications ${from}–${to - 1} of "${s.name}", attempt ${job.attemptsStarted})`);
    const abort = new AbortController();
    const check = setInterval(async () => {
      if ((await connection.exists(cancelKey(run)).catch(() => 0)) === 1) abort.abort();
    }, CANCEL_CHECK_MS);
    const counts: Counts[] = [];
    try {
      await runReplications(
        s,
        spawnNodeWorker,
        {
          from,
          to,
          workers: 1,
          signal: abort.signal,
          onProgress: (done) => void job.updateProgress(done).catch(() => {}),
        },
        (c) => counts.push(c),
      );
    } catch (error) {
      if (error instanceof SimulationCancelled) {
        log(`cancelled ${job.id}`);
        throw new UnrecoverableError('cancelled');
      }
      throw error;
    } finally {
      clearInterval(check);
    }
    log(`finished ${job.id}`);
    return Buffer.from(encodePartial({ engine, scenarioKey: scenarioKey(s), scenario: s, from, to, counts })).toString('base64');
  };

  const worker = new Worker<RangeJob, string>(rangesQueue(engine), processor, {
    connection,
    concurrency: threads,
    maxStalledCount: 3,
    ...lockTimes(),
  });
  worker.on('error', (error) => log(`Redis: ${error.message}`));
  await worker.waitUntilReady();
  log(`taking jobs from ${redactUrl(url)} on ${threads} thread${threads > 1 ? 's' : ''} (queue ${worker.name})`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(1); // a second signal: the active jobs return to the queue when their locks expire
      stopping = true;
      log('finishing the active jobs (a second signal stops at once)');
      void worker.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await connection.quit().catch(() => {});
  log('stopped');
}
