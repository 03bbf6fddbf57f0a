/** Erlang engine figures: evaluations per second and a day's staffing. */
import { erlangA, erlangC, requiredAgents, type StaffingCase } from '../src/erlang';
import { rate, type Timing, timed } from './measure';

/** Erlang C evaluations at `agents`, by default at 90 % load. */
function erlangCRate(agents: number, load = agents * 0.9) {
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

/** Erlang A evaluations (every metric, SL at 20 s) at `agents` and load N − √N, AHT 180 s, patience 300 s. */
function erlangARate(agents: number) {
  const load = agents - Math.sqrt(agents);
  let sink = 0;
  const input = { agents, arrivalRate: load / 180, ahtSeconds: 180, patienceSeconds: 300, targetSeconds: 20 };
  const r = rate(() => {
    sink += erlangA(input).pServedWithin;
  });
  if (!Number.isFinite(sink)) throw new Error('bad result');
  return r;
}

/** One day's staffing, timed once: the first day includes compiling the code (as a CLI run does). */
async function staffDayOnce(model: 'C' | 'A') {
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

/** The day staffed again, as the app re-plans after an edit: the median of 5 runs by CPU time. */
async function staffDayAgain(model: 'C' | 'A') {
  const runs: Timing[] = [];
  for (let i = 0; i < 5; i++) runs.push(await staffDayOnce(model));
  return runs.sort((x, y) => x.cpuMs - y.cpuMs)[2];
}

export async function erlangFigures() {
  return {
    erlangCEvaluationsPerSecond: {
      n10: erlangCRate(10),
      n1000: erlangCRate(1_000),
      n50000: erlangCRate(50_000),
      /** the Halfin–Whitt region, load N − √N, where the series are longest */
      n50000HalfinWhitt: erlangCRate(50_000, 50_000 - Math.sqrt(50_000)),
    },
    erlangAEvaluationsPerSecond: { n5000HalfinWhitt: erlangARate(5_000) },
    // First C, then A, each timed on its first day (compiling included), then again.
    staff96IntervalsOf5000Agents: {
      erlangC: await staffDayOnce('C'),
      erlangA: await staffDayOnce('A'),
      erlangCAgain: await staffDayAgain('C'),
      erlangAAgain: await staffDayAgain('A'),
    },
  };
}
