import { serviceLevel } from '../erlang';
import { clockOf, intervalStarts, type Scenario, withDay } from '../scenario';
import { replicationRng, simulateReplication } from '../sim';
import type { Forecast } from './forecast';
import type { History } from './history';

/**
 * A scenario whose demand is the forecast: the day's grid from the history's
 * slots, calls (and AHT, where the history has it) per interval from the
 * forecast; the rest moves to the new grid by the scenario's one re-gridding
 * rule (withDay). A base scenario that is not valid gets the forecast as it is,
 * so its validation names what is wrong.
 */
export function forecastScenario(
  raw: Record<string, unknown>,
  f: Forecast,
  h: Pick<History, 'firstMinute' | 'intervalMinutes'>,
  date: string,
): Record<string, unknown> {
  const n = f.calls.length;
  const day = {
    date,
    open: clockOf(h.firstMinute),
    close: clockOf(h.firstMinute + n * h.intervalMinutes),
    intervalMinutes: h.intervalMinutes,
    calls: [...f.calls].map((c) => Number(c.toFixed(2))),
    ahtSeconds: f.aht ? [...f.aht].map((a) => Number(a.toFixed(1))) : undefined,
  };
  const edited = withDay(raw, day);
  if (edited.ok) return edited.raw;
  const { calls, ahtSeconds, intervalMinutes, ...clock } = day;
  return { ...raw, day: { ...(raw.day as Record<string, unknown>), ...clock }, intervalMinutes, demand: { calls } };
}

export interface RiskResult {
  replications: number;
  /** per interval: the chance the answer-rate and SL targets are met */
  intervals: { start: string; pAnswerRate: number | null; pServiceLevel: number }[];
  day: { pAnswerRate: number | null; pServiceLevel: number };
}

/**
 * The "risk" run: each replication draws the day's demand level from the
 * backtest's actual ÷ forecast ratios (the forecast's own track record) and
 * simulates the day at that level, so the share of replications meeting a
 * target is the probability of meeting it, demand uncertainty included.
 */
export function riskRun(s: Scenario, ratios: number[], replications: number): RiskResult {
  const starts = intervalStarts(s);
  const answerTarget = s.targets.answerRate;
  const slTarget = s.targets.serviceLevel;
  const meets = { answer: new Float64Array(starts.length), sl: new Float64Array(starts.length), dayAnswer: 0, daySl: 0 };
  const base = 'calls' in s.demand ? s.demand.calls : null;
  if (!base) throw new Error('demand: the risk run needs calls per interval (a forecast scenario)');
  for (let r = 0; r < replications; r++) {
    const factor =
      ratios.length > 0 ? ratios[Math.floor(replicationRng(s.simulation.seed ^ 0x5eed, r).next() * ratios.length)] : 1;
    const c = simulateReplication({ ...s, demand: { calls: base.map((x) => x * factor) } }, r);
    const day = { answered: 0, abandoned: 0, answeredWithin: 0, abandonedWithin: 0 };
    starts.forEach((_, i) => {
      const counts = {
        answered: c.answered[i],
        abandoned: c.abandoned[i],
        answeredWithin: c.answeredWithin[i],
        abandonedWithin: c.abandonedWithin[i],
      };
      const handled = counts.answered + counts.abandoned;
      if (handled === 0 || answerTarget === undefined || counts.answered / handled >= answerTarget) meets.answer[i]++;
      if ((serviceLevel(s.targets.slDefinition, counts) ?? 1) >= slTarget) meets.sl[i]++;
      for (const k of ['answered', 'abandoned', 'answeredWithin', 'abandonedWithin'] as const) day[k] += counts[k];
    });
    const handled = day.answered + day.abandoned;
    if (answerTarget !== undefined && handled > 0 && day.answered / handled >= answerTarget) meets.dayAnswer++;
    if ((serviceLevel(s.targets.slDefinition, day) ?? 1) >= slTarget) meets.daySl++;
  }
  return {
    replications,
    intervals: starts.map((start, i) => ({
      start,
      pAnswerRate: answerTarget === undefined ? null : meets.answer[i] / replications,
      pServiceLevel: meets.sl[i] / replications,
    })),
    day: {
      pAnswerRate: answerTarget === undefined ? null : meets.dayAnswer / replications,
      pServiceLevel: meets.daySl / replications,
    },
  };
}
