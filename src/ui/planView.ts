import { h, render } from 'preact';
import { PlanPage } from './plan/PlanPage';
import { planState } from './plan/planState';
import type { Session } from './state/session';

/** Mounts the "Plan a day" page (Preact) into a fresh host, so leaving and coming back starts clean. */
export async function mountPlan(root: HTMLElement, session: Session, storage: Storage): Promise<void> {
  await session.ready();
  const host = document.createElement('div');
  root.replaceChildren(host);
  const state = planState(session);
  render(h(PlanPage, { session, storage, state }), host);
}
