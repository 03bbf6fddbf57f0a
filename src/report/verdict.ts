import type { DayPlan } from '../plan';
import { formatTargetValue, type TargetCheck, type Verdict } from '../plan/verdict';
import type { Scenario } from '../scenario/schema';
import type { SimulationResult } from '../sim/results';

/** A check's margin in its unit: percentage points for shares, seconds for times. */
function by(c: TargetCheck, margin: number | null): string {
  if (margin === null) return '';
  const size = Math.abs(margin);
  return c.unit === 'share' ? `${(100 * size).toFixed(1)} pts` : `${size.toFixed(1)} s`;
}

const STATUS: Record<string, string> = { meets: 'meets', misses: 'misses', unclear: 'not shown to hold', 'no calls': 'no calls' };

/** One line per target: the day's figure against it, and how many intervals miss it. */
export function checkLine(c: TargetCheck): string {
  const parts = [
    `${c.label} ${c.direction} ${formatTargetValue(c.unit, c.target)} (${c.scope === 'both' ? 'day and every interval' : c.scope === 'day' ? 'the day' : 'every interval'}):`,
  ];
  if (c.day) {
    const ci =
      c.day.halfWidth === null ? '' : ` ±${c.unit === 'share' ? (100 * c.day.halfWidth).toFixed(1) : c.day.halfWidth.toFixed(1)}`;
    const margin = c.day.margin === null ? '' : ` by ${by(c, c.day.margin)}`;
    parts.push(
      `day ${formatTargetValue(c.unit, c.day.value)}${ci} — ${STATUS[c.day.status]}${c.day.status === 'no calls' ? '' : margin}`,
    );
  }
  if (c.intervals) {
    const w = c.intervals.worst;
    parts.push(
      c.intervals.failing === 0
        ? `${c.intervals.of === 0 ? 'no interval has calls' : `every interval of ${c.intervals.of} meets it`}`
        : `${c.intervals.failing} of ${c.intervals.of} intervals miss it${w ? `, worst ${w.start} at ${formatTargetValue(c.unit, w.value)}` : ''}`,
    );
  }
  return `${parts[0]} ${parts.slice(1).join('; ')}`;
}

/** The verdict as a planner reads it in ten seconds: the answer, each target, the staffing. */
export function verdictLines(v: Verdict): string[] {
  return [`Verdict (${v.source}): ${v.summary[0]}`, ...v.checks.map((c) => `  ${checkLine(c)}`), ...v.summary.slice(1)];
}

/** Why the analytic plan can differ from the simulation of the same day, for this scenario. */
export function planDifferenceReasons(s: Scenario, r: SimulationResult): string[] {
  const carried = r.intervals.filter((x) => (x.metrics.queueAtStart.mean ?? 0) >= 1).length;
  const reasons = ['the plan takes each interval in steady state'];
  if (carried > 0) reasons.push(`queues carry over (${carried} intervals start with calls waiting)`);
  if (s.redial.abandoned.share > 0 || s.redial.blocked.share > 0)
    reasons.push('redials come back later, not within the interval');
  if (s.callback.enabled) reasons.push('callbacks are an approximation in the plan');
  if (s.ivr.lines !== null) reasons.push('busy signals use a line-holding-time estimate');
  return reasons;
}

/** Below this many calls to agents an interval is quiet: its figures are uncertain on few calls. */
const QUIET_CALLS = 50;

/**
 * Why staffing by simulation differs from the Erlang A answer (`analytic`, its plan), interval by
 * interval: where the analytic staffing falls in the next interval (calls arriving late wait into the drop, which a
 * steady-state interval never sees), where the interval is quiet (meeting a target with 95 %
 * confidence on few calls takes agents to spare), and elsewhere the queues busy neighbours
 * carry over. One sentence with the count of each kind.
 */
export function staffingDifferenceReasons(
  analytic: DayPlan,
  differences: readonly { start: string; analytic: number; simulated: number }[],
): string {
  const xs = analytic.intervals;
  const at = new Map(xs.map((x, i) => [x.start, i]));
  let falls = 0;
  let quiet = 0;
  for (const d of differences) {
    const i = at.get(d.start) ?? -1;
    if (i >= 0 && i + 1 < xs.length && xs[i + 1].agents < xs[i].agents) falls++;
    else if (i >= 0 && xs[i].toAgents < QUIET_CALLS) quiet++;
  }
  const rest = differences.length - falls - quiet;
  const parts = [
    falls > 0
      ? `${falls} sit where staffing falls in the next interval (calls arriving late wait into the drop; Erlang A takes each interval in steady state)`
      : '',
    quiet > 0
      ? `${quiet} are quiet (under ${QUIET_CALLS} calls to agents), where holding a target with 95 % confidence on few calls takes agents to spare`
      : '',
    rest > 0 ? `${rest} take queues carried over from busy neighbours, and redials and callbacks coming back later` : '',
  ].filter((p) => p !== '');
  return parts.length ? `Why: ${parts.join('; ')}.` : '';
}
