import type { Highs } from 'highs';
import type { DayPlan } from '../plan';
import { clockOf, intervalStarts, type Scenario, type ShiftTemplate } from '../scenario';
import { defaultTemplates, type ShiftPattern, shiftPatterns } from './patterns';

/** Paid hours one agent-interval of shortfall costs in the objective: far above any shift, so short only when unavoidable. */
const SHORTFALL_PENALTY = 1_000;

/** Shrinkage other than breaks when a scenario gives no shift settings (the schema's default). */
const DEFAULT_ABSENCE = 0.1;

/** Stop when the schedule is proved within 0.1 % of the cheapest (about 2 paid hours in 2,000). */
const MIP_GAP = 1e-3;

/** The agents each interval needs on the phones by the plan: Erlang A, or Erlang C where the scenario's shifts say so. */
export function shiftRequirement(s: Scenario, plan: DayPlan): number[] {
  return plan.intervals.map((x) => (s.shifts?.requirement === 'erlangC' ? x.requiredC : x.requiredA) ?? 0);
}

export interface ScheduleOptions {
  /** agents needed on the phones per interval (before absence shrinkage) */
  requirement: number[];
  templates?: ShiftTemplate[];
  absenceShrinkage?: number;
  maxPaidHours?: number;
  timeLimitSeconds?: number;
}

export interface ScheduledShift {
  template: string;
  start: string;
  end: string;
  breaks: { start: string; end: string; paid: boolean }[];
  paidHours: number;
  /** agents working exactly this shift */
  agents: number;
}

export interface IntervalCoverage {
  start: string;
  /** agents needed on the phones, after absence shrinkage */
  required: number;
  /** agents the shifts put on the phones (breaks taken out) */
  scheduled: number;
  /** how far short, 0 when covered */
  short: number;
}

export type ScheduleStatus = 'optimal' | 'time limit' | 'infeasible';

export interface Schedule {
  status: ScheduleStatus;
  /** relative MIP gap between the schedule found and the best bound; 0 when optimal */
  gap: number | null;
  paidHours: number;
  agents: number;
  shifts: ScheduledShift[];
  coverage: IntervalCoverage[];
  /** intervals that could not be covered within the rules, with the reason */
  shortfalls: string[];
  templates: ShiftTemplate[];
}

/**
 * Chooses how many agents work each shift pattern (template × start × break
 * placement) so that every interval is covered at the fewest paid hours: an
 * integer program (set covering with explicit break placement) solved by HiGHS.
 * A slack per interval, priced far above any shift, keeps the model feasible,
 * so a requirement the rules cannot meet is reported interval by interval
 * instead of a bare "infeasible".
 */
export function scheduleDay(s: Scenario, highs: Highs, options: ScheduleOptions): Schedule {
  const templates = options.templates ?? s.shifts?.templates ?? defaultTemplates(s);
  const absence = options.absenceShrinkage ?? s.shifts?.absenceShrinkage ?? DEFAULT_ABSENCE;
  const maxPaidHours = options.maxPaidHours ?? s.shifts?.maxPaidHours;
  const patterns = shiftPatterns(s, templates);
  const starts = intervalStarts(s);
  // Whole agents: rounding up once here also keeps the integer program tight.
  const required = options.requirement.map((r) => Math.ceil(r / (1 - absence) - 1e-9));
  const lp = modelText(patterns, templates, required, maxPaidHours);
  const solved = highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? s.shifts?.timeLimitSeconds ?? 20,
      mip_rel_gap: MIP_GAP,
    });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return null;
    if (status !== codes.optimal && status !== codes.timeLimit)
      throw new Error(`the solver stopped without a schedule (status ${status})`);
    const values = model.getSolution().colValue;
    const gap = Number(model.info.get('mip_gap'));
    return { values, optimal: status === codes.optimal, gap: Number.isFinite(gap) ? gap : null };
  });
  if (!solved) {
    const minimum = templates.reduce(
      (sum, t, i) => sum + t.minAgents * Math.min(...patterns.filter((p) => p.template === i).map((p) => p.paidHours)),
      0,
    );
    return {
      status: 'infeasible',
      gap: null,
      paidHours: 0,
      agents: 0,
      shifts: [],
      coverage: starts.map((start, i) => ({ start, required: required[i], scheduled: 0, short: required[i] })),
      shortfalls: [`the templates' minimum headcounts need ${minimum.toFixed(1)} paid hours, above the cap of ${maxPaidHours} h`],
      templates,
    };
  }
  const counts = patterns.map((_, j) => Math.round(solved.values[j]));
  const shifts: ScheduledShift[] = [];
  patterns.forEach((p, j) => {
    if (counts[j] > 0) shifts.push(describe(p, templates, counts[j]));
  });
  shifts.sort((a, b) => a.start.localeCompare(b.start) || a.template.localeCompare(b.template));
  const coverage = starts.map((start, i) => {
    const scheduled = patterns.reduce((sum, p, j) => sum + p.coverage[i] * counts[j], 0);
    return { start, required: required[i], scheduled, short: Math.max(0, required[i] - scheduled) };
  });
  return {
    status: solved.optimal ? 'optimal' : 'time limit',
    gap: solved.optimal ? 0 : solved.gap,
    paidHours: patterns.reduce((sum, p, j) => sum + p.paidHours * counts[j], 0),
    agents: counts.reduce((a, b) => a + b, 0),
    shifts,
    coverage,
    shortfalls: coverage
      .filter((c) => c.short > 1e-6)
      .map((c) => `${c.start}: short by ${c.short.toFixed(1)} agents on the phones`),
    templates,
  };
}

function describe(p: ShiftPattern, templates: ShiftTemplate[], agents: number): ScheduledShift {
  const t = templates[p.template];
  return {
    template: t.name,
    start: clockOf(p.start),
    end: clockOf(p.end),
    breaks: p.breaks.map(([b0, b1], k) => ({ start: clockOf(b0), end: clockOf(b1), paid: t.breaks[k].paid })),
    paidHours: p.paidHours,
    agents,
  };
}

/** The integer program in CPLEX LP format: x_j agents on pattern j, u_i shortfall in interval i. */
function modelText(
  patterns: ShiftPattern[],
  templates: ShiftTemplate[],
  required: number[],
  maxPaidHours: number | undefined,
): string {
  const term = (coefficient: number, name: string) => `${coefficient >= 0 ? '+' : '-'} ${Math.abs(coefficient)} ${name}`;
  const lines = [
    'Minimize',
    ` cost: ${patterns.map((p, j) => term(p.paidHours, `x${j}`)).join(' ')} ${required.map((_, i) => term(SHORTFALL_PENALTY, `u${i}`)).join(' ')}`,
    'Subject To',
  ];
  required.forEach((r, i) => {
    const covering = patterns.map((p, j) => (p.coverage[i] > 0 ? term(p.coverage[i], `x${j}`) : '')).filter(Boolean);
    lines.push(` cover${i}: ${covering.join(' ')} + u${i} >= ${r}`);
  });
  templates.forEach((t, k) => {
    const own = patterns.map((p, j) => (p.template === k ? `+ x${j}` : '')).filter(Boolean);
    if (own.length === 0) return;
    if (t.minAgents > 0) lines.push(` min${k}: ${own.join(' ')} >= ${t.minAgents}`);
    if (t.maxAgents !== undefined) lines.push(` max${k}: ${own.join(' ')} <= ${t.maxAgents}`);
  });
  if (maxPaidHours !== undefined)
    lines.push(` paid: ${patterns.map((p, j) => term(p.paidHours, `x${j}`)).join(' ')} <= ${maxPaidHours}`);
  lines.push(
    'Bounds',
    ...patterns.map((_, j) => ` x${j} >= 0`),
    ...required.map((_, i) => ` u${i} >= 0`),
    'Generals',
    ` ${patterns.map((_, j) => `x${j}`).join(' ')}`,
    'End',
  );
  return lines.join('\n');
}
