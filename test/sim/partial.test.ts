import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario';
import { COUNTERS, type Counts, simulateDay, simulateReplication } from '../../src/sim';
import { crc32 } from '../../src/sim/crc32';
import {
  canonicalJson,
  decodePartial,
  type EngineFingerprint,
  encodePartial,
  mergePartials,
  type PartialResult,
} from '../../src/sim/partial';
import { shortDay } from './shortDay';

const R = 9;

const scenario = (seed = 5) => shortDay({ simulation: { replications: R, seed } });

const engine: EngineFingerprint = { version: '0.1.0', bundle: 'b'.repeat(64), v8: '11.3', arch: 'x64' };
const s = scenario();
const counts = Array.from({ length: R }, (_, r) => simulateReplication(s, r));

const part = (from: number, to: number, over: Partial<PartialResult> = {}): PartialResult => ({
  engine,
  scenarioKey: 'key',
  scenario: s,
  from,
  to,
  counts: counts.slice(from, to),
  ...over,
});

/** Cut points that split 0 … R into consecutive ranges (empty ones included). */
const splits = fc.array(fc.integer({ min: 0, max: R }), { maxLength: 12 }).map((cuts) => [0, ...cuts.sort((a, b) => a - b), R]);

describe('partial results', () => {
  it('checksums with CRC-32 as gzip does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('round-trips every counter bit for bit, −0 and NaN included', () => {
    const odd: Counts = Object.fromEntries(
      COUNTERS.map((k) => [k, Float64Array.from([-0, Number.NaN, 2 ** -1074, 1e308])]),
    ) as Counts;
    const four = parseScenario({ ...s, demand: { calls: [1, 2, 3, 4] } });
    if (!four.ok) throw new Error('scenario');
    const back = decodePartial(encodePartial({ ...part(0, 1), scenario: four.scenario, counts: [odd] }));
    expect(Object.is(back.counts[0].calls[0], -0)).toBe(true);
    for (const k of COUNTERS) expect(new Uint8Array(back.counts[0][k].buffer)).toEqual(new Uint8Array(odd[k].buffer));
    const whole = decodePartial(encodePartial(part(2, 7)));
    expect(whole.counts).toEqual(counts.slice(2, 7));
    expect({ ...whole, counts: [] }).toEqual({ ...part(2, 7), counts: [] });
  });

  it('merges any split of the replications into exactly the figures of one run, in any order of parts', () => {
    const local = simulateDay(s);
    fc.assert(
      fc.property(splits, fc.boolean(), (cuts, reverse) => {
        const parts = cuts.slice(1).map((to, i) => ({ name: `p${i}`, part: decodePartial(encodePartial(part(cuts[i], to))) }));
        if (reverse) parts.reverse();
        expect(mergePartials(parts).result).toEqual(local);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses parts that do not tile 0 … R − 1 exactly once, naming the part', () => {
    const merge =
      (...ranges: [number, number][]) =>
      () =>
        mergePartials(ranges.map(([from, to], i) => ({ name: `p${i}.wfmpart`, part: part(from, to) })));
    expect(merge([0, 3], [5, 9])).toThrow('replications 3–4 are in no part (the next part is p1.wfmpart)');
    expect(merge([0, 3], [3, 8])).toThrow('replications 8–8 of 9 are in no part');
    expect(merge([0, 5], [4, 9])).toThrow('p1.wfmpart: replications 4–8 overlap those of p0.wfmpart (up to 4)');
    expect(merge([0, 9], [0, 9])).toThrow(/overlap/);
    expect(merge()).toThrow('no parts to merge');
  });

  it('refuses parts of another engine, scenario, seed or run size', () => {
    const merge = (over: Partial<PartialResult>) => () =>
      mergePartials([
        { name: 'a.wfmpart', part: part(0, 4) },
        { name: 'b.wfmpart', part: part(4, 9, over) },
      ]);
    expect(merge({ engine: { ...engine, v8: '12.4' } })).toThrow(
      /^b\.wfmpart: computed by another engine build \(.*V8 12\.4.*\) than a\.wfmpart/,
    );
    expect(merge({ scenarioKey: 'other' })).toThrow(/^b\.wfmpart: a part of another scenario/);
    expect(merge({ scenario: scenario(6) })).toThrow('b.wfmpart: seed 6, but a.wfmpart has seed 5');
    const bigger = parseScenario({ ...s, simulation: { replications: 10, seed: 5 } });
    if (!bigger.ok) throw new Error('scenario');
    expect(merge({ scenario: bigger.scenario })).toThrow('b.wfmpart: a run of 10 replications, but a.wfmpart is one of 9');
  });

  it('refuses a truncated, altered or foreign file', () => {
    const bytes = encodePartial(part(0, 4));
    expect(() => decodePartial(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
    expect(() => decodePartial(bytes.subarray(0, 40))).toThrow('truncated');
    expect(() => decodePartial(new Uint8Array())).toThrow('not a wfm partial result');
    expect(() => decodePartial(new TextEncoder().encode('{"name": 1}\n'))).toThrow('not a wfm partial result');
    for (const at of [30, 200, bytes.length - 5]) {
      const altered = bytes.slice();
      altered[at] ^= 0x10;
      expect(() => decodePartial(altered)).toThrow('corrupt');
    }
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(() => decodePartial(longer)).toThrow('corrupt');
  });

  it('writes canonical JSON: keys sorted at every depth, arrays kept in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });
});
