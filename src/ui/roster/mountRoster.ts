import { h, render } from 'preact';
import type { Json } from '../../scenario/edit';
import { RosterPage } from './RosterPage';
import { rosterState } from './rosterState';

/**
 * Mounts the Roster page (Preact) into a fresh host and rosters the week as it stands; `openScenario`
 * gives the planner's open scenario, which the week may take as its base.
 */
export function mountRoster(root: HTMLElement, storage: Storage, openScenario: () => Json): void {
  const host = document.createElement('div');
  root.replaceChildren(host);
  const state = rosterState(storage, openScenario);
  render(h(RosterPage, { state }), host);
  // Leaving the page stops its solve and its listening to other tabs.
  window.addEventListener('hashchange', () => state.close(), { once: true });
  state.solve();
}
