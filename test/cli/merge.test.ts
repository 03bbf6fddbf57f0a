import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePartial, encodePartial } from '../../src/sim/partial';
import { SHORT_DAY } from '../sim/shortDay';
import { wfm } from './run';

const dir = mkdtempSync(join(tmpdir(), 'wfm-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A short day, so that 40 shards stay quick. */
const scenario = join(dir, 'short-day.json');
writeFileSync(scenario, JSON.stringify({ ...SHORT_DAY, simulation: { replications: 40, seed: 3 } }));

/** Runs shard k of n and returns its path. */
function shard(k: number, n: number, args: string[] = [], name = `n${n}-${k}.wfmpart`): string {
  const out = join(dir, name);
  const r = wfm(['simulate', scenario, '--shard', `${k}/${n}`, '--out', out, '--workers', '1', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  return out;
}
const shards = (n: number, args: string[] = []) => Array.from({ length: n }, (_, k) => shard(k, n, args));

describe('wfm simulate --shard and wfm merge', () => {
  const local = wfm(['simulate', scenario, '--json']).stdout;
  const table = wfm(['simulate', scenario]).stdout;
  const three = shards(3);

  it.each([3, 1, 7, 40])('merges %i shards into the bytes of one local run, JSON and table alike', (n) => {
    const parts = n === 3 ? three : shards(n);
    const merged = wfm(['merge', ...[...parts].reverse(), '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(local);
    if (n === 7) expect(wfm(['merge', ...parts]).stdout).toBe(table);
  });

  it('writes the same report file as a local run', () => {
    const csv = join(dir, 'merged.csv');
    const localCsv = join(dir, 'local.csv');
    wfm(['simulate', scenario, '--out', localCsv]);
    expect(wfm(['merge', ...three, '--out', csv]).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(localCsv, 'utf8'));
  });

  const refuses = (args: string[], message: RegExp) => {
    const r = wfm(['merge', ...args, '--json']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  };

  it('refuses a missing range and an overlapping one, naming the part', () => {
    refuses([three[0], three[2]], /^wfm merge: replications 13–25 are in no part \(the next part is .*n3-2\.wfmpart\)$/m);
    refuses([three[0], three[1]], /^wfm merge: replications 26–39 of 40 are in no part$/m);
    const overlapping = shard(1, 2, [], 'half-1.wfmpart'); // replications 20–39
    refuses(
      [...three, overlapping],
      /^wfm merge: .*half-1\.wfmpart: replications 20–39 overlap those of .*n3-1\.wfmpart \(up to 25\)$/m,
    );
  });

  it('refuses parts of another scenario, seed or run size', () => {
    const other = join(dir, 'other-day.json');
    writeFileSync(other, readFileSync(scenario, 'utf8').replace('"agents":40', '"agents":39'));
    const out = join(dir, 'other.wfmpart');
    expect(wfm(['simulate', other, '--shard', '2/3', '--out', out, '--workers', '1']).code).toBe(0);
    refuses(
      [three[0], three[1], out],
      /^wfm merge: .*other\.wfmpart: a part of another scenario \("Short day"\) than .*n3-0\.wfmpart/m,
    );
    const seeded = shard(2, 3, ['--seed', '4'], 'seed4.wfmpart');
    refuses([three[0], three[1], seeded], /^wfm merge: .*seed4\.wfmpart: seed 4, but .*n3-0\.wfmpart has seed 3$/m);
    const longer = shard(2, 3, ['--replications', '41'], 'r41.wfmpart');
    refuses(
      [three[0], three[1], longer],
      /^wfm merge: .*r41\.wfmpart: a run of 41 replications, but .*n3-0\.wfmpart is one of 40$/m,
    );
  });

  it('refuses a part of another engine build', () => {
    const part = decodePartial(readFileSync(three[2]));
    const foreign = join(dir, 'arm.wfmpart');
    writeFileSync(foreign, encodePartial({ ...part, engine: { ...part.engine, arch: 'arm64' } }));
    refuses(
      [three[0], three[1], foreign],
      /^wfm merge: .*arm\.wfmpart: computed by another engine build \(.*arm64\) than .*n3-0\.wfmpart/m,
    );
  });

  it('refuses a truncated or corrupt part, and a file that is not one', () => {
    const bytes = readFileSync(three[1]);
    const truncated = join(dir, 'truncated.wfmpart');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    refuses([three[0], truncated, three[2]], /^wfm merge: .*truncated\.wfmpart: truncated \(the file ends early\)$/m);
    const corrupt = join(dir, 'corrupt.wfmpart');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 50] ^= 1;
    writeFileSync(corrupt, flipped);
    refuses(
      [three[0], corrupt, three[2]],
      /^wfm merge: .*corrupt\.wfmpart: corrupt \(its checksum does not match its content\)$/m,
    );
    refuses([three[0], scenario], /^wfm merge: .*short-day\.json: not a wfm partial result \(\.wfmpart\)$/m);
    refuses(
      [join(dir, 'none.wfmpart')],
      /^wfm merge: .*none\.wfmpart: cannot read a partial result \(\.wfmpart\) \(no such file\)$/m,
    );
    refuses([], /^wfm merge: PART\.wfmpart: give the parts to merge/m);
  });

  it('checks --shard and --redis before simulating', () => {
    for (const [args, message] of [
      [
        ['--shard', '3/3', '--out', join(dir, 'x.wfmpart')],
        /--shard: must be k\/n with n from 1 to 100000 and k from 0 to n − 1, got "3\/3"/,
      ],
      [['--shard', '1/3'], /--shard: give --out PART\.wfmpart/],
      [['--shard', '0/3', '--out', join(dir, 'x.csv')], /--out: must end in \.wfmpart/],
      [
        ['--shard', '0/3', '--out', join(dir, 'x.wfmpart'), '--json'],
        /--json: a shard prints nothing; wfm merge --json prints the run/,
      ],
      // A URL that cannot be one is named (its password hidden) before any connection; an empty one is no URL.
      ...['redis://127.0.0.1:99999', 'redis://127.0.0.1:abc', 'redis://127.0.0.1:6379/x'].map(
        (url) =>
          [
            ['--redis', url],
            new RegExp(`^wfm simulate: --redis: must be a redis:// or rediss:// URL .*, got "${url}"$`, 'm'),
          ] as const,
      ),
      [['--redis', 'redis://:secret@[::1'], /--redis: must be a redis:\/\/ or rediss:\/\/ URL .*, got "redis:\/\/\[::1"$/m],
      [['--redis', ''], /--redis: needs a value/],
      [['--chunk', '2'], /--chunk: only with --redis/],
    ] as const) {
      const r = wfm(['simulate', scenario, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
