import type { Scenario, TargetScope } from '../scenario/schema';
import type { Estimate, SimulationResult } from '../sim/results';
import type { DayPlan } from './plan';

/**
 * Does the day meet the planner's targets, where not, and by how much: each target against the
 * day's figure and every interval's, from the analytic plan or from a simulation. A simulated
 * target is met when it holds with 95% confidence (the lower end of its interval for an
 * "at least" target, the upper end for an "at most" one); it is missed when even the other end
 * fails, and unclear in between.
 */

export type TargetKey = 'serviceLevel' | 'answerRate' | 'asaSeconds' | 'abandonRate' | 'occupancy' | 'callbacksInTime';
export type Status = 'meets' | 'misses' | 'unclear' | 'no calls';

/** A figure as a check sees it: a value, and for a simulated one its 95% interval. */
export interface Figure {
  value: number | null;
  halfWidth?: number | null;
}

/** A target of the scenario: which figure, which way, how much, and where it must hold. */
export interface TargetSpec {
  key: TargetKey;
  label: string;
  unit: 'share' | 'seconds';
  direction: 'at least' | 'at most';
  target: number;
  scope: TargetScope;
}

export interface TargetCheck extends TargetSpec {
  day: { value: number | null; halfWidth: number | null; status: Status; margin: number | null } | null;
  /** intervals where the target fails (of those with calls), and the worst of them */
  intervals: { failing: number; of: number; worst: { start: string; value: number | null; margin: number | null } | null } | null;
  meets: boolean;
}

/** Net staffing per interval: agents on the phones − the Erlang A requirement (negative = short). */
export interface NetStaffing {
  perInterval: (number | null)[];
  shortIntervals: number;
  intervals: number;
  worst: { start: string; agentsShort: number } | null;
  agentHoursShort: number;
  agentHoursOver: number;
}

export interface Verdict {
  source: 'analytic plan' | 'simulation';
  meets: boolean;
  checks: TargetCheck[];
  staffing: NetStaffing;
  /** the verdict in one or two sentences a planner reads in ten seconds */
  summary: string[];
}

/** Where a simulation's figures come from: per interval and for the day, by target key. */
export interface SimulatedFigures {
  day: Record<TargetKey, Figure>;
  intervals: Record<TargetKey, Figure>[];
}

/** The scenario's targets, each with its direction and scope. */
export function targetsOf(s: Scenario): TargetSpec[] {
  const t = s.targets;
  const h = t.holdFor;
  const specs: (TargetSpec | null)[] = [
    {
      key: 'serviceLevel',
      label: `SL ${Math.round(100 * t.serviceLevel)}/${t.targetSeconds}`,
      unit: 'share',
      direction: 'at least',
      target: t.serviceLevel,
      scope: h.serviceLevel,
    },
    t.answerRate === undefined
      ? null
      : {
          key: 'answerRate',
          label: 'Answer rate',
          unit: 'share',
          direction: 'at least',
          target: t.answerRate,
          scope: h.answerRate,
        },
    t.maxAsaSeconds === undefined
      ? null
      : {
          key: 'asaSeconds',
          label: 'ASA',
          unit: 'seconds',
          direction: 'at most',
          target: t.maxAsaSeconds,
          scope: h.maxAsaSeconds,
        },
    t.maxAbandonRate === undefined
      ? null
      : {
          key: 'abandonRate',
          label: 'Abandonment',
          unit: 'share',
          direction: 'at most',
          target: t.maxAbandonRate,
          scope: h.maxAbandonRate,
        },
    t.maxOccupancy === undefined
      ? null
      : {
          key: 'occupancy',
          label: 'Occupancy',
          unit: 'share',
          direction: 'at most',
          target: t.maxOccupancy,
          scope: h.maxOccupancy,
        },
    t.callbacksInTime === undefined || !s.callback.enabled
      ? null
      : {
          key: 'callbacksInTime',
          label: 'Callbacks in time',
          unit: 'share',
          direction: 'at least',
          target: t.callbacksInTime,
          scope: h.callbacksInTime,
        },
  ];
  return specs.filter((x): x is TargetSpec => x !== null);
}

/** How a figure stands against a target; the margin is positive when it passes (in the figure's unit). */
export function judge(figure: Figure, spec: Pick<TargetSpec, 'direction' | 'target'>): { status: Status; margin: number | null } {
  if (figure.value === null) return { status: 'no calls', margin: null };
  const margin = spec.direction === 'at least' ? figure.value - spec.target : spec.target - figure.value;
  if (figure.halfWidth === undefined) return { status: margin >= -1e-12 ? 'meets' : 'misses', margin };
  if (figure.halfWidth === null) return { status: 'unclear', margin };
  if (margin - figure.halfWidth >= -1e-12) return { status: 'meets', margin };
  return { status: margin + figure.halfWidth < 0 ? 'misses' : 'unclear', margin };
}

/** The plan's figures by target key. */
export function planFigures(plan: DayPlan): SimulatedFigures {
  const t = plan.totals;
  const rate = (a: number | null) => (a === null ? null : 1 - a);
  const callbacksInTime = t.callbacksRequested > 0 ? t.callbacksCompleted / t.callbacksRequested : null;
  return {
    day: {
      serviceLevel: { value: t.serviceLevel },
      answerRate: { value: t.answerRate },
      asaSeconds: { value: t.asa },
      abandonRate: { value: rate(t.answerRate) },
      occupancy: { value: t.occupancy },
      callbacksInTime: { value: callbacksInTime },
    },
    intervals: plan.intervals.map((x) => {
      const calls = x.toAgents > 1e-9;
      return {
        serviceLevel: { value: calls ? x.serviceLevel : null },
        answerRate: { value: calls ? x.answerRate : null },
        asaSeconds: { value: calls ? x.asa : null },
        abandonRate: { value: calls ? rate(x.answerRate) : null },
        occupancy: { value: x.agents > 0 ? x.occupancyAll : null },
        callbacksInTime: { value: null },
      };
    }),
  };
}

const figure = (e: Estimate, scale: number): Figure => ({
  value: e.mean,
  halfWidth: e.halfWidth === null ? null : e.halfWidth * scale,
});

/** A ratio of two simulated counts, its half-width by the delta method without their covariance (wider, so safe). */
function ratioFigure(numerator: Estimate, denominator: Estimate, scale: number): Figure {
  if (numerator.mean === null || denominator.mean === null || denominator.mean <= 0) return { value: null };
  const value = numerator.mean / denominator.mean;
  if (numerator.halfWidth === null || denominator.halfWidth === null) return { value, halfWidth: null };
  const rel = Math.hypot(numerator.halfWidth / Math.max(numerator.mean, 1e-12), denominator.halfWidth / denominator.mean);
  return { value, halfWidth: value * rel * scale };
}

/**
 * A simulation's figures by target key; `scale` turns its 95% half-widths into another
 * confidence level (confidenceScale).
 */
export function simulationFigures(r: SimulationResult, scale = 1): SimulatedFigures {
  const of = (m: SimulationResult['day']): Record<TargetKey, Figure> => ({
    serviceLevel: figure(m.serviceLevel, scale),
    answerRate: figure(m.answerRate, scale),
    asaSeconds: figure(m.asa, scale),
    abandonRate: figure(m.abandonRate, scale),
    occupancy: figure(m.occupancy, scale),
    callbacksInTime: ratioFigure(m.callbacksCompleted, m.callbacksRequested, scale),
  });
  return { day: of(r.day), intervals: r.intervals.map((x) => ({ ...of(x.metrics), callbacksInTime: { value: null } })) };
}

export function netStaffing(plan: DayPlan, intervalMinutes: number): NetStaffing {
  const hours = intervalMinutes / 60;
  const perInterval = plan.intervals.map((x) => (x.requiredA === null ? null : x.agents - x.requiredA));
  let shortIntervals = 0;
  let short = 0;
  let over = 0;
  let worst: NetStaffing['worst'] = null;
  perInterval.forEach((net, i) => {
    if (net === null) return;
    if (net < 0) {
      shortIntervals++;
      short -= net * hours;
      if (!worst || -net > worst.agentsShort) worst = { start: plan.intervals[i].start, agentsShort: -net };
    } else over += net * hours;
  });
  return { perInterval, shortIntervals, intervals: plan.intervals.length, worst, agentHoursShort: short, agentHoursOver: over };
}

/** The verdict of a plan, or with `simulated` figures of a simulation of the same scenario. */
export function verdict(s: Scenario, plan: DayPlan, simulated: SimulatedFigures | null = null): Verdict {
  const figures = simulated ?? planFigures(plan);
  const checks = targetsOf(s).map((spec): TargetCheck => {
    const dayFigure = figures.day[spec.key];
    const dayJudged = spec.scope === 'interval' ? null : judge(dayFigure, spec);
    let intervals: TargetCheck['intervals'] = null;
    if (spec.scope !== 'day' && spec.key !== 'callbacksInTime') {
      let failing = 0;
      let of = 0;
      let worst: NonNullable<TargetCheck['intervals']>['worst'] = null;
      figures.intervals.forEach((x, i) => {
        const j = judge(x[spec.key], spec);
        if (j.status === 'no calls') return;
        of++;
        if (j.status === 'meets') return;
        failing++;
        if (!worst || (j.margin ?? 0) < (worst.margin ?? 0))
          worst = { start: plan.intervals[i].start, value: x[spec.key].value, margin: j.margin };
      });
      intervals = { failing, of, worst };
    }
    // A day without calls cannot fall short of a target.
    const dayHolds = dayJudged === null || dayJudged.status === 'meets' || dayJudged.status === 'no calls';
    const meets = dayHolds && (intervals === null || intervals.failing === 0);
    return {
      ...spec,
      day: dayJudged && { value: dayFigure.value, halfWidth: dayFigure.halfWidth ?? null, ...dayJudged },
      intervals,
      meets,
    };
  });
  const staffing = netStaffing(plan, s.intervalMinutes);
  const meets = checks.every((c) => c.meets);
  return {
    source: simulated ? 'simulation' : 'analytic plan',
    meets,
    checks,
    staffing,
    summary: summaryOf(meets, checks, staffing, simulated !== null),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const whole = (x: number) => Math.round(x).toLocaleString('en-US');

export function formatTargetValue(unit: 'share' | 'seconds', x: number | null): string {
  return x === null ? '—' : unit === 'share' ? pct(x) : `${x.toFixed(1)} s`;
}

function summaryOf(meets: boolean, checks: TargetCheck[], n: NetStaffing, simulated: boolean): string[] {
  const lines: string[] = [];
  const confidence = simulated ? ' with 95% confidence' : '';
  if (meets) lines.push(`Meets every target${confidence}.`);
  else {
    const missed = checks.filter((c) => !c.meets).map((c) => c.label);
    lines.push(`Misses ${missed.join(', ')}${simulated ? ' (not shown to hold with 95% confidence)' : ''}.`);
  }
  if (n.shortIntervals > 0 && n.worst) {
    lines.push(
      `Short in ${n.shortIntervals} of ${n.intervals} intervals; worst ${n.worst.start}, ${whole(n.worst.agentsShort)} agents below the Erlang A requirement; ${whole(n.agentHoursShort)} agent-hours short, ${whole(n.agentHoursOver)} over.`,
    );
  } else
    lines.push(`Staffed at or above the Erlang A requirement in every interval; ${whole(n.agentHoursOver)} agent-hours over.`);
  return lines;
}
