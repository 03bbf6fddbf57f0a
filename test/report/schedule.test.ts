import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checksTable, coverageTable, rosterTable, scheduleCsv, scheduleWorkbook, shiftsTable } from '../../src/report/schedule';
import { briefCells, textTable } from '../../src/report/terminal';
import type { RepairStep, Schedule } from '../../src/schedule';

/** A schedule small enough to write out by hand: two full-time agents with two breaks, one part-timer without any. */
const schedule: Schedule = {
  status: 'optimal',
  gap: 0,
  bound: 20.5,
  timeLimitSeconds: 20,
  paidHours: 20.5,
  agents: 3,
  shifts: [
    {
      template: 'Full-time 8.5 h',
      start: '08:00',
      end: '16:30',
      breaks: [
        { start: '11:00', end: '11:30', paid: false },
        { start: '14:30', end: '14:45', paid: true },
      ],
      paidHours: 8,
      agents: 2,
    },
    { template: '=Part-time', start: '12:00', end: '16:30', breaks: [], paidHours: 4.5, agents: 1 },
  ],
  coverage: [
    { start: '08:00', required: 2, scheduled: 2, short: 0 },
    { start: '08:30', required: 4, scheduled: 1.5, short: 2.5 },
  ],
  shortfalls: ['08:30: short by 2.5 agents on the phones'],
  templates: [],
};

const step = (
  paidHours: number,
  mean: number,
  sl: number,
  meetsTargets: boolean,
  raised: string[],
  trimmed: string[] = [],
): RepairStep => ({
  paidHours,
  agents: paidHours / 8,
  answerRate: { mean, halfWidth: 0.012, n: 10 },
  serviceLevel: { mean: sl, halfWidth: 0.02, n: 10 },
  meetsTargets,
  short: raised,
  raised,
  trimmed,
});

describe('the schedule as a planner reads it (one set of rows for the app, the terminal and the files)', () => {
  it('lists each shift with its breaks, agents and paid hours', () => {
    const t = shiftsTable(schedule);
    expect(t.columns.map((c) => [c.key, c.label, c.unit])).toEqual([
      ['template', 'Template', 'text'],
      ['start', 'Start', 'time'],
      ['end', 'End', 'time'],
      ['breaks', 'Breaks', 'text'],
      ['agents', 'Agents', 'agents'],
      ['paidHours', 'Paid hours each', 'hours'],
    ]);
    expect(t.columns.every((c) => (c.definition ?? '').length > 0)).toBe(true);
    expect(t.rows).toEqual([
      ['Full-time 8.5 h', '08:00', '16:30', '11:00–11:30; 14:30–14:45 (paid)', 2, 8],
      ['=Part-time', '12:00', '16:30', null, 1, 4.5],
    ]);
    expect(briefCells(t).rows[1]).toEqual(['=Part-time', '12:00', '16:30', '—', '1', '4.5']);
  });

  it('numbers the agents of the roster in shift order, one row each', () => {
    const t = rosterTable(schedule, '2026-12-24');
    expect(t.columns.map((c) => c.key)).toEqual(['agent', 'date', 'template', 'start', 'end', 'breaks', 'paidHours']);
    expect(t.rows).toEqual([
      ['A0001', '2026-12-24', 'Full-time 8.5 h', '08:00', '16:30', '11:00–11:30; 14:30–14:45 (paid)', 8],
      ['A0002', '2026-12-24', 'Full-time 8.5 h', '08:00', '16:30', '11:00–11:30; 14:30–14:45 (paid)', 8],
      ['A0003', '2026-12-24', '=Part-time', '12:00', '16:30', null, 4.5],
    ]);
    // The roster's paid hours add up to the schedule's.
    expect(t.rows.reduce((sum, r) => sum + Number(r[6]), 0)).toBe(schedule.paidHours);
  });

  it('gives each interval its requirement, the agents scheduled and the shortfall', () => {
    const t = coverageTable(schedule);
    expect(t.columns.map((c) => [c.key, c.unit])).toEqual([
      ['start', 'time'],
      ['required', 'agents'],
      ['scheduled', 'agents'],
      ['short', 'agents'],
    ]);
    expect(t.rows).toEqual([
      ['08:00', 2, 2, 0],
      ['08:30', 4, 1.5, 2.5],
    ]);
  });

  it('gives each step of the simulation check with its confidence interval', () => {
    const many = ['08:00', '08:30', '09:00', '09:30', '10:00'];
    const t = checksTable([
      step(24, 0.85, 0.75, false, ['08:30']),
      step(40, 0.95, 0.9, true, [], many),
      step(32, 0.93, 0.83, true, []),
    ]);
    expect(t.rows).toEqual([
      [24, 3, { mean: 0.85, halfWidth: 0.012 }, { mean: 0.75, halfWidth: 0.02 }, 'no', '08:30', '08:30', null],
      [
        40,
        5,
        { mean: 0.95, halfWidth: 0.012 },
        { mean: 0.9, halfWidth: 0.02 },
        'yes',
        null,
        null,
        '08:00, 08:30, 09:00 and 2 more',
      ],
      [32, 4, { mean: 0.93, halfWidth: 0.012 }, { mean: 0.83, halfWidth: 0.02 }, 'yes', null, null, null],
    ]);
    expect(textTable(t).split('\n')).toEqual([
      'Paid hours  Agents  Answer rate           SL  Targets met  Short at  More staff at                   Less staff at',
      '24               3  85.0 % ±1.2  75.0 % ±2.0           no     08:30          08:30                               —',
      '40               5  95.0 % ±1.2  90.0 % ±2.0          yes         —              —  08:00, 08:30, 09:00 and 2 more',
      '32               4  93.0 % ±1.2  83.0 % ±2.0          yes         —              —                               —',
    ]);
  });

  it('says a figure of one replication has no interval, never ±0', () => {
    const one = { ...step(24, 0.85, 0.75, false, []), answerRate: { mean: 0.85, halfWidth: null, n: 1 } };
    expect(textTable(checksTable([one])).split('\n')[1]).toMatch(/^24 +3 +85\.0 % \(no CI\) +75\.0 % ±2\.0 /);
  });

  it('writes the same rows to CSV (keys as the header, no formulas) and to the workbook (labels with units)', () => {
    const { roster, coverage } = scheduleCsv(schedule, '2026-12-24');
    expect(roster.startsWith('\ufeffagent,date,template,start,end,breaks,paidHours\r\n')).toBe(true);
    const rows = parse(roster, { bom: true });
    expect(rows.slice(1)).toEqual([
      ['A0001', '2026-12-24', 'Full-time 8.5 h', '08:00', '16:30', '11:00–11:30; 14:30–14:45 (paid)', '8'],
      ['A0002', '2026-12-24', 'Full-time 8.5 h', '08:00', '16:30', '11:00–11:30; 14:30–14:45 (paid)', '8'],
      ['A0003', '2026-12-24', "'=Part-time", '12:00', '16:30', '', '4.5'],
    ]);
    expect(coverage).toBe('\ufeffstart,required,scheduled,short\r\n08:00,2,2,0\r\n08:30,4,1.5,2.5\r\n');
    const book = unzipSync(scheduleWorkbook(schedule, '2026-12-24'));
    expect(strFromU8(book['xl/workbook.xml'])).toMatch(/name="Shifts".*name="Coverage"/);
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('Paid hours each (h)');
    expect(sheet).not.toContain('<f>');
  });
});
