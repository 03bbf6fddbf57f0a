import { describe, expect, it } from 'vitest';
import { applyVolumes, formatScenarioError, guessMapping, parseCsv, parseScenario, readVolumes } from '../../src/scenario';

const minimal = {
  schema: 1,
  name: 'import',
  day: { date: '2026-12-24', open: '08:00', close: '09:00' },
  demand: { calls: [10, 20] },
  ahtSeconds: 180,
  staffing: { agents: [5, 6] },
};

describe('interval volumes from CSV', () => {
  it('parses quoted cells, CRLF and semicolons', () => {
    expect(parseCsv('a,b\r\n"x, ""y""",2\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
    expect(parseCsv('time;calls\n08:00;12,5\n')).toEqual([
      ['time', 'calls'],
      ['08:00', '12,5'],
    ]);
  });

  it('guesses the columns from their names and turns the rows into the scenario day', () => {
    const rows = parseCsv(
      'Interval start,Offered calls,AHT (s),Agents\n2026-12-24 08:00,120,200,14\n2026-12-24 08:30,180,210,18\n2026-12-24 09:00,150,190,16\n',
    );
    const mapping = guessMapping(rows[0]);
    expect(mapping).toEqual({ time: 0, calls: 1, ahtSeconds: 2, agents: 3 });
    const v = readVolumes(rows, mapping);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    expect(v).toMatchObject({ intervalMinutes: 30, open: '08:00', close: '09:30' });
    const applied = applyVolumes(minimal, v);
    if (!applied.ok) throw new Error(applied.errors.join('\n'));
    const parsed = parseScenario(applied.raw);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    expect(parsed.scenario.demand).toEqual({ calls: [120, 180, 150] });
    expect(parsed.scenario.ahtSeconds).toEqual([200, 210, 190]);
    expect(parsed.scenario.staffing.agents).toEqual([14, 18, 16]);
  });

  it('keeps the scenario valid when the file has calls only', () => {
    const v = readVolumes(parseCsv('time,calls\n10:00,50\n10:15,60\n10:30,70\n10:45,80\n'), {
      time: 0,
      calls: 1,
      ahtSeconds: -1,
      agents: -1,
    });
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const applied = applyVolumes(minimal, v);
    if (!applied.ok) throw new Error(applied.errors.join('\n'));
    const parsed = parseScenario(applied.raw);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    // The 08:00–09:00 staffing moves to 10:00–11:00 by the re-gridding rule: the nearest interval's agents.
    expect(parsed.scenario.staffing.agents).toEqual([6, 6, 6, 6]);
    expect(parsed.scenario.intervalMinutes).toBe(15);
  });

  it('reads "1,200" in a semicolon file as twelve hundred calls, "12,5" as 12.5 s, and refuses hex', () => {
    const v = readVolumes(parseCsv('time;calls;aht\n08:00;1,200;12,5\n08:30;"1,500.5";180\n'), {
      time: 0,
      calls: 1,
      ahtSeconds: 2,
      agents: -1,
    });
    expect(v.ok && v.rows.map((r) => [r.calls, r.ahtSeconds])).toEqual([
      [1200, 12.5],
      [1500.5, 180],
    ]);
    const hex = readVolumes(parseCsv('time,calls\n08:00,0x10\n'), { time: 0, calls: 1, ahtSeconds: -1, agents: -1 });
    expect(hex.ok ? [] : hex.errors).toEqual(['line 2: calls must be a number from 0 to 1000000, got "0x10"']);
  });

  it('reports every bad row with its line and value, and gaps or duplicates in the grid', () => {
    const bad = readVolumes(parseCsv('time,calls\n08:00,10\n08:30,abc\nnoon,5\n09:30,-1\n'), {
      time: 0,
      calls: 1,
      ahtSeconds: -1,
      agents: -1,
    });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'line 3: calls must be a number from 0 to 1000000, got "abc"',
      'line 4: time must be an interval start like 09:30, got "noon"',
      'line 5: calls must be a number from 0 to 1000000, got "-1"',
    ]);
    const gaps = readVolumes(parseCsv('time,calls\n08:00,1\n08:30,1\n09:30,1\n09:30,1\n'), {
      time: 0,
      calls: 1,
      ahtSeconds: -1,
      agents: -1,
    });
    expect(gaps.ok ? [] : gaps.errors).toEqual([
      'line 4: 1 interval(s) missing before 09:30 (expected 09:00)',
      'line 5: 09:30 again (a duplicate of line 4)',
    ]);
    expect(readVolumes([['time', 'calls']], { time: 0, calls: 1, ahtSeconds: -1, agents: -1 })).toEqual({
      ok: false,
      errors: ['the file has a header but no rows'],
    });
    expect(readVolumes([['a']], { time: -1, calls: -1, ahtSeconds: -1, agents: -1 }).ok).toBe(false);
  });
});
