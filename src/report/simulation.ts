import type { DayPlan } from '../plan';
import { simulationFigures, verdict } from '../plan/verdict';
import type { Scenario } from '../scenario/schema';
import type { Metric, SimulationResult } from '../sim';
import { dayRow, planColumns } from './plan';
import { type Column, type EstimateCell, isEstimate, recordOf, tableOf, type Unit } from './table';
import { planDifferenceReasons } from './verdict';

type Metrics = SimulationResult['day'];
/** One row of a simulation: an interval or the day, with the analytic plan's figures beside it. */
export interface SimulationRow {
  start: string;
  metrics: Metrics;
  plan: { answerRate: number | null; serviceLevel: number | null };
}

const est =
  (metric: Metric) =>
  (r: SimulationRow): { mean: number | null; halfWidth: number | null } => ({
    mean: r.metrics[metric].mean,
    halfWidth: r.metrics[metric].halfWidth,
  });

const col = (
  key: string,
  metric: Metric,
  label: string,
  unit: Column<SimulationRow>['unit'],
  definition: string,
  brief = false,
): Column<SimulationRow> => ({ key, label, unit, definition, brief, value: est(metric) });

/** The simulation's columns; every figure is a mean over replications with its 95% CI. */
export function simulationColumns(slFormula: string): Column<SimulationRow>[] {
  return [
    {
      key: 'start',
      label: 'Start',
      unit: 'time',
      definition: 'interval start (HH:MM), or the day',
      brief: true,
      value: (r) => r.start,
    },
    col('calls', 'calls', 'Calls', 'calls', 'first attempts + redials, by arrival interval', true),
    col('firstAttempts', 'firstAttempts', 'First attempts', 'calls', 'calls of customers calling for the first time'),
    col('redials', 'redials', 'Redials', 'calls', 'calls of blocked or abandoned customers calling again'),
    col('blocked', 'blocked', 'Blocked', 'calls', 'busy signals: all IVR lines busy', true),
    col('contained', 'contained', 'Self-served', 'calls', 'resolved in the IVR'),
    col('offered', 'offered', 'Offered', 'calls', 'left the IVR asking for an agent'),
    col(
      'callbacksRequested',
      'callbacksRequested',
      'Callbacks requested',
      'calls',
      'accepted a callback offer and left the queue',
    ),
    col('answered', 'answered', 'Answered', 'calls', 'connected to an agent', true),
    col('abandoned', 'abandoned', 'Abandoned', 'calls', 'hung up while waiting', true),
    col('answeredWithin', 'answeredWithin', 'Answered within T', 'calls', 'answered within the SL threshold T'),
    col('abandonedWithin', 'abandonedWithin', 'Abandoned within T', 'calls', 'abandoned within the SL threshold T'),
    col('answerRate', 'answerRate', 'Answer rate', 'share', 'answered ÷ (answered + abandoned)', true),
    col('abandonRate', 'abandonRate', 'Abandonment', 'share', 'abandoned ÷ (answered + abandoned)'),
    col('pWait', 'pWait', 'P(wait)', 'share', 'calls that queued ÷ (answered + abandoned)'),
    {
      key: 'planAnswerRate',
      label: 'Plan answer rate',
      unit: 'share',
      definition: 'the analytic plan’s answer rate (steady state per interval)',
      brief: true,
      value: (r) => r.plan.answerRate,
    },
    col('serviceLevel', 'serviceLevel', 'SL', 'share', `service level: ${slFormula}`, true),
    {
      key: 'planServiceLevel',
      label: 'Plan SL',
      unit: 'share',
      definition: 'the analytic plan’s service level (steady state per interval)',
      brief: true,
      value: (r) => r.plan.serviceLevel,
    },
    col(
      'slAbandonsCount',
      'slAbandonsCount',
      'SL ÷ (answered + abandoned)',
      'share',
      'answered within T ÷ (answered + abandoned)',
    ),
    col('slAnsweredOnly', 'slAnsweredOnly', 'SL ÷ answered', 'share', 'answered within T ÷ answered'),
    col(
      'slShortAbandonsExcluded',
      'slShortAbandonsExcluded',
      'SL ÷ (answered + abandoned after T)',
      'share',
      'answered within T ÷ (answered + abandoned after T)',
    ),
    col('handledRate', 'handledRate', 'Handled rate', 'share', '(answered + callbacks completed) ÷ (offered + blocked)'),
    col('asaSeconds', 'asa', 'ASA', 'seconds', 'average speed of answer: mean wait of answered calls', true),
    col('meanWaitAllSeconds', 'meanWaitAll', 'Mean wait (all)', 'seconds', 'mean wait of answered and abandoned calls'),
    col('queueAtStart', 'queueAtStart', 'Queue at start', 'calls', 'calls waiting when the interval starts (carried over)', true),
    col(
      'backlogAtStart',
      'backlogAtStart',
      'Callback backlog at start',
      'calls',
      'callback requests waiting when the interval starts',
    ),
    col('meanQueue', 'meanQueue', 'Mean queue', 'calls', 'time-average number of calls waiting'),
    col('callbacksCompleted', 'callbacksCompleted', 'Callbacks completed', 'calls', 'an agent reached the customer', true),
    col(
      'callbacksFailed',
      'callbacksFailed',
      'Callbacks failed',
      'calls',
      'not reached after the attempts, or past the deadline',
    ),
    col(
      'callbacksPendingAtClose',
      'callbacksPendingAtClose',
      'Callbacks pending at close',
      'calls',
      'callback requests still open at the close, their deadline after it',
    ),
    col('occupancy', 'occupancy', 'Occupancy', 'share', 'busy agent time ÷ available agent time', true),
    col('inSystemAtEnd', 'inSystemAtEnd', 'In system at end', 'calls', 'still in the IVR or the queue when the day ended'),
    col('customers', 'customers', 'Customers', 'count', 'people calling, by the interval of their first attempt'),
    col(
      'customerAnsweredShare',
      'customerAnsweredShare',
      'Customers answered',
      'share',
      'customers answered on some attempt ÷ customers',
    ),
  ];
}

function rows(r: SimulationResult, plan: DayPlan | null): { intervals: SimulationRow[]; day: SimulationRow } {
  const none = { answerRate: null, serviceLevel: null };
  return {
    intervals: r.intervals.map((x, i) => ({ start: x.start, metrics: x.metrics, plan: plan?.intervals[i] ?? none })),
    day: { start: 'day', metrics: r.day, plan: plan?.totals ?? none },
  };
}

/** The simulation as tables (intervals, and the day), the same for screen, terminal and files. */
export function simulationReport(r: SimulationResult, plan: DayPlan | null) {
  const columns = simulationColumns(r.slFormula);
  const { intervals, day } = rows(r, plan);
  return { intervals: tableOf(columns, intervals), day: tableOf(columns, [day]), columns };
}

/** `wfm simulate --json`: every interval and the day as records keyed by column key. */
export function simulationJson(s: Scenario, r: SimulationResult, plan: DayPlan) {
  const columns = simulationColumns(r.slFormula);
  const { intervals, day } = rows(r, plan);
  return {
    name: r.name,
    replications: r.replications,
    seed: r.seed,
    slDefinition: r.slFormula,
    verdict: verdict(s, plan, simulationFigures(r)),
    planOutsideSimulation: planOutsideSimulation(plan, r),
    planDifferenceReasons: planDifferenceReasons(s, r),
    intervals: intervals.map((x) => recordOf(columns, x)),
    day: recordOf(columns, day),
    notes: r.notes,
  };
}

/** The day's figures a planner reads first, by column key (the plan's key where the plan has the figure). */
const DAY_FIGURES = new Set([
  'calls',
  'blocked',
  'answered',
  'abandoned',
  'answerRate',
  'serviceLevel',
  'handledRate',
  'asaSeconds',
  'callbacksCompleted',
  'callbacksFailed',
  'callbacksPendingAtClose',
  'occupancy',
  'inSystemAtEnd',
]);

/** A day figure by simulation (mean and 95% CI) beside the analytic plan's, if the plan has it. */
export interface DayFigure {
  key: string;
  label: string;
  unit: Unit;
  definition: string;
  simulated: EstimateCell;
  plan: number | null;
  /** the plan's figure lies outside the simulation's 95% interval */
  outside: boolean;
}

/** The simulated day beside the plan: the same columns as the simulation's tables, the plan's figure by the same key. */
export function simulationDay(plan: DayPlan, r: SimulationResult): DayFigure[] {
  const simulated = recordOf(simulationColumns(r.slFormula), rows(r, plan).day);
  const planned = recordOf(planColumns(plan.slFormula), dayRow(plan.totals));
  return simulationColumns(r.slFormula)
    .filter((c) => DAY_FIGURES.has(c.key))
    .map((c) => {
      const cell = simulated[c.key];
      const e = isEstimate(cell) ? cell : { mean: null, halfWidth: null };
      const p = planned[c.key];
      const value = typeof p === 'number' ? p : null;
      const outside = value !== null && e.mean !== null && e.halfWidth !== null && Math.abs(value - e.mean) > e.halfWidth + 1e-9;
      return { key: c.key, label: c.label, unit: c.unit, definition: c.definition ?? '', simulated: e, plan: value, outside };
    });
}

export interface PlanOutside {
  key: string;
  label: string;
  plan: number | null;
  simulated: number | null;
  halfWidth: number | null;
}

/** Day figures where the plan falls outside the simulation's 95% interval. */
export function planOutsideSimulation(plan: DayPlan, r: SimulationResult): PlanOutside[] {
  return simulationDay(plan, r)
    .filter((f) => f.outside)
    .map((f) => ({ key: f.key, label: f.label, plan: f.plan, simulated: f.simulated.mean, halfWidth: f.simulated.halfWidth }));
}

/** Whether the plan's day figures lie within the simulation's 95% intervals, and if not, why the plan misses. */
export function planOutsideLine(s: Scenario, plan: DayPlan, r: SimulationResult): string {
  const outside = planOutsideSimulation(plan, r);
  return outside.length > 0
    ? `The analytic plan falls outside the simulation's 95% interval for ${outside.map((o) => o.label).join(', ')}: ${planDifferenceReasons(s, r).join('; ')}.`
    : 'The analytic plan’s day figures lie within the simulation’s 95% intervals.';
}
