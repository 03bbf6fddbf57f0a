import { createHash } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Scenario } from '../scenario';
import { type SimulationResult, simulationSize } from '../sim';
import { canonicalJson, decodePartial, mergePartials, type NamedPartial } from '../sim/partial';
import { type CancelSignal, SimulationCancelled } from '../sim/pool';
import { engineFingerprint } from './engine';
import { RunFailed } from './flags';
import { cancelKey, connectRedis, type RangeJob, rangesQueue, redactUrl } from './redis';

/**
 * A job aims at about this many simulated calls, 10–15 s of one thread at 1.5–2 million calls
 * a CPU-second: the broker's 16–24 CPU-ms a job is then about 0.1 %, and a run still splits
 * into many jobs once it is worth a cluster.
 */
const CALLS_PER_JOB = 2e7;
/** The longest wait between reads of the jobs' states; a job that ends wakes the coordinator sooner. */
const POLL_MS = 250;
const WORKERS_EVERY_MS = 2_000;
/** How long a cancelled run waits for its active jobs to stop before leaving them to expire, ms. */
const CANCEL_WAIT_MS = 30_000;

export interface ClusterOptions {
  /** replications a job; by default from the expected calls a replication, never from the workers connected */
  chunk?: number;
  /** as a local run's, with the `wfm worker` processes connected to the queue */
  onProgress?: (done: number, total: number, fraction: number, workers?: number) => void;
  signal?: CancelSignal;
  warn: (line: string) => void;
}

/**
 * simulateOnCluster for a search or a check that runs many simulations, several at once (every
 * day of a roster's step): each on the cluster, with each warning said once.
 */
export function onCluster(url: string, options: ClusterOptions): (s: Scenario) => Promise<SimulationResult> {
  const said = new Set<string>();
  const warn = (line: string) => {
    if (said.has(line)) return;
    said.add(line);
    options.warn(line);
  };
  return (s) => simulateOnCluster(s, url, { ...options, warn });
}

/** Replications a job: depends only on the run, so a re-run of the same command finds its own jobs. */
export function chunkSize(s: Scenario, chunk?: number): number {
  const { callsPerReplication } = simulationSize(s);
  return Math.max(1, Math.min(s.simulation.replications, chunk ?? Math.floor(CALLS_PER_JOB / Math.max(1, callsPerReplication))));
}

/**
 * Simulates the scenario on the `wfm worker`s connected to Redis at `url`:
 * one job a range of replications, with ids from a content hash of the run
 * (engine, scenario, seed, replications, chunk), so submitting the same run
 * again adds nothing. The ranges' counts are merged as `wfm merge` merges
 * shards: the same figures, byte for byte, as a local run. Nothing of the
 * run is left in Redis when it ends, is cancelled or fails.
 */
export async function simulateOnCluster(s: Scenario, url: string, options: ClusterOptions): Promise<SimulationResult> {
  const engine = engineFingerprint();
  const connection = await connectRedis(url, false);
  const queue = new Queue<RangeJob, string>(rangesQueue(engine), { connection, streams: { events: { maxLen: 2000 } } });
  const R = s.simulation.replications;
  const chunk = chunkSize(s, options.chunk);
  const run = createHash('sha256')
    .update(canonicalJson({ engine, scenario: s, chunk }))
    .digest('hex')
    .slice(0, 24);
  const ranges = Array.from({ length: Math.ceil(R / chunk) }, (_, i) => ({
    id: `${run}.${i * chunk}-${Math.min(R, (i + 1) * chunk)}`,
    from: i * chunk,
    to: Math.min(R, (i + 1) * chunk),
  }));
  const ends = await jobEnds(queue, connection);
  try {
    if ((await queue.getWorkersCount()) === 0)
      options.warn(
        `no wfm worker of this engine (wfm ${engine.version}, V8 ${engine.v8}, ${engine.arch}) is connected to ${redactUrl(url)}; the jobs wait until one is (wfm worker --redis URL)`,
      );
    await queue.addBulk(
      ranges.map(({ id, from, to }) => ({
        name: 'range',
        data: { run, scenario: s, from, to },
        opts: {
          jobId: id,
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      })),
    );
    const parts = await collect(queue, connection, ranges, R, options, ends.next);
    return mergePartials(parts).result;
  } catch (error) {
    if (error instanceof SimulationCancelled) await cancel(queue, connection, run, ranges);
    else if (!(error instanceof RunFailed) && connection.status !== 'ready')
      throw new RunFailed(
        `lost the connection to ${redactUrl(url)} (${error instanceof Error ? error.message : String(error)}); run the command again: ranges already done are not run twice`,
      );
    throw error;
  } finally {
    await ends.close();
    await removeJobs(queue, ranges);
    await forgetEvents(connection, queue.keys.events, run);
    await queue.close();
    await connection.quit().catch(() => {});
  }
}

/**
 * Waits of the poll that end early when a job of the queue completes or fails, heard on the
 * queue's events stream (a blocking read, on a connection of its own): the run's last job is
 * read as it ends, not up to POLL_MS later. An event missed costs at most POLL_MS.
 */
async function jobEnds(queue: Queue<RangeJob, string>, connection: Redis) {
  const blocking = connection.duplicate();
  const events = new QueueEvents(queue.name, { connection: blocking });
  let wake = () => {};
  events.on('completed', () => wake());
  events.on('failed', () => wake());
  events.on('error', () => {}); // the poll still runs; a lost Redis fails it
  await events.waitUntilReady();
  return {
    next: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    close: async () => {
      await events.close().catch(() => {});
      blocking.disconnect();
    },
  };
}

/** What a poll reads of a range's job (never its data, the scenario): gone, or where it stands. */
type RangeState = null | {
  finishedOn: string | null;
  failedReason: string | null;
  attemptsMade: number;
  progress: number;
  returnvalue: string | null;
};

/** The state of each range's job, in one round trip. */
async function rangeStates(queue: Queue<RangeJob, string>, connection: Redis, ids: string[]): Promise<RangeState[]> {
  const pipeline = connection.pipeline();
  // The job hash's fields as BullMQ (6.x) writes them; attempts made are `atm` (`attemptsMade` in older jobs).
  for (const id of ids)
    pipeline.hmget(queue.toKey(id), 'timestamp', 'finishedOn', 'failedReason', 'atm', 'attemptsMade', 'progress', 'returnvalue');
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, fields]) => {
    if (error) throw error;
    const [timestamp, finishedOn, failedReason, atm, attemptsMade, progress, returnvalue] = fields as (string | null)[];
    if (timestamp === null) return null;
    return {
      finishedOn,
      failedReason,
      attemptsMade: Number(attemptsMade ?? atm ?? 0),
      progress: Number(progress) || 0,
      returnvalue,
    };
  });
}

/**
 * A finished job's partial result, from its return value as Redis keeps it (JSON of the
 * result's base64 text); one that cannot be read fails the run naming its range.
 */
function readPart(name: string, returnvalue: string) {
  try {
    return decodePartial(Buffer.from(JSON.parse(returnvalue) as string, 'base64'));
  } catch (error) {
    throw new RunFailed(
      `the result of ${name} in Redis cannot be read (${error instanceof Error ? error.message : String(error)}); run the command again`,
    );
  }
}

/** Waits for every range's job, reporting progress, and returns their partial results; a job failed for good fails the run. */
async function collect(
  queue: Queue<RangeJob, string>,
  connection: Redis,
  ranges: { id: string; from: number; to: number }[],
  R: number,
  options: ClusterOptions,
  wait: () => Promise<void>,
): Promise<NamedPartial[]> {
  const parts: NamedPartial[] = [];
  const pending = new Set(ranges);
  let done = 0;
  let workers: number | undefined;
  let counted = 0;
  while (pending.size > 0) {
    if (options.signal?.aborted) throw new SimulationCancelled();
    let running = 0;
    const waiting = [...pending];
    const states = await rangeStates(
      queue,
      connection,
      waiting.map((r) => r.id),
    );
    waiting.forEach((range, i) => {
      const job = states[i];
      if (!job) throw new RunFailed(`the job of replications ${range.from}–${range.to - 1} has gone from Redis`);
      if (job.finishedOn && job.returnvalue) {
        const name = `replications ${range.from}–${range.to - 1}`;
        parts.push({ name, part: readPart(name, job.returnvalue) });
        pending.delete(range);
        done += range.to - range.from;
      } else if (job.finishedOn && job.failedReason) {
        throw new RunFailed(
          `replications ${range.from}–${range.to - 1} failed after ${job.attemptsMade} attempt${job.attemptsMade > 1 ? 's' : ''}: ${job.failedReason}`,
        );
      } else running += job.progress;
    });
    // Workers connected, asked every few polls (one more round trip to Redis).
    if (Date.now() - counted >= WORKERS_EVERY_MS) {
      counted = Date.now();
      workers = await queue.getWorkersCount().catch(() => workers);
    }
    options.onProgress?.(done, R, Math.min(1, (done + running) / R), workers);
    if (pending.size > 0) await wait();
  }
  return parts;
}

/** Flags the run cancelled so workers stop its active jobs, and waits (a while) until they have. */
async function cancel(queue: Queue<RangeJob, string>, connection: Redis, run: string, ranges: { id: string }[]): Promise<void> {
  await connection.set(cancelKey(run), '1', 'PX', CANCEL_WAIT_MS * 2);
  const until = Date.now() + CANCEL_WAIT_MS;
  while (!(await removeJobs(queue, ranges)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  await connection.del(cancelKey(run));
}

/** Removes the run's jobs that are not locked by a worker; true when none is left. */
async function removeJobs(queue: Queue<RangeJob, string>, ranges: { id: string }[]): Promise<boolean> {
  let left = 0;
  for (const { id } of ranges) {
    const removed = await queue.remove(id).catch(() => 0);
    if (removed !== 1 && (await Job.fromId(queue, id).catch(() => undefined))) left++;
  }
  return left === 0;
}

/** Deletes the run's entries from the queue's events stream (shared by all runs), so nothing of the run stays in Redis. */
async function forgetEvents(connection: Redis, stream: string, run: string): Promise<void> {
  const entries = await connection.xrange(stream, '-', '+').catch(() => []);
  const ours = entries.filter(([, fields]) =>
    fields.some((f, i) => i % 2 === 1 && fields[i - 1] === 'jobId' && f.startsWith(`${run}.`)),
  );
  if (ours.length > 0) await connection.xdel(stream, ...ours.map(([id]) => id)).catch(() => 0);
}
