import { type DayPlan, planDay } from '../plan';
import { staffingFigures } from '../plan/staffToTarget';
import { verdict } from '../plan/verdict';
import { costLine } from '../report/cost';
import { reportCsv, reportSheet, workbook } from '../report/files';
import { planJson, planReport } from '../report/plan';
import { type OutputCommand, outputJsonSchema } from '../report/schemas';
import { formatCell, textTable } from '../report/terminal';
import { verdictLines } from '../report/verdict';
import { intervalCount, normalizedScenarioJsonSchema, scenarioJsonSchema } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { commandSpec } from './commands';
import { checkOutputPath, writeOutput } from './files';
import { choiceFlag, parseFlags, positionals } from './flags';
import { readScenario } from './scenarioFile';

export async function planCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('plan');
  const flags = parseFlags(argv, spec);
  const out = flags.values.get('out');
  if (out) checkOutputPath('out', out, ['.csv', '.xlsx']);
  const scenario = readScenario(positionals(flags, spec, 1)[0]);
  const plan = planDay(scenario);
  if (out) {
    const { intervals, day } = planReport(plan, staffingFigures(scenario, plan).cost);
    writeOutput(
      out,
      out.toLowerCase().endsWith('.csv') ? reportCsv(intervals, day) : workbook([reportSheet('Plan', intervals, day)]),
    );
  }
  process.stdout.write(
    flags.switches.has('json') ? `${JSON.stringify(planJson(scenario, plan))}\n` : `${planText(scenario, plan)}\n`,
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
  const flags = parseFlags(argv, spec);
  positionals(flags, spec, 0);
  const output = choiceFlag<OutputCommand>(flags, spec, 'output');
  const schema = output
    ? outputJsonSchema(output)
    : flags.switches.has('normalized')
      ? normalizedScenarioJsonSchema()
      : scenarioJsonSchema();
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
}

/** `wfm plan`: the verdict first, then the table, then the cost. */
function planText(s: Scenario, plan: DayPlan): string {
  const cost = staffingFigures(s, plan).cost;
  return [
    s.name,
    ...verdictLines(verdict(s, plan)),
    '',
    planTable(plan),
    cost ? costLine(cost) : 'Cost: add a cost section (hourly rate) to the scenario to see what the staffing costs.',
  ].join('\n');
}

/** The plan as a terminal table: the brief columns by interval, then the day, and what they mean. */
export function planTable(plan: DayPlan): string {
  const report = planReport(plan);
  const t = plan.totals;
  const n = (x: number) => formatCell(x, 'calls');
  return [
    textTable(report.intervals, report.day),
    '',
    `calls = first attempts + redials; SL = ${plan.slFormula}; answer rate = answered ÷ (answered + abandoned);`,
    `Req. C / Req. A = agents the targets need by Erlang C / exact Erlang A; day: ${n(t.callbacksCompleted)} callbacks completed, ${n(t.callbacksFailed)} failed; handled rate ${formatCell(t.handledRate, 'share')};`,
    `paid hours ${n(t.paidHours)} as staffed, ${n(t.requiredPaidHours)} for the Erlang A requirement.`,
    ...plan.notes,
  ].join('\n');
}
