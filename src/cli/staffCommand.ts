import { planDay } from '../plan';
import { type SimulationStaffing, staffAnalytically, staffBySimulation } from '../plan/staffToTarget';
import { verdict } from '../plan/verdict';
import { costLine } from '../report/cost';
import { staffingChangeLine } from '../report/staffing';
import { staffingDifferenceReasons, verdictLines } from '../report/verdict';
import type { Scenario } from '../scenario/schema';
import { runSimulation } from '../sim/pool';
import { clusterFlags, clusterSimulate } from './clusterFlags';
import { commandSpec } from './commands';
import { checkOutputPath, writeOutput } from './files';
import { choiceFlag, numberFlag, parseFlags, positionals, UsageError } from './flags';
import { untilInterrupted } from './interrupt';
import { defaultWorkers, spawnNodeWorker } from './nodeWorkers';
import { readScenario } from './scenarioFile';

const spec = commandSpec('staff');

/** `wfm staff SCENARIO`: the staffing that meets the targets, by Erlang A, Erlang C or simulation. */
export async function staffCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const [path] = positionals(flags, spec, 1);
  const by = choiceFlag<'erlang-a' | 'erlang-c' | 'simulation'>(flags, spec, 'by') ?? 'erlang-a';
  const out = flags.values.get('out');
  if (out) checkOutputPath('out', out, ['.json']);
  const confidence = numberFlag(flags, spec, 'confidence') ?? 0.95;
  const workers = numberFlag(flags, spec, 'workers') ?? defaultWorkers();
  const maxRounds = numberFlag(flags, spec, 'max-rounds') ?? 12;
  if (by !== 'simulation') {
    for (const flag of ['replications', 'seed', 'confidence', 'max-rounds', 'workers'])
      if (flags.values.has(flag)) throw new UsageError(`--${flag}: only with --by simulation`);
  }
  const { redis, chunk } = clusterFlags(flags, spec, by === 'simulation', '--by simulation');
  if (redis !== undefined && flags.values.has('workers'))
    throw new UsageError('--workers: not with --redis (the workers are those connected to Redis)');
  const s = readScenario(path);
  const replications = numberFlag(flags, spec, 'replications') ?? s.simulation.replications;
  const seed = numberFlag(flags, spec, 'seed') ?? s.simulation.seed;
  const json = flags.switches.has('json');

  if (by !== 'simulation') {
    const staffed = staffAnalytically(s, by === 'erlang-a' ? 'erlangA' : 'erlangC');
    if (out) writeScenario(out, staffed.scenario);
    const v = verdict(staffed.scenario, planDay(staffed.scenario));
    const result = {
      by,
      agents: staffed.after.agents,
      before: staffed.before,
      after: staffed.after,
      kept: staffed.kept,
      verdict: v,
    };
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${analyticText(s, by, staffed, out)}\n`);
    return;
  }
  await untilInterrupted('staff', async (signal) => {
    const simulate = redis
      ? await clusterSimulate('staff', redis, chunk, signal)
      : (x: Scenario) => runSimulation(x, spawnNodeWorker, { replications: x.simulation.replications, workers, signal });
    const staffed = await staffBySimulation(s, simulate, {
      replications,
      seed,
      confidence,
      maxRounds,
      onRound: (r) =>
        process.stderr.write(
          `round ${r.round}: ${Math.round(r.paidHours).toLocaleString('en-US')} paid h, ${r.missing.length} intervals short${r.meets ? ', every target met' : ''}; +${r.added} −${r.removed} agents\n`,
        ),
    });
    if (out) writeScenario(out, staffed.scenario);
    const result = {
      by,
      confidence,
      replications,
      seed,
      agents: staffed.after.agents,
      analytic: staffed.analytic,
      after: staffed.after,
      rounds: staffed.rounds,
      converged: staffed.converged,
      finalCheckSeed: staffed.finalCheckSeed,
      finalCheckReplications: staffed.finalCheckReplications,
      verdict: staffed.finalCheck,
      differences: staffed.differences,
    };
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${simulationText(s, staffed, confidence, out)}\n`);
  });
}

/** The staffed scenario as a file every other command reads. */
function writeScenario(out: string, s: Scenario): void {
  writeOutput(out, `${JSON.stringify({ ...s, name: `${s.name} (staffed)` }, null, 2)}\n`);
}

function analyticText(s: Scenario, by: string, staffed: ReturnType<typeof staffAnalytically>, out: string | undefined): string {
  return [
    `${s.name}: staffed to the per-interval targets by ${by === 'erlang-a' ? 'exact Erlang A' : 'Erlang C'}`,
    `Staffing: ${staffingChangeLine(staffed.before, staffed.after)}`,
    ...(staffed.after.cost ? [costLine(staffed.after.cost)] : []),
    ...(staffed.kept.length ? [`Kept as staffed (requirement beyond the engine's range): ${staffed.kept.join(', ')}`] : []),
    ...verdictLines(verdict(staffed.scenario, planDay(staffed.scenario))),
    ...(out ? [`Written: ${out}`] : []),
  ].join('\n');
}

function simulationText(s: Scenario, staffed: SimulationStaffing, confidence: number, out: string | undefined): string {
  const top = [...staffed.differences]
    .sort((a, b) => Math.abs(b.simulated - b.analytic) - Math.abs(a.simulated - a.analytic))
    .slice(0, 8);
  return [
    `${s.name}: staffed by simulation to every target at ${Math.round(confidence * 100)} % confidence, from the Erlang A answer`,
    `Rounds: ${staffed.rounds.length}${staffed.converged ? '' : ' (stopped at --max-rounds before every target held: the staffing below is the last round’s)'}`,
    `Staffing: Erlang A ${staffingChangeLine(staffed.analytic, staffed.after)}`,
    ...(staffed.after.cost ? [costLine(staffed.after.cost)] : []),
    top.length
      ? `Differs from Erlang A in ${staffed.differences.length} intervals, most at ${top.map((d) => `${d.start} ${d.simulated - d.analytic > 0 ? '+' : ''}${d.simulated - d.analytic}`).join(', ')}`
      : 'Equal to the Erlang A answer in every interval.',
    ...(top.length ? [staffingDifferenceReasons(planDay(staffed.analyticScenario), staffed.differences)] : []),
    `Final check on fresh seeds (seed ${staffed.finalCheckSeed}, ${staffed.finalCheckReplications} replications, never used by the search):`,
    ...verdictLines(staffed.finalCheck),
    ...(out ? [`Written: ${out}`] : []),
  ].join('\n');
}
