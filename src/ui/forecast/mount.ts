import { h, render } from 'preact';
import type { Session } from '../state/session';
import { ForecastPage } from './ForecastPage';
import { type ForecastState, forecastState } from './forecastState';

/** One forecast per tab: leaving the page and coming back keeps the history, the backtest and what was typed. */
let state: ForecastState | null = null;

/** Mounts the Forecast page (Preact) into a fresh host. */
export async function mountForecast(root: HTMLElement, session: Session, storage: Storage): Promise<void> {
  await session.ready();
  state ??= forecastState();
  const host = document.createElement('div');
  root.replaceChildren(host);
  render(h(ForecastPage, { state, session, storage }), host);
}
