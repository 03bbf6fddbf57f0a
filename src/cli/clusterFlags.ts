import type { Simulate } from '../plan/staffToTarget';
import { type CommandSpec, numberFlag, onlyWith, type ParsedFlags } from './flags';

/**
 * `--redis URL [--chunk N]` of a command whose simulations may run on the cluster: refused
 * (exit 2) unless the command simulates, which `needs` names (`--check`, `--by simulation`).
 */
export function clusterFlags(flags: ParsedFlags, spec: Pick<CommandSpec, 'flags'>, simulates: boolean, needs: string) {
  const redis = flags.values.get('redis');
  const chunk = numberFlag(flags, spec, 'chunk');
  onlyWith(flags, ['redis', 'chunk'], simulates, needs);
  onlyWith(flags, ['chunk'], redis !== undefined, '--redis');
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
