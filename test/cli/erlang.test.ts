import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const base = ['--calls', '100', '--interval', '1800', '--aht', '180', '--target', '20'];

describe('wfm erlang', () => {
  it('answers one Erlang C case from flags (times named with their unit: asaSeconds)', () => {
    const r = wfm(['erlang', '--model', 'C', ...base, '--agents', '14', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ load: 10, stable: true });
    expect(out.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(out.erlangC).toBeCloseTo(0.174132, 6);
    expect(out.asaSeconds).toBeCloseTo(7.836, 3);
    expect(out.occupancy).toBeCloseTo(0.714286, 6);
    expect(out.erlangB).toBeCloseTo(0.056819, 6);
  });

  it('answers Erlang A with patience', () => {
    const out = JSON.parse(wfm(['erlang', '--model', 'A', ...base, '--agents', '13', '--patience', '300', '--json']).stdout);
    for (const field of ['pWait', 'pAbandon', 'meanQueue', 'meanWaitAllSeconds', 'pServedWithin', 'occupancy']) {
      expect(out).toHaveProperty(field);
    }
    expect(out.pAbandon).toBeCloseTo(0.025, 4);
    expect(out.pServedWithin).toBeCloseTo(0.8582, 4);
  });

  it('prints a readable table with units and the SL definition', () => {
    const r = wfm(['erlang', '--model', 'C', ...base, '--agents', '14']);
    expect(r.stdout).toMatch(/service level\s+88\.84 %/);
    expect(r.stdout).toMatch(/ASA.*7\.84 s/);
    expect(r.stdout).toContain('answered within 20 s ÷ (answered + abandoned)');
  });

  it('staffs for targets when no agents are given, stating the rounding rule', () => {
    const out = JSON.parse(wfm(['erlang', ...base, '--sl', '0.8', '--shrinkage', '0.3', '--json']).stdout);
    expect(out).toMatchObject({
      requiredAgents: 14,
      scheduledAgents: 20,
      schedulingRule: 'scheduled = ⌈required ÷ (1 − shrinkage)⌉',
    });
  });

  it('exits 2 with one line naming the field and its range', () => {
    for (const [args, pattern] of [
      [
        ['--calls', 'abc', '--interval', '1800', '--aht', '180', '--agents', '14'],
        /--calls: must be a number from 0 to 10000000/,
      ],
      [
        ['--calls', '100', '--interval', '1800', '--agents', '14', '--aht', '0'],
        /--aht: must be a number above 0 and at most 86400/,
      ],
      [[...base, '--agents', '14', '--aht', '200'], /--aht: given twice/],
      [['--model', 'A', ...base, '--agents', '13'], /--patience: required/],
      [['--model', 'Z', ...base, '--agents', '13'], /--model: must be one of B, C, A, X/],
      [[...base, '--agents', '14', '--colour', 'red'], /--colour: unknown flag/],
      [[...base], /--agents: required/],
    ] as const) {
      const r = wfm(['erlang', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  });

  it('--batch answers one JSON line per input line, in order, with errors in place', () => {
    const lines = [
      { model: 'C', calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14, targetSeconds: 20 },
      { model: 'C', calls: -5, intervalSeconds: 1800, ahtSeconds: 180, agents: 14, targetSeconds: 20 },
      'not json',
      { model: 'A', calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 12, targetSeconds: 20, patienceSeconds: 300 },
      { model: 'B', calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14 },
    ];
    const input = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
    const r = wfm(['erlang', '--batch'], input);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].serviceLevel).toBeCloseTo(0.88835, 6);
    expect(out[1].error).toMatch(/^calls: must be a number from 0/);
    expect(out[2].error).toMatch(/line 3: not valid JSON/);
    expect(out[3].pServedWithin).toBeCloseTo(0.7723, 4);
    expect(out[4].erlangB).toBeCloseTo(0.056819, 6);
  });

  it('keeps order across many lines read in chunks', () => {
    const input = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ model: 'C', calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 11 + (i % 5), targetSeconds: 20 }),
    ).join('\n');
    const out = wfm(['erlang', '--batch'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3000);
    expect(out.map((o) => o.agents)).toEqual(out.map((_, i) => 11 + (i % 5)));
  });
});
