import { h, render } from 'preact';
import { ComparePage } from './compare/ComparePage';
import { compareState } from './compare/compareState';
import type { ScenarioStore } from './scenarioStore';

/** Mounts the comparison page (Preact) into a fresh host. */
export async function mountCompare(root: HTMLElement, store: ScenarioStore): Promise<void> {
  const saved = await store.list().catch(() => []);
  const host = document.createElement('div');
  root.replaceChildren(host);
  render(h(ComparePage, { state: compareState(saved) }), host);
}
