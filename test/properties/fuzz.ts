/**
 * `npm run fuzz -- --runs 10000 [--seed S] [--only name]`: the property tests of
 * scenario.test.ts with many more runs. Prints one JSON object: for each
 * property the runs, failures, CPU and wall time, and the seed to replay.
 */
import fc from 'fast-check';
import { timed } from '../../bench/measure';
import { PROPERTIES } from './properties';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const runs = Number(flag('runs') ?? 1_000);
const seed = Number(flag('seed') ?? Date.now() % 2 ** 31);
const only = flag('only');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: must be a whole number of runs, got ${flag('runs')}`);

const report: Record<string, unknown> = { runs, seed };
let failed = false;
for (const [name, property] of Object.entries(PROPERTIES)) {
  if (only !== undefined && only !== name) continue;
  const { value: details, timing } = await timed(() => fc.check(property, { numRuns: runs, seed, endOnFailure: true }));
  failed ||= details.failed;
  report[name] = {
    runs: details.numRuns,
    failures: details.failed ? 1 : 0,
    ...timing,
    ...(details.failed
      ? {
          counterexample: fc.stringify(details.counterexample).slice(0, 2_000),
          error: String(details.errorInstance).slice(0, 2_000),
        }
      : {}),
  };
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
