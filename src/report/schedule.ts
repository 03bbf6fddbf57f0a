import { formatShare } from '../format/number';
import { isPartTime } from '../scenario/partTime';
import type { ShiftTemplate } from '../scenario/schema';
import type { FinalCheck, RepairStep, Schedule, ScheduledShift } from '../schedule';
import { agentId } from '../schedule/export';
import { tableCsv, tableSheet, workbook } from './files';
import { type Column, type ReportTable, tableOf } from './table';
import { textTable } from './terminal';

/**
 * What a planner reads of a schedule, for the app, the terminal and the files
 * alike: the shifts in use, the roster (one row per agent), the coverage of
 * each interval, and the simulation check's steps (the trade-off curve).
 */

/** A shift's breaks as one text, "12:00–12:30; 15:00–15:15 (paid)"; null when it has none. */
export const breaksText = (shift: Pick<ScheduledShift, 'breaks'>): string | null =>
  shift.breaks.length === 0 ? null : shift.breaks.map((b) => `${b.start}–${b.end}${b.paid ? ' (paid)' : ''}`).join('; ');

const shiftColumns: Column<ScheduledShift>[] = [
  { key: 'template', label: 'Template', unit: 'text', definition: 'the shift template', brief: true, value: (s) => s.template },
  { key: 'start', label: 'Start', unit: 'time', definition: 'shift start (HH:MM)', brief: true, value: (s) => s.start },
  { key: 'end', label: 'End', unit: 'time', definition: 'shift end (HH:MM)', brief: true, value: (s) => s.end },
  {
    key: 'breaks',
    label: 'Breaks',
    unit: 'text',
    definition: 'each break start–end (HH:MM), paid ones marked',
    brief: true,
    value: breaksText,
  },
  {
    key: 'agents',
    label: 'Agents',
    unit: 'agents',
    definition: 'agents working this shift',
    brief: true,
    value: (s) => s.agents,
  },
  {
    key: 'paidHours',
    label: 'Paid hours each',
    unit: 'hours',
    definition: 'shift length less its unpaid breaks',
    brief: true,
    value: (s) => s.paidHours,
  },
];

interface RosterRow {
  agent: string;
  date: string;
  shift: ScheduledShift;
}

const rosterColumns: Column<RosterRow>[] = [
  {
    key: 'agent',
    label: 'Agent',
    unit: 'text',
    definition: 'agent id, A0001 on, in shift order',
    brief: true,
    value: (r) => r.agent,
  },
  { key: 'date', label: 'Date', unit: 'text', definition: 'the scenario’s day (YYYY-MM-DD)', value: (r) => r.date },
  ...shiftColumns.filter((c) => c.key !== 'agents').map((c) => ({ ...c, value: (r: RosterRow) => c.value(r.shift) })),
];

type Coverage = Schedule['coverage'][number];

/** An interval's requirement against what the shifts put on the phones. */
export const coverageColumns: Column<Coverage>[] = [
  { key: 'start', label: 'Start', unit: 'time', definition: 'interval start (HH:MM)', brief: true, value: (c) => c.start },
  {
    key: 'required',
    label: 'Required',
    unit: 'agents',
    definition: 'agents needed on the phones, after absence shrinkage',
    brief: true,
    value: (c) => c.required,
  },
  {
    key: 'scheduled',
    label: 'Scheduled',
    unit: 'agents',
    definition: 'agents the shifts put on the phones (breaks taken out)',
    brief: true,
    value: (c) => c.scheduled,
  },
  {
    key: 'short',
    label: 'Short',
    unit: 'agents',
    definition: 'required − scheduled where positive, else 0',
    brief: true,
    value: (c) => c.short,
  },
];

const checkColumns: Column<RepairStep>[] = [
  {
    key: 'paidHours',
    label: 'Paid hours',
    unit: 'hours',
    definition: 'paid hours of the schedule simulated',
    brief: true,
    value: (s) => s.paidHours,
  },
  {
    key: 'agents',
    label: 'Agents',
    unit: 'agents',
    definition: 'agents scheduled; the simulation staffs each interval with those expected to show up (absence taken out)',
    brief: true,
    value: (s) => s.agents,
  },
  {
    key: 'answerRate',
    label: 'Answer rate',
    unit: 'share',
    definition: 'simulated answered ÷ (answered + abandoned), mean ±95% CI',
    brief: true,
    value: (s) => ({ mean: s.answerRate.mean, halfWidth: s.answerRate.halfWidth }),
  },
  {
    key: 'serviceLevel',
    label: 'SL',
    unit: 'share',
    definition: 'simulated service level, mean ±95% CI',
    brief: true,
    value: (s) => ({ mean: s.serviceLevel.mean, halfWidth: s.serviceLevel.halfWidth }),
  },
  {
    key: 'date',
    label: 'Lowest day',
    unit: 'text',
    definition: 'over a week: the day the answer rate and SL are of, the one with the lowest simulated answer rate',
    brief: true,
    value: (s) => s.date ?? null,
  },
  {
    key: 'meetsTargets',
    label: 'Targets met',
    unit: 'text',
    definition: 'every target of the scenario met with 95% confidence, for the day and interval by interval',
    brief: true,
    value: (s) => (s.meetsTargets ? 'yes' : 'no'),
  },
  {
    key: 'short',
    label: 'Short at',
    unit: 'text',
    definition: 'intervals that miss a target, or cannot be said to meet it with 95% confidence',
    brief: true,
    value: (s) => intervalList(s.short),
  },
  {
    key: 'raised',
    label: 'More staff at',
    unit: 'text',
    definition: 'intervals whose requirement the next step raises',
    brief: true,
    value: (s) => intervalList(s.raised),
  },
  {
    key: 'trimmed',
    label: 'Less staff at',
    unit: 'text',
    definition: 'intervals whose requirement the next step lowers (their targets hold with room to spare)',
    brief: true,
    value: (s) => intervalList(s.trimmed),
  },
];

/** The final check of a schedule (or a week's roster) by simulation, in one line. */
export function finalCheckLine(c: FinalCheck, of: 'schedule' | 'roster' = 'schedule'): string {
  const where = `simulated again on ${c.replications} replications${of === 'roster' ? ' of each day' : ''} with seed ${c.seed}, which the check never used`;
  return c.meetsTargets
    ? `The ${of} meets every target with 95% confidence, ${where}.`
    : `The ${of} falls short, ${where}: ${c.short.length > 0 ? `intervals ${intervalList(c.short)}` : 'a day target'} miss or cannot be said to meet a target.`;
}

/** A step of the check as the terminal prints it while the check runs. */
export const checkStepLine = (step: RepairStep): string =>
  `checked: ${Math.round(step.paidHours).toLocaleString('en-US')} paid h, answer rate ${formatShare(step.answerRate.mean, 1)}, SL ${formatShare(step.serviceLevel.mean, 1)}${step.date ? ` (lowest day, ${step.date})` : ''}${step.meetsTargets ? ' — targets met' : ''}`;

/** The check under a schedule's or roster's summary: its steps as a table, then the final check. */
export function checkLines(steps: readonly RepairStep[], finalCheck: FinalCheck | null, of: 'schedule' | 'roster'): string[] {
  const lines: string[] = [];
  if (steps.length > 0)
    lines.push(
      '',
      `Simulation check, with the ${of === 'roster' ? 'people' : 'agents'} expected to show up (absence taken out; trade-off of paid hours against answer rate):`,
      textTable(checksTable(steps)),
    );
  if (finalCheck) lines.push('', finalCheckLine(finalCheck, of));
  return lines;
}

/** Interval starts as one cell: a long list shows its first few and how many more. */
function intervalList(starts: readonly string[]): string | null {
  if (starts.length === 0) return null;
  return starts.length <= 4 ? starts.join(', ') : `${starts.slice(0, 3).join(', ')} and ${starts.length - 3} more`;
}

/**
 * The part-time / full-time mix in one line: "Part-time: 12 of 40 shifts (30.0 %; allowed 10.0–30.0 %); …".
 * `shifts` are a day's (each with its agents) or a roster's (one person each, its mix that of its people).
 */
export function partTimeLine(
  templates: readonly ShiftTemplate[],
  shifts: readonly { template: string; agents?: number }[],
  share: { min: number; max: number } | undefined | 'contracts',
): string {
  const partTimeNames = new Set(templates.filter(isPartTime).map((t) => t.name));
  let all = 0;
  let partTime = 0;
  for (const s of shifts) {
    all += s.agents ?? 1;
    if (partTimeNames.has(s.template)) partTime += s.agents ?? 1;
  }
  const percent = (x: number) => (100 * x).toFixed(1);
  const actual = all > 0 ? `${percent(partTime / all)} %` : 'no shifts';
  const allowed =
    share === 'contracts'
      ? 'the mix of the people and their contracts'
      : share
        ? `allowed ${percent(share.min)}–${percent(share.max)} %`
        : 'no mix set (shifts.partTimeShare)';
  return `Part-time: ${partTime.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} shifts (${actual}; ${allowed}); part-time is a template's partTime flag, else a shift under 6 h`;
}

/** The shifts in use: one row per shift (template × start × break placement) with its agents. */
export const shiftsTable = (schedule: Pick<Schedule, 'shifts'>): ReportTable => tableOf(shiftColumns, schedule.shifts);

/** The roster a team lead hands out: one row per agent, numbered in shift order. */
export function rosterTable(schedule: Pick<Schedule, 'shifts'>, date: string): ReportTable {
  let n = 0;
  const rows = schedule.shifts.flatMap((shift) =>
    Array.from({ length: shift.agents }, () => ({ agent: agentId(++n), date, shift })),
  );
  return tableOf(rosterColumns, rows);
}

/** Each interval's agents on the phones against the requirement. */
export const coverageTable = (schedule: Pick<Schedule, 'coverage'>): ReportTable => tableOf(coverageColumns, schedule.coverage);

/** The simulation check, one row per schedule tried: the trade-off of paid hours against the simulated answer rate. */
export const checksTable = (steps: readonly RepairStep[]): ReportTable =>
  tableOf(steps.some((s) => s.date) ? checkColumns : checkColumns.filter((c) => c.key !== 'date'), steps);

/** The roster and the coverage as two CSV files (the coverage is written beside the roster). */
export const scheduleCsv = (schedule: Schedule, date: string) => ({
  roster: tableCsv(rosterTable(schedule, date)),
  coverage: tableCsv(coverageTable(schedule)),
});

/** The roster and the coverage as one workbook, sheets Shifts and Coverage. */
export const scheduleWorkbook = (schedule: Schedule, date: string): Uint8Array =>
  workbook([tableSheet('Shifts', rosterTable(schedule, date)), tableSheet('Coverage', coverageTable(schedule))]);
