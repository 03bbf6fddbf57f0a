import type { DayPlan } from '../plan';
import type { Metric, SimulationResult } from '../sim';

/**
 * CSV that Excel opens safely: a cell starting with =, +, -, @, tab or carriage
 * return is prefixed with ' so it is read as text, never run as a formula
 * (OWASP "CSV injection"); numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const PLAN_COLUMNS = [
  'start',
  'calls',
  'redials',
  'attempts',
  'blocked',
  'contained',
  'toAgents',
  'callbacksRequested',
  'queued',
  'answered',
  'abandoned',
  'agents',
  'requiredC',
  'requiredA',
  'scheduledA',
  'serviceLevel',
  'answerRate',
  'asa',
  'occupancyAll',
  'callbacksCompleted',
  'callbacksFailed',
] as const;

export interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

/** The interval plan, one row per interval (counts in calls, rates as shares 0–1, times in seconds). */
export function planTable(name: string, plan: DayPlan): Table {
  return { header: ['scenario', ...PLAN_COLUMNS], rows: plan.intervals.map((x) => [name, ...PLAN_COLUMNS.map((c) => x[c])]) };
}

export function planCsv(name: string, plan: DayPlan): string {
  const t = planTable(name, plan);
  return toCsv(t.header, t.rows);
}

const SIMULATION_COLUMNS: Metric[] = [
  'calls',
  'blocked',
  'contained',
  'offered',
  'callbacksRequested',
  'answered',
  'abandoned',
  'answerRate',
  'handledRate',
  'serviceLevel',
  'asa',
  'occupancy',
  'meanQueue',
  'callbacksCompleted',
  'callbacksFailed',
  'inSystemAtEnd',
];

/** The simulation, one row per interval and one for the day: each figure's mean and 95% CI half-width. */
export function simulationTable(r: SimulationResult): Table {
  const header = ['scenario', 'interval', ...SIMULATION_COLUMNS.flatMap((m) => [m, `${m}_ci95`])];
  const row = (label: string, metrics: SimulationResult['day']) => [
    r.name,
    label,
    ...SIMULATION_COLUMNS.flatMap((m) => [metrics[m].mean, metrics[m].halfWidth]),
  ];
  return { header, rows: [...r.intervals.map((x) => row(x.start, x.metrics)), row('day', r.day)] };
}

export function simulationCsv(r: SimulationResult): string {
  const t = simulationTable(r);
  return toCsv(t.header, t.rows);
}
