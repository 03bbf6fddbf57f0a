import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { defaultExample } from './examples';
import { PlanPage } from './plan/PlanPage';
import { planState } from './plan/planState';
import { memoryStore } from './scenarioStore';
import { SessionBar } from './session/SessionBar';
import { safeStorage } from './state/safeStorage';
import { createSession } from './state/session';

/**
 * The page a first visit opens, the bundled scenario's analytic plan and the
 * session bar, as HTML made at build time by the app's own components (run
 * in Node by scripts/prerender.mjs), so it is painted before the app's code
 * has loaded. The app replaces it with the live page as it starts.
 */
export async function prerenderPlan(): Promise<{ app: string; bar: string }> {
  // The share link in the page is made from the location; the app's own render gives the real one.
  (globalThis as { location?: unknown }).location ??= { pathname: '/', hash: '', search: '' };
  // No localStorage in Node: this keeps the settings in memory for the render.
  const storage = safeStorage();
  // A first visit's browser keeps its scenarios, so the page says nothing of storage.
  const session = createSession({ ...memoryStore(''), persistent: true }, storage, defaultExample);
  await session.ready();
  const state = planState(session);
  return { app: renderToString(h(PlanPage, { session, storage, state })), bar: renderToString(h(SessionBar, { session })) };
}
