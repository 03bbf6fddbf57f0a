import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { verdict } from '../../src/plan/verdict';
import { planReport } from '../../src/report/plan';
import { planOutsideLine, planOutsideSimulation, simulationDay, simulationReport } from '../../src/report/simulation';
import { briefTable } from '../../src/report/table';
import { textTable } from '../../src/report/terminal';
import { formatScenarioError, parseScenario, type Scenario } from '../../src/scenario';
import { simulateDay } from '../../src/sim';

const parsed = (raw: unknown): Scenario => {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(p.errors.map(formatScenarioError).join('\n'));
  return p.scenario;
};
const christmasEve = parsed(JSON.parse(readFileSync('scenarios/christmas-eve.json', 'utf8')));

describe('the plan rows the screen, the terminal and the files share', () => {
  const plan = planDay(christmasEve);
  const report = planReport(plan);

  it('shows the brief columns on screen and in the terminal, in this order', () => {
    const brief = briefTable(report.intervals);
    expect(brief.columns.map((c) => c.key)).toEqual([
      'start',
      'calls',
      'blocked',
      'contained',
      'toAgents',
      'callbacksRequested',
      'agents',
      'requiredAgentsErlangC',
      'requiredAgentsErlangA',
      'netStaffing',
      'serviceLevel',
      'answerRate',
      'asaSeconds',
      'occupancy',
    ]);
    expect(brief.rows).toHaveLength(96);
    expect(
      textTable(report.intervals)
        .split('\n')[0]
        .trim()
        .split(/\s{2,}/),
    ).toEqual(brief.columns.map((c) => c.label));
    // Every column goes to files: the brief ones are a selection, row for row.
    const keys = report.columns.map((c) => c.key);
    for (const [i, row] of brief.rows.entries())
      for (const [j, c] of brief.columns.entries()) expect(row[j]).toEqual(report.intervals.rows[i][keys.indexOf(c.key)]);
  });

  it('gives net staffing (agents − the Erlang A requirement) per interval, summing to the verdict’s agent-hours short', () => {
    const rows = plan.intervals.map((x) => rowOf(report, x.index));
    for (const r of rows) expect(r.netStaffing).toBe((r.agents as number) - (r.requiredAgentsErlangA as number));
    const at1730 = rows.find((r) => r.start === '17:30');
    expect(at1730?.netStaffing).toBe(-252);
    const short = rows.reduce((sum, r) => sum + Math.max(0, -(r.netStaffing as number)) * 0.25, 0);
    const over = rows.reduce((sum, r) => sum + Math.max(0, r.netStaffing as number) * 0.25, 0);
    const v = verdict(christmasEve, plan);
    expect(short).toBeCloseTo(v.staffing.agentHoursShort, 9);
    expect(over).toBeCloseTo(v.staffing.agentHoursOver, 9);
    expect(Math.round(short)).toBe(694);
    expect(rows.filter((r) => (r.netStaffing as number) < 0)).toHaveLength(20);
    expect(dayOf(report).netStaffing).toBeNull();
  });
});

/** A report row as a record keyed by column key. */
const rowOf = (report: ReturnType<typeof planReport>, i: number) =>
  Object.fromEntries(report.columns.map((c, j) => [c.key, report.intervals.rows[i][j]]));
const dayOf = (report: ReturnType<typeof planReport>) =>
  Object.fromEntries(report.columns.map((c, j) => [c.key, report.day.rows[0][j]]));

describe('the simulated day beside the plan', () => {
  const s = parsed({
    schema: 1,
    name: 'busy morning',
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [300, 500, 400, 200] },
    ahtSeconds: 200,
    staffing: { agents: 38 },
    redial: { abandoned: { share: 0.5 } },
    simulation: { replications: 6 },
  });
  const plan = planDay(s);
  const r = simulateDay(s);

  it('reads each figure from the simulation’s day row and the plan’s, by the same column key', () => {
    const day = simulationDay(plan, r);
    const sim = simulationReport(r, plan);
    const planned = dayOf(planReport(plan));
    expect(day.map((f) => f.key)).toEqual([
      'calls',
      'blocked',
      'answered',
      'abandoned',
      'answerRate',
      'serviceLevel',
      'handledRate',
      'asaSeconds',
      'callbacksCompleted',
      'callbacksFailed',
      'callbacksPendingAtClose',
      'occupancy',
      'inSystemAtEnd',
    ]);
    for (const f of day) {
      expect(f.simulated).toEqual(sim.day.rows[0][sim.columns.findIndex((c) => c.key === f.key)]);
      expect(f.plan).toBe(f.key in planned ? planned[f.key] : null);
      const { mean, halfWidth } = f.simulated;
      expect(f.outside).toBe(
        f.plan !== null && mean !== null && halfWidth !== null && Math.abs(f.plan - mean) > halfWidth + 1e-9,
      );
    }
    expect(day.find((f) => f.key === 'inSystemAtEnd')?.plan).toBeNull();
    expect(planOutsideSimulation(plan, r).map((o) => o.key)).toEqual(day.filter((f) => f.outside).map((f) => f.key));
  });

  it('says where the plan falls outside the 95% interval, and why the plan misses', () => {
    const at = (mean: number, halfWidth: number) => ({
      ...r,
      day: {
        ...r.day,
        answerRate: { mean, halfWidth, n: 6 },
        serviceLevel: { mean: plan.totals.serviceLevel, halfWidth: 0.01, n: 6 },
      },
    });
    const answer = plan.totals.answerRate as number;
    const off = at(answer - 0.05, 0.01);
    expect(simulationDay(plan, off).find((f) => f.key === 'answerRate')?.outside).toBe(true);
    expect(simulationDay(plan, off).find((f) => f.key === 'serviceLevel')?.outside).toBe(false);
    expect(planOutsideLine(s, plan, off)).toMatch(
      /^The analytic plan falls outside the simulation's 95% interval for [^:]*Answer rate[^:]*: the plan takes each interval in steady state;.*redials come back later/,
    );
    expect(simulationDay(plan, at(answer + 0.005, 0.01)).find((f) => f.key === 'answerRate')?.outside).toBe(false);
  });
});
