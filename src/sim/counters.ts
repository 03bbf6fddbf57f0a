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
  /** answered or abandoned calls that queued (were not answered at once) */
  'waited',
  /** total wait of answered calls, s */
  'waitAnswered',
  /** total wait of answered and abandoned calls, s */
  'waitAll',
  /** calls still in the IVR or the queue when the day ended */
  'inSystemAtEnd',
  /** callback attempts dialled (an agent calls the customer) */
  'callbackAttempts',
  /** callback requests whose agent reached the customer, counted at that moment */
  'callbacksCompleted',
  /** callback requests not reached after their attempts, or open when the deadline passed */
  'callbacksFailed',
  /** callback requests still open at the close with their deadline after it (counted in the last interval) */
  'callbacksPendingAtClose',
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
  /** abandoned, or blocked, on their last call: they did not call again (or had made redial.maxAttempts calls) */
  'customersAbandoned',
  'customersBlocked',
  'customersCallbackPending',
  /** in the IVR or the queue at the close, or due to call again after it */
  'customersInSystemAtEnd',
] as const;

export type Counter = (typeof COUNTERS)[number];

/** Counters of one replication: one Float64Array of length `intervals` per counter. */
export type Counts = Record<Counter, Float64Array>;

export function emptyCounts(intervals: number): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, new Float64Array(intervals)])) as Counts;
}
