import { planDay } from '../plan';
import { type ComparedScenario, compareScenarios, comparisonJson, comparisonSheet, comparisonText } from '../report/compare';
import { toCsv } from '../report/csv';
import { workbook } from '../report/files';
import { runSimulation } from '../sim/pool';
import { commandSpec } from './commands';
import { checkOutputPath, writeOutput } from './files';
import { numberFlag, parseFlags, UsageError } from './flags';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { readScenario } from './scenarioFile';

const spec = commandSpec('compare');

/** `wfm compare A.json B.json [C.json D.json]`: the app's Compare rows, the first scenario as the baseline. */
export async function compareCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const paths = flags.positional;
  if (paths.length < 2 || paths.length > 4)
    throw new UsageError(`SCENARIO: give 2 to 4 scenario files to compare, got ${paths.length}`);
  if (flags.switches.has('json') && flags.switches.has('csv')) throw new UsageError('--json, --csv: choose one');
  const out = flags.values.get('out');
  if (out) checkOutputPath('out', out, ['.csv', '.xlsx']);
  const baseline = (numberFlag(flags, spec, 'baseline') ?? 1) - 1;
  if (baseline >= paths.length)
    throw new UsageError(`--baseline: must be from 1 to ${paths.length} (the scenarios given), got ${baseline + 1}`);
  const replications = numberFlag(flags, spec, 'simulate');
  const workers = numberFlag(flags, spec, 'workers') ?? defaultWorkers();
  const scenarios = paths.map(readScenario);
  const compared: ComparedScenario[] = [];
  for (const s of scenarios) {
    const simulation = replications
      ? await runSimulation({ ...s, simulation: { ...s.simulation, replications } }, spawnNodeWorker, { replications, workers })
      : null;
    compared.push({ name: s.name, scenario: s, plan: planDay(s), simulation });
  }
  const rows = compareScenarios(compared, baseline);
  const sheet = comparisonSheet(compared, rows, baseline);
  if (out) {
    writeOutput(
      out,
      out.toLowerCase().endsWith('.csv')
        ? toCsv(sheet.header, sheet.rows)
        : workbook([{ name: 'Comparison', rows: [sheet.header, ...sheet.rows] }]),
    );
  }
  if (flags.switches.has('json')) process.stdout.write(`${JSON.stringify(comparisonJson(compared, rows, baseline))}\n`);
  else if (flags.switches.has('csv')) process.stdout.write(toCsv(sheet.header, sheet.rows));
  else process.stdout.write(`${comparisonText(compared, rows, baseline)}\n`);
}
