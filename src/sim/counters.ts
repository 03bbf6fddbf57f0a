/**
 * What one replication counts, per interval. Calls are counted in the
 * interval they arrived in; customers in the interval of their first attempt;
 * time-based figures (busy, available, queue area, callbacks completed or
 * failed) in the interval where the time falls.
 */
export const COUNTERS = [
  /** attempts: first attempts plus redials */
  'calls',
  'firstAttempts',
  'redials',
  'blocked',
  'contained',
  /** left the IVR asking for an agent */
  'offered',
  'callbacksRequested',
  'answered',
  'answeredWithin',
  'abandoned',
  'abandonedWithin',
  /** total wait of answered calls, s */
  'waitAnswered',
  /** total wait of answered and abandoned calls, s */
  'waitAll',
  /** calls still in the IVR or the queue when the day ended */
  'inSystemAtEnd',
  'callbacksCompleted',
  'callbacksFailed',
  /** agent-seconds busy with inbound calls or callbacks */
  'busySeconds',
  /** agent-seconds on duty */
  'availableSeconds',
  /** ∫ queue length dt, s */
  'queueArea',
  'queueAtStart',
  'backlogAtStart',
  'customers',
  'customersAnswered',
  'customersContained',
  'customersCallbackCompleted',
  'customersCallbackFailed',
  'customersAbandoned',
  'customersBlocked',
] as const;

export type Counter = (typeof COUNTERS)[number];

/** Counters of one replication: one Float64Array of length `intervals` per counter. */
export type Counts = Record<Counter, Float64Array>;

export function emptyCounts(intervals: number): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, new Float64Array(intervals)])) as Counts;
}
