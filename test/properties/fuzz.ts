/**
 * `npm run fuzz -- --runs 10000 [--seed S] [--only name]`: the property tests of
 * scenario.test.ts with many more runs. Prints one JSON object: for each
 * property the runs, failures, CPU and wall time, and the seed to replay.
 */
import fc from 'fast-check';
import { timed } from '../../bench/measure';
import {
  brokenScenariosAreNamed,
  smallScenariosSimulate,
  validScenariosPlan,
  workersRefuseWhatTheSchemaWould,
} from './properties';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const runs = Number(flag('runs') ?? 1_000);
const seed = Number(flag('seed') ?? Date.now() % 2 ** 31);
const only = flag('only');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: must be a whole number of runs, got ${flag('runs')}`);

/** What one property's run gives: runs made, and the first failure (no shrinking: the run is the figure). */
function summary<T>(d: fc.RunDetails<T>) {
  return {
    runs: d.numRuns,
    failures: d.failed ? 1 : 0,
    ...(d.failed
      ? { counterexample: fc.stringify(d.counterexample).slice(0, 2_000), error: String(d.errorInstance).slice(0, 2_000) }
      : {}),
  };
}

const checks: Record<string, (p: { numRuns: number; seed: number }) => ReturnType<typeof summary>> = {
  validScenariosPlan: (p) => summary(fc.check(validScenariosPlan, { ...p, endOnFailure: true })),
  brokenScenariosAreNamed: (p) => summary(fc.check(brokenScenariosAreNamed, { ...p, endOnFailure: true })),
  smallScenariosSimulate: (p) => summary(fc.check(smallScenariosSimulate, { ...p, endOnFailure: true })),
  workersRefuseWhatTheSchemaWould: (p) => summary(fc.check(workersRefuseWhatTheSchemaWould, { ...p, endOnFailure: true })),
};

const report: Record<string, unknown> = { runs, seed };
let failed = false;
for (const [name, check] of Object.entries(checks)) {
  if (only !== undefined && only !== name) continue;
  const { value, timing } = await timed(() => check({ numRuns: runs, seed }));
  failed ||= value.failures > 0;
  report[name] = { ...value, ...timing };
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
