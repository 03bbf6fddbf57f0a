import { mountCalculator } from './ui/calculatorView';
import { mountPlan } from './ui/planView';

/** Views by URL hash; the day plan is the front page. */
const VIEWS: Record<string, (root: HTMLElement, storage: Storage) => void> = {
  '#plan': mountPlan,
  '#calculator': mountCalculator,
};

function route(): void {
  const root = document.querySelector<HTMLElement>('#app');
  if (!root) return;
  const hash = location.hash in VIEWS ? location.hash : '#plan';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (link.hash === hash) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  VIEWS[hash](root, window.localStorage);
}

window.addEventListener('hashchange', route);
route();
