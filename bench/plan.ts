/** The analytic plan of a real-size day, and of the slowest valid scenario we know. */
import { planDay } from '../src/plan';
import {
  formatScenarioError,
  MAX_LINES,
  MAX_REDIAL_SHARE,
  MAX_WAITING_CALLERS,
  parseScenario,
  type ScenarioInput,
} from '../src/scenario';
import { dayOfIntervals } from './erlang';
import { timed } from './measure';

function valid(input: ScenarioInput) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

/**
 * The worst case inside the limits: 96 intervals each at the largest number of
 * callers who may be waiting (MAX_WAITING_CALLERS, with redial shares at their
 * 0.99 maximum), far too few agents (the Erlang A law is longest then), every
 * line allowed, and IVR escapes and callbacks adding their fixed-point unknowns.
 * Calls differ a little per interval so that no requirement is reused.
 */
export function worstCaseScenario(): ScenarioInput {
  const patience = 300;
  const L = 900;
  const perCaller = 1 / (1 - MAX_REDIAL_SHARE);
  const most = ((MAX_WAITING_CALLERS * L) / (perCaller * patience)) * (1 - 1e-9);
  return {
    schema: 1,
    name: 'bench: worst valid case',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 15,
    demand: { calls: Array.from({ length: 96 }, (_, i) => most * (1 - i * 1e-4)) },
    ahtSeconds: 180,
    ivr: { lines: MAX_LINES, containment: 0.05, escape: { share: 0.05, to: 'callback' } },
    patience: { meanSeconds: patience },
    redial: { abandoned: { share: MAX_REDIAL_SHARE }, blocked: { share: MAX_REDIAL_SHARE } },
    callback: { enabled: true, offerWhen: { waitAboveSeconds: 3_600 }, acceptance: 0.01 },
    staffing: { agents: 100 },
    targets: { maxAsaSeconds: 10, maxAbandonRate: 0.01, maxOccupancy: 0.9, answerRate: 0.95 },
  };
}

/** A 96-interval day of a 5,000-agent center with lines, redials and idle-time callbacks: one re-plan (warm). */
export async function planFigures() {
  const loads = dayOfIntervals();
  const scenario = valid({
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
  const cold = await timed(() => planDay(scenario));
  const warm = await timed(() => planDay(scenario));
  const worst = await timed(() => planDay(valid(worstCaseScenario())));
  return {
    plan96IntervalsOf5000Agents: { first: cold.timing, again: warm.timing },
    planWorstValidScenario: worst.timing,
  };
}
