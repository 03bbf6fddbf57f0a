/** The analytic plan of a real-size day. */
import { planDay } from '../src/plan';
import { formatScenarioError, parseScenario } from '../src/scenario';
import { dayOfIntervals } from './erlang';
import { timed } from './measure';

/** A 96-interval day of a 5,000-agent center with lines, redials and idle-time callbacks: one re-plan (warm). */
export async function planFigures() {
  const loads = dayOfIntervals();
  const parsed = parseScenario({
    schema: 1,
    name: 'bench: 5,000 agents',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 15,
    demand: { calls: loads.map((a) => (a * 900) / 180) },
    ahtSeconds: 180,
    ivr: { lines: 7_000, containment: 0.1, escape: { share: 0.02 } },
    patience: { meanSeconds: 240 },
    redial: { abandoned: { share: 0.5 }, blocked: { share: 0.5 } },
    callback: { enabled: true, offerWhen: { waitAboveSeconds: 120 }, acceptance: 0.5 },
    staffing: { agents: loads.map((a) => Math.round(a * 0.95 + 40)) },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  const cold = await timed(() => planDay(parsed.scenario));
  const warm = await timed(() => planDay(parsed.scenario));
  return { plan96IntervalsOf5000Agents: { first: cold.timing, again: warm.timing } };
}
