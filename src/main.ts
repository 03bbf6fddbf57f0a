import { h, render } from 'preact';
import { mountCalculator } from './ui/calculatorView';
import { mountCompare } from './ui/compareView';
import { defaultExample } from './ui/examples';
import { mountForecast } from './ui/forecast/mount';
import { mountPlan } from './ui/planView';
import { openScenarioStore } from './ui/scenarioStore';
import { SessionBar } from './ui/session/SessionBar';
import { mountShifts } from './ui/shifts/mountShifts';
import { safeStorage } from './ui/state/safeStorage';
import { createSession, type Session } from './ui/state/session';
import { linkInLocation } from './ui/state/shareLink';
import { tabJournal } from './ui/state/tabJournal';

/** Views by URL hash (the part before any "&"); the day plan is the front page. */
const VIEWS: Record<string, (root: HTMLElement, session: Session, storage: Storage) => void | Promise<void>> = {
  '#plan': (root, session, storage) => mountPlan(root, session, storage),
  '#forecast': (root, session, storage) => mountForecast(root, session, storage),
  '#shifts': (root, session) => mountShifts(root, session),
  '#compare': (root, session) => mountCompare(root, session.store),
  '#calculator': (root, _, storage) => mountCalculator(root, storage),
};

async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('#app');
  const bar = document.querySelector<HTMLElement>('#session-bar');
  if (!root || !bar) return;
  const storage = safeStorage();
  const session = createSession(await openScenarioStore(), storage, defaultExample, tabJournal());
  render(h(SessionBar, { session }), bar);
  await session.ready(linkInLocation);
  const route = () => {
    const view = location.hash.split('&')[0];
    const hash = view in VIEWS ? view : '#plan';
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.hash === hash) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    session.endPage();
    void VIEWS[hash](root, session, storage);
  };
  window.addEventListener('hashchange', route);
  route();
}

void main();
