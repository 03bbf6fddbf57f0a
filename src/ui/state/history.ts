/**
 * Undo and redo over the edits of a session: each step is a scenario's JSON
 * before and after (null where the scenario did not exist: a creation or a
 * deletion). Keystrokes in one field make one step.
 */

export interface Step<T> {
  key: string;
  before: T | null;
  after: T | null;
  /** the scenario open before the step, reopened when a creation is undone */
  openBefore: string;
  /** steps of one field in a row merge into one */
  field?: string;
}

export function undoHistory<T>() {
  const done: Step<T>[] = [];
  const undone: Step<T>[] = [];
  return {
    record(step: Step<T>): void {
      undone.length = 0;
      const last = done[done.length - 1];
      if (step.field && last && last.field === step.field && last.key === step.key && last.after !== null) {
        done[done.length - 1] = { ...last, after: step.after };
        return;
      }
      done.push(step);
    },
    /** The step to reverse, if any (its `before` is to be restored). */
    undo(): Step<T> | undefined {
      const step = done.pop();
      if (step) undone.push(step);
      return step;
    },
    /** The step to apply again, if any (its `after` is to be restored). */
    redo(): Step<T> | undefined {
      const step = undone.pop();
      if (step) done.push({ ...step, field: undefined });
      return step;
    },
    /** Ends merging: the next keystroke in the same field is a new step. */
    seal(): void {
      const last = done[done.length - 1];
      if (last) done[done.length - 1] = { ...last, field: undefined };
    },
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
  };
}
