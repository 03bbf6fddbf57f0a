import type { Simulate } from '../plan/staffToTarget';
import { type CommandSpec, numberFlag, type ParsedFlags, UsageError } from './flags';

/**
 * `--redis URL [--chunk N]` of a command whose simulations may run on the cluster: refused
 * (exit 2) unless the command simulates, which `needs` names (`--check`, `--by simulation`).
 */
export function clusterFlags(flags: ParsedFlags, spec: Pick<CommandSpec, 'flags'>, simulates: boolean, needs: string) {
  const redis = flags.values.get('redis');
  const chunk = numberFlag(flags, spec, 'chunk');
  if (!simulates)
    for (const flag of ['redis', 'chunk']) if (flags.values.has(flag)) throw new UsageError(`--${flag}: only with ${needs}`);
  if (chunk !== undefined && redis === undefined) throw new UsageError('--chunk: only with --redis');
  return { redis, chunk };
}

/** A search's or a check's Simulate on the cluster at `redis`: `signal` cancels its runs everywhere. */
export async function clusterSimulate(
  command: string,
  redis: string,
  chunk: number | undefined,
  signal: AbortSignal,
): Promise<Simulate> {
  const { onCluster } = await import('./clusterRun');
  return onCluster(redis, { chunk, signal, warn: (line) => process.stderr.write(`wfm ${command}: ${line}\n`) });
}
