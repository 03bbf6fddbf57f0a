/** Seconds or minutes, as a person reads a wait: "8 s", "3 min", "2 h 05 min". */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 90 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/**
 * How far a run is, after `elapsedMs`: the share done, replications folded, the `wfm worker`
 * processes connected (a cluster run), and the time left at the pace so far (shown once 2 % is
 * done, when the pace means something).
 */
export function progressLine(done: number, total: number, fraction: number, elapsedMs: number, workers?: number): string {
  const parts = [`${(fraction * 100).toFixed(0).padStart(3)} %`, `${done}/${total} replications`];
  if (workers !== undefined) parts.push(`${workers} worker${workers === 1 ? '' : 's'} connected`);
  if (fraction >= 0.02 && fraction < 1) parts.push(`ETA ${duration((elapsedMs * (1 - fraction)) / fraction)}`);
  return parts.join(', ');
}
