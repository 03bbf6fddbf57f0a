import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { csvCell, planCsv, simulationCsv, toCsv } from '../../src/report/csv';
import { formatScenarioError, parseScenario } from '../../src/scenario';
import { simulateDay } from '../../src/sim';

describe('CSV export', () => {
  it('neutralises formula injection and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const risky of ['+1', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(risky).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('Christmas Eve, retail')).toBe('"Christmas Eve, retail"');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('writes the plan and the simulation, one row per interval (and the day)', () => {
    const parsed = parseScenario({
      schema: 1,
      name: '=cmd|calc',
      day: { date: '2026-12-24', open: '08:00', close: '09:00' },
      demand: { calls: [100, 200] },
      ahtSeconds: 180,
      staffing: { agents: 20 },
      simulation: { replications: 3 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    const plan = planCsv(parsed.scenario.name, planDay(parsed.scenario)).trim().split('\r\n');
    expect(plan).toHaveLength(3);
    expect(plan[0]).toMatch(/^scenario,start,calls,redials,attempts,blocked/);
    expect(plan[1]).toMatch(/^'=cmd\|calc,08:00,100,0,100,0,/);
    const sim = simulationCsv(simulateDay(parsed.scenario)).trim().split('\r\n');
    expect(sim).toHaveLength(4);
    expect(sim[0]).toContain('answerRate,answerRate_ci95');
    expect(sim[3]).toMatch(/^'=cmd\|calc,day,/);
  });
});
