import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { canonicalJson, type EngineFingerprint } from '../sim/partial';
import { UsageError } from './flags';

/**
 * What the coordinator and the workers agree on in Redis. Queue names carry
 * the engine fingerprint, so a worker of another build, V8 or CPU
 * architecture never takes a job (its figures could differ in the last bits).
 */
export const engineTag = (e: EngineFingerprint) => createHash('sha256').update(canonicalJson(e)).digest('hex').slice(0, 16);
export const rangesQueue = (e: EngineFingerprint) => `wfm-${engineTag(e)}-ranges`;
/** Set while a run is cancelled: the workers stop its jobs at their next check. */
export const cancelKey = (run: string) => `wfm:cancelled:${run}`;

/** One range job: the run's scenario (parsed) and replications `from` … `to − 1`. */
export interface RangeJob {
  run: string;
  scenario: unknown;
  from: number;
  to: number;
}

/** Test-only: WFM_TEST_LOCK_MS shortens the job lock (and the stalled check to half of it), so recovery takes seconds. */
export function lockTimes(): { lockDuration: number; stalledInterval: number } {
  const ms = Number(process.env.WFM_TEST_LOCK_MS);
  return Number.isInteger(ms) && ms >= 500
    ? { lockDuration: ms, stalledInterval: ms / 2 }
    : { lockDuration: 60_000, stalledInterval: 30_000 };
}

/**
 * Connects to Redis at `url`, or fails with one line naming it. `persist`
 * keeps reconnecting after a lost connection (a worker waits out a Redis
 * restart); otherwise a lost connection fails the command at once.
 */
export async function connectRedis(url: string, persist: boolean): Promise<Redis> {
  const refused = () =>
    new UsageError(`--redis: must be a redis:// or rediss:// URL (redis://host:6379/0), got ${JSON.stringify(redactUrl(url))}`);
  if (!/^rediss?:\/\//.test(url) || !URL.canParse(url)) throw refused();
  const { pathname } = new URL(url);
  if (!/^(\/\d{0,5})?$/.test(pathname)) throw refused();
  const db = Number(pathname.slice(1) || 0);
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableOfflineQueue: persist,
    retryStrategy: (times) => (persist ? Math.min(times * 200, 5000) : null),
  });
  client.on('error', () => {}); // reported by the command that fails, once
  try {
    await client.connect();
    // A database the server does not have fails here, not later in a worker's log.
    if (db !== 0) await client.select(db);
  } catch (error) {
    client.disconnect();
    throw new UsageError(
      `--redis: cannot connect to ${redactUrl(url)} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return client;
}

/** The URL without its password, for messages. */
export const redactUrl = (url: string) => url.replace(/\/\/([^@/]*:)?[^@/]*@/, '//');
