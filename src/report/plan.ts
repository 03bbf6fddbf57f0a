import type { DayPlan, DayTotals, IntervalPlan } from '../plan';
import type { DayCost } from '../plan/cost';
import { staffingFigures } from '../plan/staffToTarget';
import { verdict } from '../plan/verdict';
import type { Scenario } from '../scenario/schema';
import { type Column, recordOf, tableOf } from './table';

/** One row of the plan, an interval or the day, in the report's vocabulary. */
export interface PlanRow {
  start: string;
  firstAttempts: number;
  redials: number;
  calls: number;
  blocked: number;
  contained: number;
  toAgents: number;
  callbacksRequested: number;
  queued: number;
  answered: number;
  abandoned: number;
  answeredWithin: number;
  abandonedWithin: number;
  callbacksCompleted: number;
  callbacksFailed: number;
  ahtSeconds: number | null;
  load: number | null;
  agents: number | null;
  netStaffing: number | null;
  requiredAgentsErlangC: number | null;
  requiredAgentsErlangA: number | null;
  scheduledAgents: number | null;
  serviceLevel: number | null;
  answerRate: number | null;
  handledRate: number | null;
  asaSeconds: number | null;
  occupancy: number | null;
  paidHours: number | null;
  requiredPaidHours: number | null;
  cost: number | null;
  costPerAnsweredCall: number | null;
}

export function intervalRow(x: IntervalPlan): PlanRow {
  return {
    start: x.start,
    firstAttempts: x.calls,
    redials: x.redials,
    calls: x.attempts,
    blocked: x.blocked,
    contained: x.contained,
    toAgents: x.toAgents,
    callbacksRequested: x.callbacksRequested,
    queued: x.queued,
    answered: x.answered,
    abandoned: x.abandoned,
    answeredWithin: x.answeredWithin,
    abandonedWithin: x.abandonedWithin,
    callbacksCompleted: x.callbacksCompleted,
    callbacksFailed: x.callbacksFailed,
    ahtSeconds: x.ahtSeconds,
    load: x.load,
    agents: x.agents,
    netStaffing: x.requiredA === null ? null : x.agents - x.requiredA,
    requiredAgentsErlangC: x.requiredC,
    requiredAgentsErlangA: x.requiredA,
    scheduledAgents: x.scheduledA,
    serviceLevel: x.serviceLevel,
    answerRate: x.answerRate,
    handledRate: null,
    asaSeconds: x.asa,
    occupancy: x.occupancyAll,
    paidHours: null,
    requiredPaidHours: null,
    cost: null,
    costPerAnsweredCall: null,
  };
}

/** The day's row; `cost` is the day's cost where the scenario has a cost section. */
export function dayRow(t: DayTotals, cost: DayCost | null = null): PlanRow {
  return {
    start: 'day',
    firstAttempts: t.calls,
    redials: t.redials,
    calls: t.attempts,
    blocked: t.blocked,
    contained: t.contained,
    toAgents: t.toAgents,
    callbacksRequested: t.callbacksRequested,
    queued: t.queued,
    answered: t.answered,
    abandoned: t.abandoned,
    answeredWithin: t.answeredWithin,
    abandonedWithin: t.abandonedWithin,
    callbacksCompleted: t.callbacksCompleted,
    callbacksFailed: t.callbacksFailed,
    ahtSeconds: null,
    load: null,
    agents: null,
    netStaffing: null,
    requiredAgentsErlangC: null,
    requiredAgentsErlangA: null,
    scheduledAgents: null,
    serviceLevel: t.serviceLevel,
    answerRate: t.answerRate,
    handledRate: t.handledRate,
    asaSeconds: t.asa,
    occupancy: t.occupancy,
    paidHours: t.paidHours,
    requiredPaidHours: t.requiredPaidHours,
    cost: cost?.total ?? null,
    costPerAnsweredCall: cost?.perAnsweredCall ?? null,
  };
}

const col = (
  key: keyof PlanRow,
  label: string,
  unit: Column<PlanRow>['unit'],
  definition: string,
  brief = false,
): Column<PlanRow> => ({ key, label, unit, definition, brief, value: (r) => r[key] });

/** The plan's columns, in the order a planner reads them. */
export function planColumns(slFormula: string, currency = ''): Column<PlanRow>[] {
  const money = currency ? ` (${currency})` : '';
  return [
    col('start', 'Start', 'time', 'interval start (HH:MM), or the day', true),
    col('firstAttempts', 'First attempts', 'calls', 'calls of customers calling for the first time'),
    col('redials', 'Redials', 'calls', 'calls of blocked or abandoned customers calling again'),
    col('calls', 'Calls', 'calls', 'first attempts + redials', true),
    col('blocked', 'Blocked', 'calls', 'busy signals: all IVR lines busy', true),
    col('contained', 'Self-served', 'calls', 'resolved in the IVR', true),
    col('toAgents', 'To agents', 'calls', 'left the IVR asking for an agent', true),
    col('callbacksRequested', 'Callbacks', 'calls', 'accepted a callback offer and left the queue', true),
    col('queued', 'Queued', 'calls', 'offered to agents and waited in the queue'),
    col('answered', 'Answered', 'calls', 'connected to an agent'),
    col('abandoned', 'Abandoned', 'calls', 'hung up while waiting'),
    col('answeredWithin', 'Answered within T', 'calls', 'answered within the SL threshold T'),
    col('abandonedWithin', 'Abandoned within T', 'calls', 'abandoned within the SL threshold T'),
    col('callbacksCompleted', 'Callbacks completed', 'calls', 'an agent reached the customer (approximation)'),
    col('callbacksFailed', 'Callbacks failed', 'calls', 'not reached after the attempts, or past the deadline (approximation)'),
    col('ahtSeconds', 'AHT', 'seconds', 'average handle time: talk + hold + wrap-up'),
    col('load', 'Load', 'erlangs', 'calls to agents ÷ interval length × AHT'),
    col('agents', 'Agents', 'agents', 'agents on the phones as staffed', true),
    col('requiredAgentsErlangC', 'Req. C', 'agents', 'fewest agents meeting the targets by Erlang C', true),
    col('requiredAgentsErlangA', 'Req. A', 'agents', 'fewest agents meeting the targets by exact Erlang A', true),
    col(
      'netStaffing',
      'Net',
      'agents',
      'net staffing: agents on the phones (as scheduled, after shrinkage) − the Erlang A requirement; negative = short',
      true,
    ),
    col('scheduledAgents', 'Scheduled', 'agents', 'Erlang A requirement ÷ (1 − shrinkage), rounded up'),
    col('serviceLevel', 'SL', 'share', `service level: ${slFormula}`, true),
    col('answerRate', 'Answer rate', 'share', 'answered ÷ (answered + abandoned)', true),
    col('handledRate', 'Handled rate', 'share', '(answered + callbacks completed) ÷ (offered + blocked); the day only'),
    col('asaSeconds', 'ASA', 'seconds', 'average speed of answer: mean wait of answered calls', true),
    col('occupancy', 'Occupancy', 'share', 'busy agent time ÷ available agent time', true),
    col('paidHours', 'Paid hours', 'hours', 'agents ÷ (1 − shrinkage) × hours; the day only'),
    col('requiredPaidHours', 'Paid hours required', 'hours', 'the Erlang A requirement ÷ (1 − shrinkage) × hours; the day only'),
    col(
      'cost',
      `Cost${money}`,
      'money',
      'paid hours at the hourly rate with premiums and overtime, lines and callback dials; the day only, with a cost section',
    ),
    col(
      'costPerAnsweredCall',
      `Cost per answered call${money}`,
      'money',
      'cost ÷ answered calls; the day only, with a cost section',
    ),
  ];
}

/** The plan as tables (intervals, and the day), the same for screen, terminal and files. */
export function planReport(plan: DayPlan, cost: DayCost | null = null) {
  const columns = planColumns(plan.slFormula, cost?.currency);
  return {
    intervals: tableOf(columns, plan.intervals.map(intervalRow)),
    day: tableOf(columns, [dayRow(plan.totals, cost)]),
    columns,
  };
}

/** `wfm plan --json`: every interval and the day as records keyed by column key. */
export function planJson(s: Scenario, plan: DayPlan) {
  const columns = planColumns(plan.slFormula);
  const cost = staffingFigures(s, plan).cost;
  return {
    name: s.name,
    slDefinition: plan.slFormula,
    verdict: verdict(s, plan),
    cost,
    intervals: plan.intervals.map((x) => recordOf(columns, intervalRow(x))),
    day: recordOf(columns, dayRow(plan.totals, cost)),
    notes: plan.notes,
  };
}
