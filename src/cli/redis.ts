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
  let connected = false;
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableOfflineQueue: persist,
    // Only a connection that was made is made again: a first connect that fails is reported at once.
    retryStrategy: (times) => (persist && connected ? Math.min(times * 200, 5000) : null),
  });
  // Reported by the command that fails, once; the server's own reason (a refused password) comes
  // here, before the connection closes, and connect() itself only says it closed.
  let reason: string | undefined;
  const note = (error: Error) => {
    reason = error.message;
  };
  client.on('error', note);
  try {
    await client.connect();
    // A database the server does not have fails here, not later in a worker's log.
    if (db !== 0) await client.select(db);
  } catch (error) {
    // A connection that has ended already would hold the process for ioredis's disconnect timeout (2 s).
    if (client.status !== 'end') client.disconnect();
    throw new UsageError(`--redis: cannot connect to ${redactUrl(url)} (${connectFailure(reason, error)})`);
  }
  connected = true;
  client.off('error', note);
  client.on('error', () => {});
  return client;
}

/** Why a connection failed, in words that say what to change: the server's reason before the closed connection. */
function connectFailure(reason: string | undefined, error: unknown): string {
  const said = error instanceof Error ? error.message : String(error);
  const message = said === 'Connection is closed.' && reason !== undefined ? reason : said;
  if (/^(WRONGPASS|ERR invalid password)/.test(message))
    return `authentication failed: the server refused the user name or password in the URL (${message.split(' ')[0]})`;
  if (/^NOAUTH/.test(message))
    return `authentication needed: the server asks for a password, given in the URL as redis://:password@host:6379/0 (${message.split(' ')[0]})`;
  return message;
}

/** The URL without its password, for messages. */
export const redactUrl = (url: string) => url.replace(/\/\/([^@/]*:)?[^@/]*@/, '//');
