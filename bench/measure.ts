/**
 * Every bench figure carries its CPU time, wall time and the machine's load
 * average, so figures from different machines (or a busy one) can be compared.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  wallMs: number;
  /** CPU of this process (all its threads) plus any child processes it waited for, ms */
  cpuMs: number;
  /** 1-minute load average when the figure was taken */
  loadAverage1m: number;
}

/** CPU time of waited-for child processes (Linux /proc; 0 elsewhere, where children are not counted). */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[13], fields[14] are cutime, cstime (fields 16, 17 of proc(5)) in clock ticks (100 Hz on Linux)
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000 + childrenCpuMs();
}

function round(x: number): number {
  return Number(x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0));
}

/** Times `work` once. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; timing: Timing }> {
  const wall0 = performance.now();
  const cpu0 = cpuNowMs();
  const value = await work();
  const timing = {
    wallMs: round(performance.now() - wall0),
    cpuMs: round(cpuNowMs() - cpu0),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
  return { value, timing };
}

/** Runs `work` repeatedly for at least `seconds` of wall time; the rate per wall second and per CPU second. */
export function rate(work: () => void, seconds = 0.3) {
  let calls = 0;
  const wall0 = performance.now();
  const cpu0 = cpuNowMs();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    work();
    calls++;
    elapsed = performance.now() - wall0;
  }
  const cpuMs = cpuNowMs() - cpu0;
  return {
    perSecond: Math.round(calls / (elapsed / 1000)),
    perCpuSecond: Math.round(calls / (cpuMs / 1000)),
    timing: { wallMs: round(elapsed), cpuMs: round(cpuMs), loadAverage1m: Number(loadavg()[0].toFixed(2)) },
  };
}
