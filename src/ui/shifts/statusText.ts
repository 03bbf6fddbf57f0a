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

/** The status line when a job ended without its answer: cancelled, or the solver or its worker failed; `kept` is what stays as it was. */
export function stoppedStatus(error: unknown, kept = 'the templates'): { kind: 'idle'; text: string; error?: boolean } {
  if (error instanceof JobStopped && error.cancelled)
    return { kind: 'idle', text: `Cancelled; ${kept} are kept as they are. Solve again when you are ready.` };
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'idle',
    text: `The solver stopped: ${message}. ${kept[0].toUpperCase()}${kept.slice(1)} are kept; solve again or change one.`,
    error: true,
  };
}
