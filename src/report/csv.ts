import type { DayPlan } from '../plan';
import type { Metric, SimulationResult } from '../sim';
import { portableText } from './text';

/**
 * A cell that starts, after optional spaces, with = + - @ tab or carriage return
 * is read as a formula (OWASP "CSV injection"). Such a start is looked for at
 * the start of the text and after every list separator in use around the world
 * (comma; semicolon in German or French Excel and LibreOffice; tab), line
 * end and quote inside it, since a reader with another separator, or one that
 * ignores quotes, starts a cell there.
 */
const FORMULA_START = /(?<=^|[,;\t\r\n"])(?= *[=+\-@\t\r])/g;

/** A separator, quote or line end inside a text: quoted, so that readers who honour quotes keep it in one cell. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV cell that no spreadsheet runs, whatever list separator it reads
 * with: each formula start in a text gets a ' before it (so "=1+1" is written
 * '=1+1 and "a;=1+1" a;'=1+1), and a text holding a separator, a quote or a
 * line end is quoted. Numbers stay plain numbers (-5, not '-5); characters no
 * export may carry are replaced (see portableText).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = portableText(value).replace(FORMULA_START, "'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A CSV file: comma-separated, CRLF line ends, and a UTF-8 byte-order mark,
 * without which Excel reads accents and Chinese names as mojibake.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
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
