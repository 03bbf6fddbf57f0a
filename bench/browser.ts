/**
 * The built app in Chromium: first load, re-plan after an edit, longest main-thread task while simulating;
 * and the Israeli bank example's backtest on the Forecast page (in a web worker), with the longest main-thread task during it.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { startApp } from '../test/browser/app';

export async function browserFigures() {
  const app = await startApp();
  if (!app.ok) return { browser: `skipped: ${app.reason}` };
  try {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const started = performance.now();
    await page.goto(app.url);
    await page.waitForSelector('section.summary h2');
    const firstLoadMs = Math.round(performance.now() - started);
    const edits: number[] = [];
    for (const uplift of ['3.1', '3.2', '2.9', '3', '3.05', '2.8', '3.3', '3', '2.7', '3']) {
      await page.fill('#plan-demand-uplift', uplift);
      edits.push(Number(await page.getAttribute('#app', 'data-update-ms')));
    }
    edits.sort((a, b) => a - b);
    const simulation = await clickUntil(page, '#simulate', '#simulation-day');
    await page.goto(`${app.url}#forecast`);
    await page.waitForSelector('#history-example-israel');
    const backtest = await clickUntil(page, '#history-example-israel', '#forecast-chart svg path.band');
    return {
      browserChristmasEve: {
        firstLoadMs,
        planAfterEditMs: { median: edits[Math.floor(edits.length / 2)], max: edits[edits.length - 1] },
        simulate30ReplicationsMs: simulation.wallMs,
        longestMainThreadTaskWhileSimulatingMs: simulation.longestTaskMs,
      },
      browserIsraeliBacktest: {
        note: 'Forecast page: Israeli bank 1999 example, click to forecast drawn (history read, five methods backtested over 330 days in a web worker, the day forecast)',
        wallMs: backtest.wallMs,
        longestMainThreadTaskMs: backtest.longestTaskMs,
      },
    };
  } finally {
    await app.close();
  }
}

/** Clicks `button` and waits for `done`: the wall time, and the longest main-thread task meanwhile (Long Tasks API: over 50 ms, else 0). */
async function clickUntil(page: Page, button: string, done: string) {
  await page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const started = performance.now();
  await page.click(button);
  await page.waitForSelector(done, { timeout: 300_000 });
  const wallMs = Math.round(performance.now() - started);
  const longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask));
  return { wallMs, longestTaskMs };
}
