/** Staffing Christmas Eve to its targets: analytically, and by simulation on the worker pool. */
import { readFileSync } from 'node:fs';
import { defaultWorkers, spawnNodeWorker } from '../src/cli/nodeWorkers';
import { staffAnalytically, staffBySimulation } from '../src/plan/staffToTarget';
import { formatScenarioError, parseScenarioText, type Scenario } from '../src/scenario';
import { runSimulation } from '../src/sim/pool';
import { timed } from './measure';

export async function staffFigures() {
  const parsed = parseScenarioText(readFileSync(new URL('../scenarios/christmas-eve.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  const s = parsed.scenario;
  const analytic = await timed(() => staffAnalytically(s, 'erlangA'));
  const simulate = (x: Scenario) =>
    runSimulation(x, spawnNodeWorker, { replications: x.simulation.replications, workers: defaultWorkers() });
  const search = await timed(() =>
    staffBySimulation(s, simulate, {
      replications: s.simulation.replications,
      seed: s.simulation.seed,
      confidence: 0.95,
      maxRounds: 12,
    }),
  );
  return {
    staffChristmasEve: {
      erlangA: { timing: analytic.timing, paidHours: Math.round(analytic.value.after.paidHours) },
      bySimulation: {
        workers: defaultWorkers(),
        timing: search.timing,
        rounds: search.value.rounds.length,
        converged: search.value.converged,
        paidHours: Math.round(search.value.after.paidHours),
        finalCheckMeets: search.value.finalCheck.meets,
      },
    },
  };
}
