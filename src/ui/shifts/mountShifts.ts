import { h, render } from 'preact';
import type { Session } from '../state/session';
import { ShiftsPage } from './ShiftsPage';
import { shiftsState } from './shiftsState';

/** Mounts the Shifts page (Preact) into a fresh host and solves the open scenario's shifts. */
export async function mountShifts(root: HTMLElement, session: Session): Promise<void> {
  await session.ready();
  const host = document.createElement('div');
  root.replaceChildren(host);
  const state = shiftsState(session);
  render(h(ShiftsPage, { state }), host);
  // Leaving the page stops its solve: nobody is waiting for it.
  window.addEventListener('hashchange', () => state.cancel(), { once: true });
  state.solve();
}
