import type { Highs } from 'highs';
import type { DayPlan } from '../plan';
import { clockOf, intervalStarts } from '../scenario/day';
import type { Scenario, ShiftTemplate } from '../scenario/schema';
import { partTimeMix } from './mix';
import { coveringModel } from './model';
import { dayTimeline, defaultTemplates, onPhones, type ShiftPattern, shiftPatterns } from './patterns';
import { searchCover, searchOutcome } from './search';

/** Shrinkage other than breaks when a scenario gives no shift settings (the schema's default). */
const DEFAULT_ABSENCE = 0.1;

/** The share of scheduled agents expected absent (the schedule is inflated for it): the scenario's, else 10 %. */
export const absenceOf = (s: Scenario): number => s.shifts?.absenceShrinkage ?? DEFAULT_ABSENCE;

/** Wall-clock seconds after which the search stops whatever its work limits (the schema's default). */
const DEFAULT_SAFETY_SECONDS = 20;

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
  /** the safety-net wall clock: the search stops after this many seconds even before its work limits */
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

/**
 * optimal: proved cheapest (gap 0); work limit: the solver's work limits ran out
 * with the gap given (the same on every machine); time limit: the safety-net
 * wall clock stopped the search (the result may depend on the machine's speed);
 * infeasible: the head-count rules and the paid-hours cap cannot both hold.
 */
export type ScheduleStatus = 'optimal' | 'work limit' | 'time limit' | 'infeasible';

export interface Schedule {
  status: ScheduleStatus;
  /** (objective − bound) ÷ objective: how far the schedule may be from the cheapest; 0 only when proved optimal */
  gap: number | null;
  /** proved lower bound on the objective (paid hours, plus 1,000 to 8,000 per agent-interval short: SHORTFALL_TIERS) */
  bound: number | null;
  /** the safety-net wall clock (s) the search ran under */
  timeLimitSeconds: number;
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
  const absence = options.absenceShrinkage ?? absenceOf(s);
  const maxPaidHours = options.maxPaidHours ?? s.shifts?.maxPaidHours;
  const patterns = shiftPatterns(dayTimeline(s), templates);
  const starts = intervalStarts(s);
  // Whole agents: rounding up once here also keeps the integer program tight.
  const required = options.requirement.map((r) => Math.ceil(r / (1 - absence) - 1e-9));
  const timeLimitSeconds = options.timeLimitSeconds ?? s.shifts?.timeLimitSeconds ?? DEFAULT_SAFETY_SECONDS;
  const mix = partTimeMix(templates, s.shifts?.partTimeShare);
  const solved = searchCover(highs, coveringModel(patterns, templates, required, maxPaidHours, mix), timeLimitSeconds);
  if (!solved) {
    const minimum = templates.reduce(
      (sum, t, i) => sum + t.minAgents * Math.min(...patterns.filter((p) => p.template === i).map((p) => p.paidHours)),
      0,
    );
    return {
      status: 'infeasible',
      gap: null,
      bound: null,
      timeLimitSeconds,
      paidHours: 0,
      agents: 0,
      shifts: [],
      coverage: starts.map((start, i) => ({ start, required: required[i], scheduled: 0, short: required[i] })),
      shortfalls: [
        mix.length > 0
          ? `the templates' head counts (minAgents, maxAgents) and the part-time share (shifts.partTimeShare) cannot hold together${maxPaidHours === undefined ? '' : ` within the cap of ${maxPaidHours} paid hours`}`
          : `the templates' minimum headcounts need ${minimum.toFixed(1)} paid hours, above the cap of ${maxPaidHours} h`,
      ],
      templates,
    };
  }
  const used = patterns.flatMap((p, j) => (solved.values[j] > 0 ? [{ p, agents: solved.values[j] }] : []));
  const shifts = used.map(({ p, agents }) => describe(p, templates, agents));
  shifts.sort((a, b) => a.start.localeCompare(b.start) || a.template.localeCompare(b.template));
  const coverage = starts.map((start, i) => {
    const scheduled = used.reduce((sum, { p, agents }) => sum + onPhones(p, i) * agents, 0);
    return { start, required: required[i], scheduled, short: Math.max(0, required[i] - scheduled) };
  });
  return {
    ...searchOutcome(solved),
    timeLimitSeconds,
    paidHours: used.reduce((sum, { p, agents }) => sum + p.paidHours * agents, 0),
    agents: used.reduce((sum, { agents }) => sum + agents, 0),
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
