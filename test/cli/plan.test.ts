import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;

describe('wfm plan / validate / schema', () => {
  it('prints the plan as a table with units, definitions and the day row', () => {
    const r = wfm(['plan', scenario('christmas-eve.json')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Christmas Eve — retail hotline');
    expect(lines[1]).toMatch(/^Verdict \(analytic plan\): Misses SL 80\/20, Answer rate\.$/);
    expect(r.stdout).toMatch(
      /^Short in 20 of 96 intervals; worst 17:30, 252 agents below the Erlang A requirement; 694 agent-hours short/m,
    );
    const header = lines.findIndex((l) => l.startsWith('Start '));
    expect(lines[header]).toMatch(
      /^Start\s+Calls\s+Blocked\s+Self-served\s+To agents\s+Callbacks\s+Agents\s+Req\. C\s+Req\. A\s+Net\s+SL\s+Answer rate\s+ASA\s+Occupancy$/,
    );
    expect(lines.filter((l) => /^\d\d:\d\d /.test(l))).toHaveLength(96);
    expect(r.stdout).toMatch(/^day\s+[\d,]+/m);
    expect(r.stdout).toContain('SL = answered within 20 s ÷ (answered + abandoned)');
  });

  it('gives the plan as JSON with every interval and the totals', () => {
    const out = JSON.parse(wfm(['plan', scenario('tax-deadline-callbacks.json'), '--json']).stdout);
    expect(out.intervals).toHaveLength(24);
    expect(out.intervals[0]).toMatchObject({ start: '08:00' });
    // one vocabulary: calls are first attempts + redials here as in simulate --json
    for (const x of out.intervals) expect(x.calls).toBeCloseTo(x.firstAttempts + x.redials, 6);
    for (const field of [
      'calls',
      'blocked',
      'contained',
      'toAgents',
      'callbacksRequested',
      'answered',
      'abandoned',
      'requiredAgentsErlangA',
      'requiredAgentsErlangC',
      'serviceLevel',
      'asaSeconds',
    ]) {
      expect(out.intervals[5]).toHaveProperty(field);
    }
    expect(out.day.callbacksRequested).toBeGreaterThan(0);
    expect(out.day.paidHours).toBeGreaterThan(0);
    expect(out.notes.length).toBeGreaterThan(0);
  });

  it('carries the day’s cost in its JSON day record and its CSV and XLSX day row, as the text prints it', () => {
    const json = JSON.parse(wfm(['plan', scenario('christmas-eve.json'), '--json']).stdout);
    expect(json.day.cost).toBeCloseTo(json.cost.total, 9);
    expect(json.day.costPerAnsweredCall).toBeCloseTo(json.cost.perAnsweredCall, 9);
    expect(json.intervals[0].cost).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-cost-'));
    const csv = join(dir, 'plan.csv');
    const text = wfm(['plan', scenario('christmas-eve.json'), '--out', csv]).stdout;
    const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    const header = rows[0].split(',');
    const day = rows[rows.length - 1].split(',');
    expect(day[0]).toBe('day');
    const total = Number(day[header.indexOf('cost')]);
    expect(total).toBeCloseTo(json.cost.total, 6);
    expect(text).toContain(`Cost: ${total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`);
    const xlsx = join(dir, 'plan.xlsx');
    expect(wfm(['plan', scenario('christmas-eve.json'), '--out', xlsx]).code).toBe(0);
    const sheet = new TextDecoder().decode(unzipSync(readFileSync(xlsx))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('Cost (EUR)');
  });

  it('validates a good file and lists every error of a bad one, exit 2', () => {
    expect(wfm(['validate', scenario('normal-weekday.json')]).stdout).toMatch(
      /valid — "Normal weekday — retail hotline", 96 intervals of 15 min/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'wfm-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schema: 1,
        name: 'bad',
        day: { date: '2026-12-24', open: '08:00', close: '09:00' },
        demand: { calls: [1, -2] },
        ahtSeconds: 0,
        staffing: { agents: 3 },
        extra: 1,
      }),
    );
    for (const command of ['validate', 'plan']) {
      const r = wfm([command, bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('3 errors');
      expect(r.stderr).toContain('demand.calls[1]: must be a number from 0 to 1000000 (calls), got -2');
      expect(r.stderr).toContain('ahtSeconds: must be a number from 1 to 86400 (s), got 0');
      expect(r.stderr).toContain('extra: unknown field');
    }
    expect(wfm(['plan', join(dir, 'missing.json')]).stderr).toMatch(
      /missing\.json: cannot read a scenario JSON file \(no such file\)/,
    );
    expect(wfm(['plan']).code).toBe(2);
  });

  it('prints the JSON Schema', () => {
    const schema = JSON.parse(wfm(['schema']).stdout);
    expect(schema.title).toBe('WFM peak-day scenario');
  });
});
