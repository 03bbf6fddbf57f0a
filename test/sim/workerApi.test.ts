import { describe, expect, it } from 'vitest';
import { spawnNodeWorker } from '../../src/cli/nodeWorkers';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { simulateReplication } from '../../src/sim';
import { runSimulation } from '../../src/sim/pool';
import { SimulationInputError, simulationWorkerApi } from '../../src/sim/workerApi';

const input: ScenarioInput = {
  schema: 1,
  name: 'worker',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  demand: { calls: [200, 400, 300, 200] },
  ahtSeconds: 200,
  staffing: { agents: 40 },
};

function scenario(extra: Partial<ScenarioInput> = {}): Scenario {
  const parsed = parseScenario({ ...input, ...extra });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('the simulation worker API checks what it is given', () => {
  it('refuses a scenario that is not valid, naming the field', () => {
    const api = simulationWorkerApi();
    const bad = [
      [null, /\(scenario\)/],
      [{ ...scenario(), ahtSeconds: -5 }, /ahtSeconds: must be a number from 1 to 86400 \(s\), got -5/],
      [{ ...scenario(), staffing: { agents: Number.NaN } }, /staffing\.agents/],
      [
        { ...scenario(), redial: { ...scenario().redial, maxAttempts: 0 } },
        /redial\.maxAttempts: must be a whole number from 1 to 100/,
      ],
    ] as const;
    for (const [s, message] of bad) {
      expect(() => api.load(s)).toThrow(SimulationInputError);
      expect(() => api.load(s)).toThrow(message);
    }
    expect(() => api.load(scenario(), 'not a function' as never)).toThrow(/onProgress: must be a function/);
  });

  it('refuses a replication that is not a whole number in range, and running before loading', () => {
    const api = simulationWorkerApi();
    expect(() => api.run(0)).toThrow(/load a scenario first/);
    api.load(scenario());
    for (const r of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_000, '3', null]) {
      expect(() => api.run(r)).toThrow(SimulationInputError);
      expect(() => api.run(r)).toThrow(/replication: must be a whole number from 0 to 9999, got /);
    }
    expect(api.run(3)).toEqual(simulateReplication(scenario(), 3));
  });

  it('keeps a scenario loaded again (its engine warm), and takes a different one', () => {
    const api = simulationWorkerApi();
    const a = scenario();
    const b = scenario({ staffing: { agents: 7 } });
    api.load(a);
    api.load(structuredClone(a));
    expect(api.run(1)).toEqual(simulateReplication(a, 1));
    api.load(b);
    expect(api.run(1)).toEqual(simulateReplication(b, 1));
    expect(api.run(1)).not.toEqual(simulateReplication(a, 1));
  });

  it('reports within a replication, by simulated time, the share of the day done', () => {
    const fractions: number[] = [];
    const s = scenario({ demand: { calls: [20_000, 20_000, 20_000, 20_000] }, staffing: { agents: 1_000 } });
    expect(simulateReplication(s, 0, (f) => fractions.push(f))).toEqual(simulateReplication(s, 0));
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBeLessThan(1);
  });

  it('a refused input reaches the caller as that error through a real worker thread, not as a dead worker', async () => {
    const run = runSimulation({ ...scenario(), ahtSeconds: -5 } as Scenario, spawnNodeWorker, { replications: 2, workers: 1 });
    await expect(run).rejects.toThrow(/^simulation worker: the scenario is not valid: ahtSeconds/);
    await expect(run).rejects.toHaveProperty('name', 'SimulationInputError');
  });

  it('a real worker thread reports progress within a replication', async () => {
    const reports: [number, number][] = [];
    const s = scenario({ demand: { calls: [60_000, 60_000, 60_000, 60_000] }, staffing: { agents: 3_000 } });
    await runSimulation(s, spawnNodeWorker, {
      replications: 1,
      workers: 1,
      onProgress: (done, _total, fraction) => reports.push([done, fraction]),
    });
    expect(reports.some(([done, fraction]) => done === 0 && fraction > 0 && fraction < 1)).toBe(true);
    expect(reports.at(-1)).toEqual([1, 1]);
  });
});
