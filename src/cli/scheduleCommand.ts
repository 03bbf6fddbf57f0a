import { basename, dirname, extname, join } from 'node:path';
import loadHighs from 'highs';
import { planDay } from '../plan';
import type { Simulate } from '../plan/staffToTarget';
import { checkLines, checkStepLine, partTimeLine, scheduleCsv, scheduleWorkbook, shiftsTable } from '../report/schedule';
import { textTable } from '../report/terminal';
import {
  agentCalendars,
  type FinalCheck,
  optimality,
  type RepairStep,
  repairSchedule,
  type Schedule,
  scheduleDay,
  shiftRequirement,
} from '../schedule';
import { CHECK_LENGTH } from '../schedule/checkLength';
import { clusterFlags, clusterSimulate } from './clusterFlags';
import { commandSpec } from './commands';
import { checkOutputPath, writeOutput } from './files';
import { numberFlag, onlyWith, parseFlags, positionals } from './flags';
import { untilInterrupted } from './interrupt';
import { readScenario } from './scenarioFile';

const OUTPUTS = ['.csv', '.xlsx', '.ics'];

export async function scheduleCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('schedule');
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  const out = flags.values.get('out');
  if (out !== undefined) checkOutputPath('out', out, OUTPUTS);
  const replications = numberFlag(flags, spec, 'check-replications') ?? CHECK_LENGTH.replications;
  const maxSteps = numberFlag(flags, spec, 'check-steps') ?? CHECK_LENGTH.maxSteps;
  onlyWith(flags, ['check-replications', 'check-steps'], flags.switches.has('check'), '--check');
  const { redis, chunk } = clusterFlags(flags, spec, flags.switches.has('check'), '--check');
  const scenario = readScenario(path);
  const requirement = shiftRequirement(scenario, planDay(scenario));
  const highs = await loadHighs();
  const write = (schedule: Schedule, steps: RepairStep[], finalCheck: FinalCheck | null) => {
    if (out) writeOutputs(out, schedule, scenario.day.date, scenario.name);
    process.stdout.write(
      flags.switches.has('json')
        ? `${JSON.stringify({ ...schedule, checks: steps, finalCheck })}\n`
        : `${summary(scenario.name, schedule, steps, finalCheck, out, scenario.shifts?.partTimeShare)}\n`,
    );
  };
  if (!flags.switches.has('check')) return write(scheduleDay(scenario, highs, { requirement }), [], null);
  const check = async (simulate?: Simulate) => {
    const repaired = await repairSchedule(scenario, highs, requirement, {
      replications,
      maxSteps,
      onStep: (step) => process.stderr.write(`${checkStepLine(step)}\n`),
      simulate,
    });
    write(repaired.schedule, repaired.steps, repaired.finalCheck);
  };
  // In this thread the check cannot hear Ctrl-C, which then stops the process as usual.
  if (redis === undefined) await check();
  else await untilInterrupted('schedule', async (signal) => check(await clusterSimulate('schedule', redis, chunk, signal)));
}

function writeOutputs(out: string, schedule: Schedule, date: string, center: string): void {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') {
    const { roster, coverage } = scheduleCsv(schedule, date);
    writeOutput(out, roster);
    writeOutput(join(dirname(out), `${basename(out, ext)}-coverage.csv`), coverage);
  } else if (ext === '.xlsx') {
    writeOutput(out, scheduleWorkbook(schedule, date));
  } else {
    for (const { agent, ics } of agentCalendars(schedule, date, center, Date.now()))
      writeOutput(join(dirname(out), `${basename(out, ext)}-${agent}.ics`), ics);
  }
}

function summary(
  name: string,
  s: Schedule,
  steps: RepairStep[],
  finalCheck: FinalCheck | null,
  out: string | undefined,
  share: { min: number; max: number } | undefined,
): string {
  const lines = [
    `${name}: ${s.agents} agents, ${Math.round(s.paidHours).toLocaleString('en-US')} paid hours — ${optimality(s)}`,
    partTimeLine(s.templates, s.shifts, share),
    '',
    textTable(shiftsTable(s)),
  ];
  lines.push(
    '',
    s.shortfalls.length > 0
      ? `Short of the requirement:\n  ${s.shortfalls.join('\n  ')}`
      : 'Every interval is covered (requirement after absence shrinkage).',
  );
  lines.push(...checkLines(steps, finalCheck, 'schedule'));
  if (out)
    lines.push(
      '',
      `Written: ${out}${extname(out) === '.csv' ? ` and ${basename(out, '.csv')}-coverage.csv` : extname(out) === '.ics' ? ' (one calendar per agent)' : ''}`,
    );
  return lines.join('\n');
}
