import type { Scenario } from '../scenario';
import type { Counts } from '../sim';
import { encodePartial } from '../sim/partial';
import { type RangeOptions, runReplications } from '../sim/pool';
import { engineFingerprint, scenarioKey } from './engine';
import { writeOutput } from './files';
import { UsageError } from './flags';
import { spawnNodeWorker } from './nodeWorkers';

/** `--shard k/n`: shard k (0 … n − 1, as Slurm array and Kubernetes completion indices count) of n. */
export function parseShard(text: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || n > 100_000 || k >= n)
    throw new UsageError(`--shard: must be k/n with n from 1 to 100000 and k from 0 to n − 1, got ${JSON.stringify(text)}`);
  return { k, n };
}

/** A shard writes its partial result to --out and prints nothing: `wfm merge` prints the run. */
export function checkShardFlags(shard: string, out: string | undefined, json: boolean, redis: string | undefined): void {
  parseShard(shard);
  if (redis !== undefined) throw new UsageError('--redis: a run on Redis is not a shard; give --redis or --shard');
  if (!out) throw new UsageError('--shard: give --out PART.wfmpart, the file this shard writes for wfm merge');
  if (json) throw new UsageError('--json: a shard prints nothing; wfm merge --json prints the run');
}

/** Shard k of n takes replications ⌊k·R/n⌋ … ⌊(k+1)·R/n⌋ − 1: the shards tile the run, whatever n. */
export function shardRange(k: number, n: number, replications: number) {
  return { from: Math.floor((k * replications) / n), to: Math.floor(((k + 1) * replications) / n) };
}

/** Simulates one shard of the run on the local pool and writes it as a partial result for `wfm merge`. */
export async function writeShard(
  s: Scenario,
  shard: string,
  out: string,
  options: Omit<RangeOptions, 'from' | 'to'>,
): Promise<void> {
  const { k, n } = parseShard(shard);
  const { from, to } = shardRange(k, n, s.simulation.replications);
  const counts: Counts[] = [];
  await runReplications(s, spawnNodeWorker, { ...options, from, to }, (c) => counts.push(c));
  writeOutput(out, encodePartial({ engine: engineFingerprint(), scenarioKey: scenarioKey(s), scenario: s, from, to, counts }));
}
