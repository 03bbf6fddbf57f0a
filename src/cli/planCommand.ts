import { formatSeconds, formatShare } from '../format/number';
import { type DayPlan, planDay } from '../plan';
import { intervalCount, scenarioJsonSchema } from '../scenario';
import { commandSpec } from './commands';
import { parseFlags, positionals } from './flags';
import { readScenario } from './scenarioFile';

export async function planCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('plan');
  const flags = parseFlags(argv, spec);
  const scenario = readScenario(positionals(flags, spec, 1)[0]);
  const plan = planDay(scenario);
  process.stdout.write(
    flags.switches.has('json')
      ? `${JSON.stringify({ name: scenario.name, ...plan })}\n`
      : `${scenario.name}\n${planTable(plan)}\n`,
  );
}

export async function validateCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('validate');
  const path = positionals(parseFlags(argv, spec), spec, 1)[0];
  const scenario = readScenario(path);
  process.stdout.write(
    `${path}: valid — "${scenario.name}", ${intervalCount(scenario)} intervals of ${scenario.intervalMinutes} min\n`,
  );
}

export async function schemaCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('schema');
  positionals(parseFlags(argv, spec), spec, 0);
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}

const whole = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

/** The plan as a fixed-width table: one row per interval, then the day. */
export function planTable(plan: DayPlan): string {
  const header = [
    'start',
    'calls',
    'blocked',
    'contained',
    'to agents',
    'callbacks',
    'agents',
    'req C',
    'req A',
    'SL',
    'answer',
    'ASA',
    'occupancy',
  ];
  const rows = plan.intervals.map((x) => [
    x.start,
    whole(x.attempts),
    whole(x.blocked),
    whole(x.contained),
    whole(x.toAgents),
    whole(x.callbacksRequested),
    whole(x.agents),
    whole(x.requiredC),
    whole(x.requiredA),
    formatShare(x.serviceLevel, 1),
    formatShare(x.answerRate, 1),
    formatSeconds(x.asa, 0),
    formatShare(x.occupancyAll, 1),
  ]);
  const t = plan.totals;
  rows.push([
    'day',
    whole(t.attempts),
    whole(t.blocked),
    whole(t.contained),
    whole(t.toAgents),
    whole(t.callbacksRequested),
    '',
    '',
    '',
    formatShare(t.serviceLevel, 1),
    formatShare(t.answerRate, 1),
    formatSeconds(t.asa, 0),
    formatShare(t.occupancy, 1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const lines = [
    line(header),
    ...rows.slice(0, -1).map(line),
    widths.map((w) => '─'.repeat(w)).join('  '),
    line(rows[rows.length - 1]),
  ];
  const legend = [
    `calls = first attempts + redials; SL = ${plan.slFormula}; answer = answered ÷ (answered + abandoned);`,
    `req C / req A = agents the targets need by Erlang C / exact Erlang A; day: ${whole(t.callbacksCompleted)} callbacks completed, ${whole(t.callbacksFailed)} failed; handled rate ${formatShare(t.handledRate, 1)};`,
    `paid hours ${whole(t.paidHours)} as staffed, ${whole(t.requiredPaidHours)} for the Erlang A requirement.`,
    ...plan.notes,
  ];
  return [...lines, '', ...legend].join('\n');
}
