import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { wfm } from './run';

const dir = mkdtempSync(join(tmpdir(), 'wfm-attacks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const good = join(dir, 'good.json');
copyFileSync(new URL('../../scenarios/normal-weekday.json', import.meta.url), good);
const history = file('history.csv', 'time,calls\n2026-01-05 09:00,10\n2026-01-05 09:30,12\n');
const folder = join(dir, 'folder.csv');
mkdirSync(folder);
const huge = join(dir, 'huge.json');
writeFileSync(huge, '');
truncateSync(huge, 300 * 2 ** 20); // sparse: no disk used

/**
 * What a careless or hostile user types, and the one line (exit 2) each must get: never a stack
 * trace, never a partial output on stdout.
 */
const ATTACKS: [string, string[], RegExp][] = [
  ['no command', [], /usage: wfm <command>/],
  ['unknown command', ['plot'], /plot: unknown command \(commands: erlang, plan/],
  ['help for an unknown command', ['help', 'plot'], /plot: unknown command/],
  ['plan without a file', ['plan'], /SCENARIO: give the path of a scenario JSON file/],
  ['a missing file', ['plan', join(dir, 'nope.json')], /nope\.json: cannot read a scenario JSON file \(no such file\)/],
  ['a folder as the scenario', ['plan', dir], /is a folder; give the path of a scenario JSON file/],
  ['a binary file', ['plan', file('binary.json', new Uint8Array([0x7b, 0, 1, 2, 0xff]))], /is a binary file/],
  ['a Latin-1 file', ['validate', file('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]))], /is not UTF-8 text/],
  ['a file over the size limit', ['plan', huge], /300 MB is over the 256 MB limit/],
  ['an empty file', ['plan', file('empty.json', '')], /empty\.json: 1 error/],
  ['truncated JSON', ['plan', file('truncated.json', '{"schema": 1, "name": "x", "day": {')], /truncated\.json: 1 error/],
  ['JSON null', ['validate', file('null.json', 'null')], /null\.json: \d+ errors?/],
  ['a JSON array', ['plan', file('array.json', '[1, 2]')], /array\.json: \d+ errors?/],
  ['two scenario files', ['plan', good, good], /unexpected argument \(wfm plan takes SCENARIO\)/],
  ['an unknown flag', ['plan', good, '--colour', 'red'], /--colour: unknown flag for wfm plan \(its flags: --out, --json/],
  ['a repeated switch', ['plan', good, '--json', '--json'], /--json: given twice/],
  ['a value for a switch', ['plan', good, '--json=yes'], /--json: takes no value/],
  ['a missing value', ['simulate', good, '--replications'], /--replications: needs a value \(a whole number from 1 to 10000\)/],
  ['a flag as a value', ['simulate', good, '--seed', '--json'], /--seed: needs a value/],
  [
    'hexadecimal',
    ['simulate', good, '--replications', '0x10'],
    /--replications: must be a whole number from 1 to 10000, got "0x10"/,
  ],
  ['a leading space', ['simulate', good, '--replications', ' 2'], /--replications: must be a whole number .*got " 2"/],
  ['an overflowing number', ['simulate', good, '--replications', '1e999'], /got "1e999"/],
  ['zero replications', ['simulate', good, '--replications', '0'], /--replications: must be a whole number from 1/],
  ['a fraction of a replication', ['simulate', good, '--replications', '1.5'], /got "1\.5"/],
  ['an empty value', ['simulate', good, '--replications='], /--replications: needs a value \(a whole number from 1 to/],
  ['a negative seed', ['simulate', good, '--seed', '-1'], /--seed: must be a whole number from 0 to 4294967295/],
  ['no workers', ['simulate', good, '--workers', '0'], /--workers: must be a whole number from 1 to 256/],
  ['Infinity', ['simulate', good, '--workers', 'Infinity'], /--workers: must be a whole number/],
  [
    'an output type the roster has not',
    ['schedule', good, '--out', join(dir, 'roster.pdf')],
    /--out: must end in \.csv, \.xlsx, \.ics/,
  ],
  [
    'a missing output folder',
    ['schedule', good, '--out', join(dir, 'no', 'such', 'roster.csv')],
    /--out: cannot write into .*no such file/,
  ],
  ['a folder as the output', ['schedule', good, '--out', folder], /--out: .*folder\.csv is a folder; give a file name/],
  ['check steps out of range', ['schedule', good, '--check-steps', '999'], /--check-steps: must be a whole number from 1 to 50/],
  ['forecast without history', ['forecast'], /HISTORY: give a CSV/],
  ['an impossible date', ['forecast', history, '--day', '2026-13-45'], /--day: must be a date YYYY-MM-DD, got "2026-13-45"/],
  ['February 30', ['forecast', history, '--day', '2026-02-30'], /--day: must be a date/],
  [
    'a forecast output in a missing folder',
    ['forecast', history, '--day', '2026-01-12', '--scenario', good, '--out', join(dir, 'no', 'f.json')],
    /--out: cannot write into/,
  ],
  [
    'a malformed --scenario',
    ['forecast', history, '--day', '2026-01-12', '--scenario', file('bad.json', '{"schema": 1,')],
    /--scenario: .*bad\.json is not valid JSON|not enough history/,
  ],
  [
    'risk out of range',
    ['forecast', history, '--day', '2026-01-12', '--risk', '0'],
    /--risk: must be a whole number from 1 to 10000/,
  ],
  ['convert of an unknown format', ['convert', 'csv', history], /FORMAT: must be rfssa/],
  ['convert of the wrong file', ['convert', 'rfssa', good], /not the rfssa 6-minute series/],
  ['convert of a file that is not gzip', ['convert', 'rfssa', file('fake.csv.gz', 'calls,u,Date\n')], /not a valid gzip file/],
  [
    'erlang with an overflowing number',
    ['erlang', '--calls', '1e999', '--interval', '1800', '--aht', '180', '--agents', '14'],
    /--calls: must be a number/,
  ],
  [
    'erlang with hexadecimal',
    ['erlang', '--calls', '0x10', '--interval', '1800', '--aht', '180', '--agents', '14'],
    /--calls: must be a number .*got "0x10"/,
  ],
  ['erlang with flags and --batch', ['erlang', '--batch', '--calls', '10'], /--batch: takes every field from the JSON lines/],
  ['schema with an argument', ['schema', 'x'], /x: unexpected argument \(wfm schema takes no arguments\)/],
];

describe('wfm never shows a stack trace', () => {
  it.each(ATTACKS)('%s: exit 2 and a line naming the input', (_, args, message) => {
    const r = wfm(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
    // one line, except a scenario's own validation errors, which are listed one per line under it
    if (!/\d+ errors?\n/.test(r.stderr) && !/^usage:/.test(r.stderr)) expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers bad --batch lines with an error line each and keeps going', () => {
    const lines = [
      '{"calls": 100, "intervalSeconds": 1800, "ahtSeconds": 180, "agents": 14}',
      'not json',
      '{"calls": 1e999}',
      'null',
      '[]',
    ];
    const r = wfm(['erlang', '--batch'], lines.join('\n'));
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].serviceLevel).toBeCloseTo(0.88835, 5);
    for (const answer of out.slice(1)) expect(answer.error).toMatch(/./);
  });

  it('reads a gzipped scenario like any other', () => {
    const zipped = file('good.json.gz', gzipSync(readFileSync(good)));
    expect(wfm(['validate', zipped])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('wfm help', () => {
  it('lists every command, and for each its flags with unit, default, range and an example', () => {
    const all = wfm(['help']);
    expect(all.code).toBe(0);
    const commands = [...all.stdout.matchAll(/^ {2}(\w+) {2,}/gm)].map((m) => m[1]);
    expect(commands).toEqual([
      'erlang',
      'plan',
      'simulate',
      'sweep',
      'worker',
      'merge',
      'compare',
      'staff',
      'schedule',
      'roster',
      'forecast',
      'convert',
      'validate',
      'schema',
    ]);
    for (const command of commands) {
      const help = wfm(['help', command]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: wfm ${command}`));
      expect(help.stdout).toMatch(/example:\n {2}wfm /);
      expect(wfm([command, '--help']).stdout).toBe(help.stdout);
    }
    const simulate = wfm(['help', 'simulate']).stdout;
    expect(simulate).toMatch(
      /--replications N\n.*\n\s+allowed: a whole number from 1 to 10000; default: the scenario's simulation\.replications/,
    );
    expect(wfm(['help', 'erlang']).stdout).toMatch(/--aht X\n.*\n\s+allowed: a number above 0 and at most 86400 \(s\)/);
  });

  it('prints the usage on stderr with exit 2 when bare, and the version with --version', () => {
    const bare = wfm([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^usage: wfm <command>/);
    expect(wfm(['--version']).stdout).toMatch(/^wfm \d+\.\d+\.\d+\n$/);
  });
});
