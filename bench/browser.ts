/** The built app in Chromium: first load, re-plan after an edit, longest main-thread task while typing and while simulating. */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { startApp } from '../test/browser/app';

/** Records the longest main-thread task from now on (0 while none passes 50 ms). */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
const longestTask = async (page: Page) =>
  Math.round(await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask));

/** The longest main-thread task while ten keys (".1234", then five Backspaces, valid at each step) are typed into a field. */
async function longestWhileTyping(page: Page, selector: string): Promise<number> {
  await watchLongTasks(page);
  await page.click(selector);
  await page.keyboard.press('End');
  for (const key of ['.', '1', '2', '3', '4', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace'])
    await page.keyboard.press(key);
  await page.waitForTimeout(500);
  return longestTask(page);
}

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
    const typing = {
      name: await longestWhileTyping(page, '#plan-name'),
      uplift: await longestWhileTyping(page, '#plan-demand-uplift'),
    };
    await watchLongTasks(page);
    const simStart = performance.now();
    await page.click('#simulate');
    await page.waitForSelector('#simulation-day', { timeout: 120_000 });
    const simulateMs = Math.round(performance.now() - simStart);
    const longestTaskMs = await longestTask(page);
    return {
      browserChristmasEve: {
        firstLoadMs,
        planAfterEditMs: { median: edits[Math.floor(edits.length / 2)], max: edits[edits.length - 1] },
        simulate30ReplicationsMs: simulateMs,
        longestMainThreadTaskWhileSimulatingMs: longestTaskMs,
        longestMainThreadTaskWhileTypingMs: typing,
      },
    };
  } finally {
    await app.close();
  }
}
