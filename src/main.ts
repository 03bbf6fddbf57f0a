import { h, render } from 'preact';
import { defaultExample } from './ui/examples';
import { mountPlan } from './ui/planView';
import { openScenarioStore } from './ui/scenarioStore';
import { SessionBar } from './ui/session/SessionBar';
import { safeStorage } from './ui/state/safeStorage';
import { createSession, type Session } from './ui/state/session';
import { linkInLocation } from './ui/state/shareLink';
import { tabJournal } from './ui/state/tabJournal';

type View = (root: HTMLElement, session: Session, storage: Storage) => void | Promise<void>;

/**
 * Views by URL hash (the part before any "&"); the day plan is the front page and
 * comes with the app, the others load when first opened, so the first load carries the plan only.
 */
const VIEWS: Record<string, () => Promise<View>> = {
  '#plan': async () => mountPlan,
  '#forecast': async () => (await import('./ui/forecast/mount')).mountForecast,
  '#shifts': async () => (await import('./ui/shifts/mountShifts')).mountShifts,
  '#roster': async () => {
    const { mountRoster } = await import('./ui/roster/mountRoster');
    return async (root, session, storage) => {
      await session.ready();
      mountRoster(root, storage, () => session.current().raw);
    };
  },
  '#compare': async () => {
    const { mountCompare } = await import('./ui/compareView');
    return (root, session) => mountCompare(root, session.store);
  },
  '#calculator': async () => {
    const { mountCalculator } = await import('./ui/calculatorView');
    return (root, _, storage) => mountCalculator(root, storage);
  },
};

/** Says in the page that a view's code could not be loaded (offline, or the app was updated meanwhile). */
function viewFailed(root: HTMLElement, error: unknown): void {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `This page could not be loaded (${error instanceof Error ? error.message : String(error)}). Your scenarios are unchanged; reload the page to try again.`;
  root.replaceChildren(p);
}

async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('#app');
  const bar = document.querySelector<HTMLElement>('#session-bar');
  if (!root || !bar) return;
  const storage = safeStorage();
  const session = createSession(await openScenarioStore(), storage, defaultExample, tabJournal());
  // The bar built into the page (first visits) gives way to the live one; the plan's stays until the plan mounts.
  bar.replaceChildren();
  render(h(SessionBar, { session }), bar);
  await session.ready(linkInLocation);
  let routed = 0; // a view whose code arrives after the planner has moved on is not shown
  const route = async () => {
    const view = location.hash.split('&')[0];
    const hash = view in VIEWS ? view : '#plan';
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.hash === hash) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    session.endPage();
    if (hash !== '#plan') root.querySelector('[data-prerendered]')?.remove();
    const mine = ++routed;
    try {
      const mount = await VIEWS[hash]();
      if (mine === routed) await mount(root, session, storage);
    } catch (error) {
      if (mine === routed) viewFailed(root, error);
    }
  };
  window.addEventListener('hashchange', () => void route());
  void route();
}

void main();
