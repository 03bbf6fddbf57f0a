import { mountCalculator } from './ui/calculatorView';
import { mountCompare } from './ui/compareView';
import { mountForecast } from './ui/forecastView';
import { mountPlan } from './ui/planView';
import { openScenarioStore, type ScenarioStore } from './ui/scenarioStore';
import { mountShifts } from './ui/shiftsView';

/** Views by URL hash (the part before any "&"); the day plan is the front page. */
const VIEWS: Record<string, (root: HTMLElement, store: ScenarioStore) => void | Promise<void>> = {
  '#plan': (root, store) => mountPlan(root, store, window.localStorage),
  '#forecast': (root, store) => mountForecast(root, store, window.localStorage),
  '#shifts': (root, store) => mountShifts(root, store, window.localStorage),
  '#compare': (root, store) => mountCompare(root, store),
  '#calculator': (root) => mountCalculator(root, window.localStorage),
};

async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('#app');
  if (!root) return;
  const store = await openScenarioStore();
  const route = () => {
    const view = location.hash.split('&')[0];
    const hash = view in VIEWS ? view : '#plan';
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.hash === hash) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    void VIEWS[hash](root, store);
  };
  window.addEventListener('hashchange', route);
  route();
}

void main();
