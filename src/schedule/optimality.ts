import type { Schedule } from './solve';

/**
 * How good a schedule is, in the words a planner reads (CLI and app alike):
 * "optimal" only when it is proved (gap 0 against the solver's bound),
 * otherwise how far from the best bound it may be, and whether the safety-net
 * wall clock stopped the search (then another machine may find another roster).
 */
export function optimality(s: Schedule): string {
  if (s.status === 'infeasible') return 'infeasible';
  const gap = s.gap ?? 0;
  const percent = gap > 0 && gap < 5e-5 ? 'under 0.01' : (100 * gap).toFixed(2);
  const quality =
    gap === 0
      ? 'optimal (proved: no schedule costs less)'
      : `within ${percent} % of the best bound${s.bound !== null && s.shortfalls.length === 0 ? ` (no schedule costs less than ${s.bound.toLocaleString('en-US')} paid hours)` : ''}`;
  return s.status === 'time limit'
    ? `${quality}; stopped by the ${s.timeLimitSeconds} s safety time limit before the work limits, so another machine may give another roster`
    : quality;
}
