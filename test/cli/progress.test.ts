import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress';
import { wfm } from './run';

describe('the progress line', () => {
  it('gives the share, the replications, the workers connected on a cluster, and the time left at the pace so far', () => {
    expect(progressLine(3, 30, 0.25, 10_000)).toBe(' 25 %, 3/30 replications, ETA 30 s');
    expect(progressLine(3, 30, 0.25, 10_000, 4)).toBe(' 25 %, 3/30 replications, 4 workers connected, ETA 30 s');
    expect(progressLine(0, 30, 0.1, 60_000, 1)).toBe(' 10 %, 0/30 replications, 1 worker connected, ETA 9 min');
    expect(progressLine(0, 1000, 0.02, 180_000)).toBe('  2 %, 0/1000 replications, ETA 2 h 27 min');
    // No ETA before the pace means something, nor once the run is done.
    expect(progressLine(0, 30, 0.01, 1_000)).toBe('  1 %, 0/30 replications');
    expect(progressLine(30, 30, 1, 20_000)).toBe('100 %, 30/30 replications');
  });

  it('wfm simulate --progress on a pipe prints plain lines with the ETA', () => {
    const r = wfm([
      'simulate',
      new URL('../../scenarios/christmas-eve.json', import.meta.url).pathname,
      '--replications',
      '150',
      '--workers',
      '1',
      '--progress',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^simulating: \d+ %, \d+\/150 replications(, ETA [\d.]+ (s|min))?, \d+ s$/);
    expect(lines.at(-1)).toMatch(/^simulating: 100 %, 150\/150 replications, \d+ s$/);
  });
});
