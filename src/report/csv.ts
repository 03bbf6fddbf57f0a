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

/** The interval plan, one row per interval (counts in calls, rates as shares 0–1, times in seconds). */
export function planCsv(name: string, plan: DayPlan): string {
  return toCsv(
    ['scenario', ...PLAN_COLUMNS],
    plan.intervals.map((x) => [name, ...PLAN_COLUMNS.map((c) => x[c])]),
  );
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
export function simulationCsv(r: SimulationResult): string {
  const header = ['scenario', 'interval', ...SIMULATION_COLUMNS.flatMap((m) => [m, `${m}_ci95`])];
  const row = (label: string, metrics: SimulationResult['day']) => [
    r.name,
    label,
    ...SIMULATION_COLUMNS.flatMap((m) => [metrics[m].mean, metrics[m].halfWidth]),
  ];
  return toCsv(header, [...r.intervals.map((x) => row(x.start, x.metrics)), row('day', r.day)]);
}
