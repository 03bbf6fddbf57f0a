import { ERLANG_FIELDS } from '../erlang';
import { MAX_LOAD } from '../erlang/erlangCase';
import { ahtPerInterval, callsPerInterval, intervalCount } from './day';
import type { Scenario } from './schema';
import type { ScenarioError } from './validate';

/**
 * The limits a scenario must respect so that both engines give a finite answer
 * within their accuracy range. Each one follows from the maths of the engine
 * that reads the field (DESIGN.md §3), not from taste; README lists them.
 */

/** Most first attempts in one interval, whether given directly or as dailyCalls × uplift × profile share. */
export const MAX_CALLS_PER_INTERVAL = 1_000_000;

/**
 * Largest offered load of first attempts per interval, calls × AHT ÷ interval length:
 * the range over which the Erlang engine is held accurate, as `wfm erlang` applies it.
 */
export const MAX_LOAD_ERLANGS = MAX_LOAD;

/** Most agents in an interval: the Erlang engine's accuracy range, as `wfm erlang` applies it. */
export const MAX_AGENTS = ERLANG_FIELDS.agents.max;

/** Most IVR lines, as `wfm erlang` allows: Erlang B runs once per line at every fixed-point step. */
export const MAX_LINES = ERLANG_FIELDS.lines.max;

/**
 * Largest redial share, as `wfm erlang` allows. A caller who redials with share r
 * makes up to 1 ÷ (1 − r) attempts on average (when every attempt fails); at
 * r = 1 that is infinite and the redial fixed point has no solution, so r
 * stops at 0.99: at most 100 attempts per caller.
 */
export const MAX_REDIAL_SHARE = ERLANG_FIELDS.redialShare.max;

/**
 * Most callers who could be waiting at once in one interval: attempts per second
 * (first attempts × the most attempts the redial shares allow) × mean patience,
 * the queue length when no agent answers. The exact Erlang A law is summed over
 * every queue length up to that, at every fixed-point step, so this bounds the
 * plan's time and keeps the law far from the engine's hard limit of 2·10⁷ states.
 */
export const MAX_WAITING_CALLERS = 100_000;

/** The most intervals a day can have (24 h of 15-minute intervals): the length of every per-interval list. */
export const MAX_INTERVALS = 96;

/**
 * Most attempts per first attempt the redial shares allow: 1 + r + … + r^(m−1) for the larger
 * share r, at most redial.maxAttempts (m) calls a customer.
 */
export function attemptsPerCaller(s: Scenario): number {
  const r = Math.max(s.redial.abandoned.share, s.redial.blocked.share);
  return (1 - r ** s.redial.maxAttempts) / (1 - r);
}

/**
 * Per-interval traffic limits, which no single field can check: the calls a
 * daily total makes in each interval, the offered load, the callers who could
 * be waiting. Reported once per rule, at the first interval that breaks it.
 */
export function trafficErrors(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const L = s.intervalMinutes * 60;
  const calls = callsPerInterval(s);
  const aht = ahtPerInterval(s);
  const callsPath = 'calls' in s.demand ? 'demand.calls' : 'demand.dailyCalls';
  const first = <T>(pick: (i: number) => T | null): T | null => {
    for (let i = 0; i < intervalCount(s); i++) {
      const found = pick(i);
      if (found !== null) return found;
    }
    return null;
  };
  if ('dailyCalls' in s.demand) {
    const over = first((i) => (calls[i] > MAX_CALLS_PER_INTERVAL ? i : null));
    if (over !== null) {
      errors.push({
        path: callsPath,
        message: `dailyCalls × uplift × the profile's share must give at most ${MAX_CALLS_PER_INTERVAL} calls per interval, got ${Math.round(calls[over])} in interval ${over}`,
      });
    }
  }
  const loadOver = first((i) => ((calls[i] * aht[i]) / L > MAX_LOAD_ERLANGS ? i : null));
  if (loadOver !== null) {
    const at = 'calls' in s.demand ? `${callsPath}[${loadOver}]` : callsPath;
    errors.push({
      path: at,
      message: `the offered load calls × ahtSeconds ÷ ${L} s must be at most ${MAX_LOAD_ERLANGS} Erlangs per interval, got ${Math.round((calls[loadOver] * aht[loadOver]) / L)} in interval ${loadOver}`,
    });
  }
  const perCaller = attemptsPerCaller(s);
  const waiting = (i: number) => (calls[i] / L) * perCaller * s.patience.meanSeconds;
  const queueOver = first((i) => (waiting(i) > MAX_WAITING_CALLERS ? i : null));
  if (queueOver !== null) {
    errors.push({
      path: 'patience.meanSeconds',
      message: `calls per second × ${round(perCaller)} attempts per caller (redial shares) × mean patience — the callers who could be waiting at once — must be at most ${MAX_WAITING_CALLERS}, got ${Math.round(waiting(queueOver))} in interval ${queueOver}; shorten the patience, lower the redial shares or split the calls`,
    });
  }
  return errors;
}

const round = (x: number) => Number(x.toPrecision(3));
