import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergePatch } from '../../src/scenario';
import { SHORT_DAY } from '../sim/shortDay';
import { wfm } from './run';

const dir = mkdtempSync(join(tmpdir(), 'wfm-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'base.json'), JSON.stringify(SHORT_DAY));

const variants = [
  { name: 'as planned', patch: {} },
  { name: 'four more agents', patch: { staffing: { agents: 44 } } },
  { name: 'longer calls', patch: { ahtSeconds: 230 } },
];
const sweep = join(dir, 'sweep.json');
writeFileSync(sweep, JSON.stringify({ base: 'base.json', replications: 4, variants }));

/** `wfm simulate --json` of a variant's scenario written to a file of its own. */
function simulateVariant(v: (typeof variants)[number]): string {
  const file = join(dir, `${v.name}.json`);
  const s = mergePatch({ ...SHORT_DAY, simulation: { ...SHORT_DAY.simulation, replications: 4 } }, v.patch) as object;
  writeFileSync(file, JSON.stringify({ ...s, name: v.name }));
  return wfm(['simulate', file, '--json']).stdout;
}

describe('wfm sweep', () => {
  it('prints one line per variant, each exactly wfm simulate --json of its scenario', () => {
    const r = wfm(['sweep', sweep, '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(variants.map(simulateVariant).join(''));
  });

  it('appends to --out and, run again, resumes: variants already written are skipped', () => {
    const out = join(dir, 'results.jsonl');
    const first = variants.slice(0, 2);
    writeFileSync(join(dir, 'first.json'), JSON.stringify({ base: 'base.json', replications: 4, variants: first }));
    expect(wfm(['sweep', join(dir, 'first.json'), '--out', out]).code).toBe(0);
    const lines = readFileSync(out, 'utf8');
    writeFileSync(out, `${lines}{"name": "cut off mid-wr`); // an interrupted write
    expect(wfm(['sweep', sweep, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(lines + simulateVariant(variants[2]));
    // The same names asked with other replications: the lines there are not their results, so the run is refused.
    const more = join(dir, 'more.json');
    writeFileSync(more, JSON.stringify({ base: 'base.json', replications: 6, variants }));
    const refused = wfm(['sweep', more, '--out', out]);
    expect([refused.code, refused.stderr.trim()]).toEqual([
      2,
      `wfm sweep: --out: ${out} line 1 holds variant "as planned" of 4 replications with seed 5; this sweep asks 6 with seed 5: give another file, or remove that line to run it again`,
    ]);
    // A variant whose patch changed under the same name: its line is of another scenario, refused too.
    const changed = join(dir, 'changed.json');
    const edited = variants.map((v) => (v.name === 'longer calls' ? { ...v, patch: { ahtSeconds: 260 } } : v));
    writeFileSync(changed, JSON.stringify({ base: 'base.json', replications: 4, variants: edited }));
    const stale = wfm(['sweep', changed, '--out', out]);
    expect([stale.code, stale.stderr.trim()]).toEqual([
      2,
      `wfm sweep: --out: ${out} line 3 holds variant "longer calls" of another scenario (its patch or the base has changed since that line was written): give another file, or remove that line to run it again`,
    ]);
    expect(readFileSync(out, 'utf8')).toBe(lines + simulateVariant(variants[2]));
    // A line of JSON that is no sweep result is refused too, not appended to.
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, '{"a":1}\n');
    expect(wfm(['sweep', sweep, '--out', other]).stderr.trim()).toBe(
      `wfm sweep: --out: ${other} line 1 is not a result of wfm sweep; give another file`,
    );
    expect(readFileSync(other, 'utf8')).toBe('{"a":1}\n');
  });

  it('refuses, before any variant runs, a variant estimated over --max-calls, naming it and the flag', () => {
    const out = join(dir, 'refused.jsonl');
    const r = wfm(['sweep', sweep, '--max-calls', '1000', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^wfm sweep: variant "as planned" would simulate up to about [\d,]+ calls \([\d,]+ a replication × 4 replications\), over the limit of 1,000: run fewer replications, or raise the limit with --max-calls \d+\n$/,
    );
    expect(() => readFileSync(out)).toThrow(); // nothing ran, nothing was written
    const raised = r.stderr.match(/--max-calls (\d+)$/m)?.[1] ?? '';
    expect(wfm(['sweep', sweep, '--max-calls', raised]).code).toBe(0);
  });

  it('names the field of a bad sweep file', () => {
    const bad = (content: object, message: RegExp) => {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(content));
      const r = wfm(['sweep', join(dir, 'bad.json')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    };
    bad({ base: 'base.json', variants: [] }, /bad\.json: variants: must be a list of 1 to 10000/);
    bad(
      {
        base: 'base.json',
        variants: [
          { name: 'a', patch: {} },
          { name: 'a', patch: {} },
        ],
      },
      /variants\[1\]\.name: "a" is the name of an earlier variant/,
    );
    bad(
      { base: 'base.json', variants: [{ name: 'a', patch: { ahtSeconds: -1 } }] },
      /variants\[0\]: the variant's scenario is not valid: ahtSeconds/,
    );
    bad(
      { base: 'none.json', variants: [{ name: 'a', patch: {} }] },
      /none\.json: cannot read the base scenario \(no such file\)/,
    );
    bad(
      { base: 'base.json', replications: 0, variants: [{ name: 'a', patch: {} }] },
      /replications: must be a whole number from 1 to 10000/,
    );
    bad({ base: 'base.json', variant: [] }, /variant: unknown field/);
  });
});
