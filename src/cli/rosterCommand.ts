import { basename, dirname, extname, join, resolve } from 'node:path';
import loadHighs from 'highs';
import type { Simulate } from '../plan/staffToTarget';
import { machineTimeZone } from '../report/ics';
import { clockChangeLine, rosterCalendars, rosterCsv, rosterShiftsTable, rosterSummary, rosterWorkbook } from '../report/roster';
import { checkLines, checkStepLine } from '../report/schedule';
import { briefTable } from '../report/table';
import { textTable } from '../report/terminal';
import { formatScenarioError } from '../scenario';
import { parseWeek, type Week } from '../scenario/week';
import type { PreviousRoster } from '../schedule/assign';
import { CHECK_LENGTH } from '../schedule/checkLength';
import { type PreviousShift, previousRoster, previousShifts, type Roster, rosterWeek } from '../schedule/roster';
import { checkRoster, type RosterCheck } from '../schedule/rosterCheck';
import { clusterFlags, clusterSimulate } from './clusterFlags';
import { commandSpec } from './commands';
import { checkOutputPath, readTextFile, writeOutput } from './files';
import { numberFlag, onlyWith, parseFlags, positionals, UsageError } from './flags';
import { untilInterrupted } from './interrupt';

const OUTPUTS = ['.csv', '.xlsx', '.ics'];

const readJson = (path: string, what: string): unknown => {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
};

/** The week file, its base scenario and its agents file (paths beside the week file). */
export function readWeek(path: string | undefined): Week {
  if (path === undefined)
    throw new UsageError('WEEK: give the path of a week JSON file (scenarios/weeks/christmas-week.json, say)');
  const raw = readJson(path, 'a week JSON file');
  const fields = (raw ?? {}) as Record<string, unknown>;
  const beside = (p: unknown) => resolve(dirname(path), String(p));
  const base = typeof fields.base === 'string' ? readJson(beside(fields.base), 'the base scenario') : fields.base;
  const agents = typeof fields.agents === 'string' ? readTextFile(beside(fields.agents), 'an agents CSV file') : '';
  const parsed = parseWeek(raw, base, agents);
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.errors.slice(0, 5).map(formatScenarioError).join('; ')}`);
  return parsed.week;
}

export async function rosterCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('roster');
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  const out = flags.values.get('out');
  if (out !== undefined) checkOutputPath('out', out, OUTPUTS);
  const replications = numberFlag(flags, spec, 'check-replications') ?? CHECK_LENGTH.replications;
  const maxSteps = numberFlag(flags, spec, 'check-steps') ?? CHECK_LENGTH.maxSteps;
  onlyWith(flags, ['check-replications', 'check-steps'], flags.switches.has('check'), '--check');
  const { redis, chunk } = clusterFlags(flags, spec, flags.switches.has('check'), '--check');
  const week = readWeek(path);
  const previousPath = flags.values.get('previous');
  let previous: PreviousRoster | undefined;
  // The earlier roster's shifts: those this one no longer has are cancelled in the calendars (.ics).
  let previousCalendar: PreviousShift[] = [];
  if (previousPath !== undefined) {
    try {
      const read = previousShifts(readTextFile(previousPath, 'a roster CSV file'));
      previous = previousRoster(read, week);
      previousCalendar = read.shifts;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--previous ${previousPath}: ${(error as Error).message}`);
    }
  }
  const highs = await loadHighs();
  const checkRun = async (simulate?: Simulate) =>
    checkRoster(week, highs, {
      previous,
      replications,
      maxSteps,
      onStep: (step) => process.stderr.write(`${checkStepLine(step)}\n`),
      simulate,
    });
  const json = flags.switches.has('json');
  const write = (c: RosterCheck) => writeRoster(week, c.roster, c, out, json, previousCalendar);
  if (!flags.switches.has('check'))
    return writeRoster(week, rosterWeek(week, highs, { previous }), null, out, json, previousCalendar);
  // In this thread the check cannot hear Ctrl-C, which then stops the process as usual.
  if (redis === undefined) return write(await checkRun());
  await untilInterrupted('roster', async (signal) =>
    write(await checkRun(await clusterSimulate('roster', redis, chunk, signal))),
  );
}

/** The roster's files, and its JSON or summary (with the check's steps and final check, where it was checked). */
function writeRoster(
  week: Week,
  roster: Roster,
  checked: Pick<RosterCheck, 'steps' | 'finalCheck'> | null,
  out: string | undefined,
  json: boolean,
  previousCalendar: PreviousShift[],
): void {
  const check = { checks: checked?.steps ?? [], finalCheck: checked?.finalCheck ?? null };
  if (out) {
    const ext = extname(out).toLowerCase();
    if (ext === '.csv') {
      const { shifts, coverage } = rosterCsv(roster);
      writeOutput(out, shifts);
      writeOutput(join(dirname(out), `${basename(out, ext)}-coverage.csv`), coverage);
    } else if (ext === '.xlsx') writeOutput(out, rosterWorkbook(roster));
    else {
      for (const { file, ics } of rosterCalendars(roster, week.timeZone ?? machineTimeZone(), Date.now(), previousCalendar))
        writeOutput(join(dirname(out), `${basename(out, ext)}-${file}.ics`), ics);
    }
  }
  if (json) {
    const { templates: _, ...output } = roster;
    process.stdout.write(`${JSON.stringify({ ...output, ...check })}\n`);
    return;
  }
  const table = briefTable(rosterShiftsTable(roster));
  const clocks = clockChangeLine(roster, week.timeZone ?? machineTimeZone(), week.timeZone !== undefined);
  const lines = [
    ...rosterSummary(roster),
    ...(clocks ? [clocks] : []),
    '',
    textTable({ columns: table.columns, rows: table.rows.slice(0, 20) }),
  ];
  if (table.rows.length > 20)
    lines.push(`… and ${table.rows.length - 20} more shifts${out ? ` in ${out}` : ' (--out writes them all)'}`);
  lines.push(...checkLines(check.checks, check.finalCheck, 'roster'));
  process.stdout.write(`${lines.join('\n')}\n`);
}
