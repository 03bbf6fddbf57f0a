import { signal } from '@preact/signals';
import { type PlannedRaw, planRaw } from '../../plan';
import { scenarioVersion } from '../../scenario';
import type { SavedScenario } from '../state/savedScenario';
import type { Change, Session } from '../state/session';
import { planOffMainThread } from './planWorker';

/** Typing re-plans once it pauses this long, so keystrokes never queue up behind plans. */
const REPLAN_DELAY_MS = 150;
/** The plan worker starts this long after the page, so it does not compete with the first paint. */
const WARM_AFTER_MS = 500;

/** A plan with the version (the JSON) of the record it is of, which simulation results are matched to. */
export type Planned = (Extract<PlannedRaw, { ok: true }> & { version: string }) | Extract<PlannedRaw, { ok: false }>;

const withVersion = (p: PlannedRaw, record: SavedScenario): Planned =>
  p.ok ? { ...p, version: scenarioVersion(record.raw) } : p;

/**
 * The Plan page's state in signals: the open record as edited, its plan (or why
 * it cannot be planned, never another scenario's plan), the drafts' version and
 * what the last edit did. Opening a scenario plans it at once; an edit is planned
 * in the plan worker once typing pauses (a Name edit does not re-plan), and only
 * the latest edit's plan is shown.
 */
export function planState(session: Session) {
  const record = signal(session.current());
  const result = signal(withVersion(planRaw(record.value.raw), record.value));
  const drafts = signal(0);
  const opened = signal(0);
  const editMessage = signal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0; // the latest plan asked for; answers to earlier ones are dropped
  const replan = () => {
    clearTimeout(timer);
    const current = session.current();
    const ask = ++asked;
    const started = performance.now();
    void planOffMainThread(current.raw).then((planned) => {
      if (ask !== asked) return;
      result.value = withVersion(planned, current);
      // The bench reads how long each re-plan took, from the edit's pause to its plan.
      performance.measure('wfm-plan', { start: started });
    });
  };
  const open = () => {
    clearTimeout(timer);
    asked++;
    const current = session.current();
    result.value = withVersion(planRaw(current.raw), current);
  };
  // Warms the worker (its code and the engine's first plan) once the page has been drawn, while the planner reads.
  setTimeout(() => void planOffMainThread(record.value.raw), WARM_AFTER_MS);
  session.subscribe((change: Change) => {
    record.value = session.current();
    drafts.value++;
    if (change.kind === 'open') {
      editMessage.value = null;
      opened.value++;
      open();
    } else if (change.kind === 'external') {
      editMessage.value = null;
      opened.value++;
      replan();
    } else if (change.kind === 'edit') {
      editMessage.value = change.message ?? null;
      if (change.field === 'name' || change.field === 'description') return;
      clearTimeout(timer);
      if (change.field) timer = setTimeout(replan, REPLAN_DELAY_MS);
      else replan();
    }
  });
  return { record, result, drafts, opened, editMessage };
}

export type PlanState = ReturnType<typeof planState>;
