import { sum } from 'd3-array';
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

/** The steps to undo (oldest first) and to redo (the next one last). */
export interface Steps<T> {
  done: Step<T>[];
  undone: Step<T>[];
}

/** Starts from `from` (a history kept over a reload; its steps are sealed) and calls `changed` after every change. */
export function undoHistory<T>(from: Steps<T> = { done: [], undone: [] }, changed: () => void = () => {}) {
  const done: Step<T>[] = from.done.map((step) => ({ ...step, field: undefined }));
  const undone = [...from.undone];
  const seal = () => {
    const last = done[done.length - 1];
    if (last) done[done.length - 1] = { ...last, field: undefined };
  };
  return {
    record(step: Step<T>): void {
      undone.length = 0;
      const last = done[done.length - 1];
      if (step.field && last && last.field === step.field && last.key === step.key && last.after !== null) {
        done[done.length - 1] = { ...last, after: step.after };
      } else done.push(step);
      changed();
    },
    /** The step to reverse, if any (its `before` is to be restored). */
    undo(): Step<T> | undefined {
      const step = done.pop();
      if (step) undone.push(step);
      seal(); // typing after an undo is a step of its own
      changed();
      return step;
    },
    /** The step to apply again, if any (its `after` is to be restored). */
    redo(): Step<T> | undefined {
      const step = undone.pop();
      if (step) done.push({ ...step, field: undefined });
      changed();
      return step;
    },
    /** Ends merging: the next keystroke in the same field is a new step. */
    seal(): void {
      seal();
      changed();
    },
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    /** The steps, newest last, for keeping over a reload. */
    steps: (): Steps<T> => ({ done: [...done], undone: [...undone] }),
  };
}

/**
 * The history as text of at most `budget` characters: the oldest steps are
 * left out until it fits (the history in memory keeps them), so a long session
 * can never fill the tab's storage.
 */
export function historyText<T>(steps: Steps<T>, budget: number): string {
  const sizes = (list: Step<T>[]) => list.map((step) => JSON.stringify(step).length + 1);
  const done = sizes(steps.done);
  const undone = sizes(steps.undone);
  let total = sum(done) + sum(undone) + 20;
  // The oldest undo steps go first, then the farthest redo steps (the first of `undone`).
  let oldDone = 0;
  let farUndone = 0;
  while (total > budget && oldDone < done.length) total -= done[oldDone++];
  while (total > budget && farUndone < undone.length) total -= undone[farUndone++];
  return JSON.stringify({ done: steps.done.slice(oldDone), undone: steps.undone.slice(farUndone) });
}
