/** Erlang engine figures: evaluations per second and a day's staffing. */
import { erlangC, requiredAgents, type StaffingCase } from '../src/erlang';
import { rate, timed } from './measure';

function erlangCRate(agents: number) {
  const load = agents * 0.9;
  let sink = 0;
  const r = rate(() => {
    const c = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
    if (c.stable) sink += c.serviceLevel;
  });
  if (!Number.isFinite(sink)) throw new Error('bad result');
  return r;
}

/** A 96-interval day of a 5,000-agent center: a double-peaked profile up to ~4,500 Erlangs. */
export function dayOfIntervals(): number[] {
  return Array.from({ length: 96 }, (_, i) => {
    const hour = i / 4;
    const shape = Math.exp(-((hour - 11) ** 2) / 8) + 0.8 * Math.exp(-((hour - 19) ** 2) / 6);
    return Math.max(50, 4_500 * shape); // Erlangs
  });
}

async function staffDay(model: 'C' | 'A') {
  const loads = dayOfIntervals();
  const { value: total, timing } = await timed(() => {
    let agents = 0;
    for (const load of loads) {
      const c: StaffingCase = {
        model,
        calls: (load * 900) / 180,
        intervalSeconds: 900,
        ahtSeconds: 180,
        patienceSeconds: 300,
        targetSeconds: 20,
        slDefinition: 'abandonsCount',
      };
      agents += requiredAgents(c, { serviceLevel: 0.8 }).agents;
    }
    return agents;
  });
  if (total < 5_000) throw new Error('unexpected staffing');
  return timing;
}

export async function erlangFigures() {
  return {
    erlangCEvaluationsPerSecond: { n10: erlangCRate(10), n1000: erlangCRate(1_000), n50000: erlangCRate(50_000) },
    staff96IntervalsOf5000Agents: { erlangC: await staffDay('C'), erlangA: await staffDay('A') },
  };
}
