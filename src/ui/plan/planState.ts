import { computed, signal } from '@preact/signals';
import { type DayPlan, planDay } from '../../plan';
import { formatScenarioError, parseScenario, type Scenario, scenarioVersion } from '../../scenario';
import type { SavedScenario } from '../state/savedScenario';
import type { Change, Session } from '../state/session';

/** Typing re-plans once it pauses this long, so keystrokes never queue up behind plans. */
const REPLAN_DELAY_MS = 150;

export type Planned = { ok: true; scenario: Scenario; plan: DayPlan; version: string } | { ok: false; error: string };

/** The plan of a saved scenario, or why it cannot be planned (never another scenario's plan). */
function planOf(record: SavedScenario): Planned {
  const started = performance.now();
  try {
    const parsed = parseScenario(record.raw);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('; '));
    return { ok: true, scenario: parsed.scenario, plan: planDay(parsed.scenario), version: scenarioVersion(record.raw) };
  } catch (error) {
    return { ok: false, error: `This scenario cannot be planned: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    // The bench reads how long each re-plan took (validation and planning).
    performance.measure('wfm-plan', { start: started });
  }
}

/**
 * The Plan page's state in signals: the open record as edited, the record the
 * plan is of (it follows edits once typing pauses; a Name edit does not
 * re-plan), the plan, the drafts' version and what the last edit did.
 */
export function planState(session: Session) {
  const record = signal(session.current());
  const planned = signal(session.current());
  const drafts = signal(0);
  const opened = signal(0);
  const editMessage = signal<string | null>(null);
  const result = computed(() => planOf(planned.value));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const replan = () => {
    clearTimeout(timer);
    planned.value = session.current();
  };
  session.subscribe((change: Change) => {
    record.value = session.current();
    drafts.value++;
    if (change.kind === 'open' || change.kind === 'external') {
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
  return { record, planned, result, drafts, opened, editMessage };
}

export type PlanState = ReturnType<typeof planState>;
