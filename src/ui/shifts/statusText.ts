import { formatShare } from '../../format/number';
import { finalCheckLine } from '../../report/schedule';
import { optimality, type RepairResult, type Schedule } from '../../schedule';
import { JobStopped } from './scheduleJob';

/** The status line after a solve: how good the schedule is, or why the rules allow none. */
export const solvedText = (s: Schedule): string =>
  s.status === 'infeasible' ? `No schedule within the rules: ${s.shortfalls.join('; ')}.` : `Solved: ${optimality(s)}.`;

/** The status line after a check by simulation. */
export function checkedText({ schedule, steps, finalCheck }: RepairResult): string {
  const met = steps.filter((s) => s.meetsTargets).at(-1);
  if (steps.length === 0) return `Checked: ${optimality(schedule)}.`;
  const search = met
    ? `Checked: the targets are met with ${Math.round(schedule.paidHours).toLocaleString('en-US')} paid hours (answer rate ${formatShare(met.answerRate.mean, 1)}), simulated with the agents expected to show up (absence taken out).`
    : `Checked: the targets are not met within ${steps.length} rounds, simulated with the agents expected to show up (absence taken out); the curve shows what more hours buy.`;
  return `${search} ${finalCheckLine(finalCheck)}`;
}

/** The status line when a job ended without its answer: cancelled, or the solver or its worker failed. */
export function stoppedStatus(error: unknown): { kind: 'idle'; text: string; error?: boolean } {
  if (error instanceof JobStopped && error.cancelled)
    return { kind: 'idle', text: 'Cancelled; the templates are kept as they are. Solve again when you are ready.' };
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'idle',
    text: `The solver stopped: ${message}. The templates are kept; solve again or change one.`,
    error: true,
  };
}
