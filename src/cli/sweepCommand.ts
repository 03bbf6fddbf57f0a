import { appendFileSync, existsSync, truncateSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { planDay } from '../plan';
import { formatScenarioError, mergePatch, parseScenario, type Scenario } from '../scenario';
import { runSimulation } from '../sim/pool';
import { clusterFlags } from './clusterFlags';
import { commandSpec } from './commands';
import { scenarioKey } from './engine';
import { checkOutputPath, readTextFile } from './files';
import { numberFlag, parseFlags, positionals, UsageError } from './flags';
import { untilInterrupted } from './interrupt';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { simulationOutput } from './simulateCommand';
import { checkSimulationSize } from './simulationSize';

const spec = commandSpec('sweep');

/** Variants simulated at once on Redis: enough to keep many workers busy, few enough connections. */
const CONCURRENT_VARIANTS = 8;

interface Variant {
  name: string;
  scenario: Scenario;
}

/** The sweep file: a base scenario (a path beside it, or inline), optional replications and seed, and named merge patches. */
export function readSweep(path: string): Variant[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readTextFile(path, 'a sweep JSON file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const fail = (field: string, what: string) => new UsageError(`${path}: ${field}: ${what}`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw fail('(file)', 'must be an object with base and variants');
  const { base, variants, replications, seed, ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw fail(unknown, 'unknown field (base, variants, replications, seed)');
  let baseJson: unknown = base;
  if (typeof base === 'string') {
    const file = resolve(dirname(path), base);
    try {
      baseJson = JSON.parse(readTextFile(file, 'the base scenario'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw fail('base', `${file} is not valid JSON`);
    }
  } else if (base === null || typeof base !== 'object' || Array.isArray(base))
    throw fail('base', 'must be a scenario file path (beside the sweep file) or a scenario object');
  const whole = (x: unknown, max: number) =>
    x === undefined || (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max);
  if (!whole(replications, 10_000) || replications === 0) throw fail('replications', 'must be a whole number from 1 to 10000');
  if (!whole(seed, 2 ** 32 - 1)) throw fail('seed', 'must be a whole number from 0 to 4294967295');
  if (!Array.isArray(variants) || variants.length === 0 || variants.length > 10_000)
    throw fail('variants', 'must be a list of 1 to 10000 { "name", "patch" } objects');
  const names = new Set<string>();
  return variants.map((v: unknown, i): Variant => {
    const at = `variants[${i}]`;
    const { name, patch } = (v ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
      throw fail(`${at}.name`, 'must be a text of 1 to 200 characters');
    if (names.has(name)) throw fail(`${at}.name`, `"${name}" is the name of an earlier variant; names must differ`);
    names.add(name);
    if (patch === undefined || patch === null || typeof patch !== 'object' || Array.isArray(patch))
      throw fail(`${at}.patch`, 'must be a JSON merge patch object of the base scenario ({} for the base itself)');
    const patched = mergePatch(baseJson, patch) as Record<string, unknown>;
    const simulation = (patched.simulation ?? {}) as Record<string, unknown>;
    const parsed = parseScenario({
      ...patched,
      name,
      simulation: { ...simulation, replications: replications ?? simulation.replications, seed: seed ?? simulation.seed },
    });
    if (!parsed.ok)
      throw fail(at, `the variant's scenario is not valid: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}`);
    return { name, scenario: parsed.scenario };
  });
}

/** What a line of an earlier run says of its variant's run. */
interface WrittenLine {
  line: number;
  replications: number;
  seed: number;
  scenarioKey: string;
}

/**
 * The variants an earlier run of the sweep already wrote, by name, with the run each line is of.
 * A last line cut off by an interrupted run is removed, so the next line starts on a line of its own.
 */
function written(out: string): Map<string, WrittenLine> {
  const lines = new Map<string, WrittenLine>();
  if (!existsSync(out)) return lines;
  const text = readTextFile(out, 'the sweep results');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(out, Buffer.byteLength(text.slice(0, end)));
  text
    .slice(0, end)
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      let parsed: { name?: unknown; replications?: unknown; seed?: unknown; scenarioKey?: unknown } = {};
      try {
        parsed = JSON.parse(line);
      } catch {
        // not JSON: refused below, as a line of no sweep
      }
      const { name, replications, seed, scenarioKey } = parsed ?? {};
      if (
        typeof name !== 'string' ||
        typeof replications !== 'number' ||
        typeof seed !== 'number' ||
        typeof scenarioKey !== 'string'
      )
        throw new UsageError(`--out: ${out} line ${i + 1} is not a result of wfm sweep; give another file`);
      lines.set(name, { line: i + 1, replications, seed, scenarioKey });
    });
  return lines;
}

/**
 * `wfm sweep SWEEP.json`: every variant simulated, one line each, exactly as
 * `wfm simulate --json` prints that variant's scenario. With --out, lines are
 * appended as variants finish, and a re-run skips the variants already there.
 */
export async function sweepCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  if (path === undefined) throw new UsageError('SWEEP: give the path of a sweep JSON file');
  const out = flags.values.get('out');
  if (out) checkOutputPath('out', out, ['.jsonl']);
  const { redis, chunk } = clusterFlags(flags, spec, true, '--redis');
  const workers = numberFlag(flags, spec, 'workers') ?? defaultWorkers();
  const variants = readSweep(path);
  const done = out ? written(out) : new Map<string, WrittenLine>();
  // A line of another run of the variant (other replications or seed, or its patch or base changed since) is not
  // its result: refused, not kept.
  for (const v of variants) {
    const had = done.get(v.name);
    if (!had) continue;
    const { replications, seed } = v.scenario.simulation;
    const again = 'give another file, or remove that line to run it again';
    if (had.replications !== replications || had.seed !== seed)
      throw new UsageError(
        `--out: ${out} line ${had.line} holds variant "${v.name}" of ${had.replications} replications with seed ${had.seed}; this sweep asks ${replications} with seed ${seed}: ${again}`,
      );
    if (had.scenarioKey !== scenarioKey(v.scenario))
      throw new UsageError(
        `--out: ${out} line ${had.line} holds variant "${v.name}" of another scenario (its patch or the base has changed since that line was written): ${again}`,
      );
  }
  const todo = variants.filter((v) => !done.has(v.name));
  const maxCalls = numberFlag(flags, spec, 'max-calls');
  for (const v of todo) checkSimulationSize(v.scenario, maxCalls, `variant "${v.name}"`);

  const emit = (line: string) => {
    if (out) appendFileSync(out, `${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  const simulate = async (v: Variant, signal: AbortSignal) => {
    const result = redis
      ? await (await import('./clusterRun')).simulateOnCluster(v.scenario, redis, {
          chunk,
          signal,
          warn: (line) => process.stderr.write(`wfm sweep: ${line}\n`),
        })
      : await runSimulation(v.scenario, spawnNodeWorker, {
          replications: v.scenario.simulation.replications,
          workers,
          signal,
        });
    emit(simulationOutput(v.scenario, result, planDay(v.scenario), true));
  };
  await untilInterrupted('sweep', async (signal) => {
    if (!redis) for (const v of todo) await simulate(v, signal);
    else {
      let next = 0;
      const lane = async () => {
        while (next < todo.length) await simulate(todo[next++], signal);
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_VARIANTS, todo.length) }, lane));
    }
  });
}
