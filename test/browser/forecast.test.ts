import { closeSync, ftruncateSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../forecast/syntheticHistory';
import { browserTestsRun, requireApp } from './app';

describe.runIf(browserTestsRun)('The Forecast page against hostile input, Cancel and a failing worker', () => {
  let app: Awaited<ReturnType<typeof requireApp>>;
  let page: Page;
  const errors: string[] = [];
  const status = () => page.innerText('#forecast-status');
  const upload = (name: string, text: string) =>
    page.setInputFiles('#history-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  beforeAll(async () => {
    app = await requireApp();
    page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}#forecast`);
    await page.waitForSelector('#history-file');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('says what is wrong with an empty, malformed, wrong-column or too short history, as text', async () => {
    await upload('empty.csv', '');
    await expect.poll(status).toMatch(/^History: the file is empty/);
    await upload('bad.csv', 'time,calls\nsoon,lots\n');
    await expect
      .poll(status)
      .toMatch(
        /^History: no row could be read; each needs a date-time \(YYYY-MM-DD HH:MM\) and a number of calls of 0 or more \(line 2: /,
      );
    await upload('people.csv', 'name,age\n<img src=x onerror="window.hacked=1">,42\n');
    await expect.poll(status).toContain('<img src=x onerror=');
    expect(await page.locator('#app img').count()).toBe(0);
    await upload('short.csv', syntheticHistory(20));
    await expect
      .poll(status)
      .toMatch(/^History: too short to backtest — it covers 20 days \(2026-01-05 – 2026-01-24\); it needs at least 36 days/);
    expect(await page.locator('#backtest').count()).toBe(0);
  });

  it('refuses a history file too large to read before reading it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wfm-huge-')), 'huge.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 65 * 1024 * 1024);
    closeSync(fd);
    await page.setInputFiles('#history-file', path);
    await expect.poll(status).toBe('History: huge.csv is 65.0 MB; at most 64.0 MB');
  });

  it('names each calendar line it leaves out, and a day outside the range, keeping what was typed', async () => {
    await upload('ok.csv', syntheticHistory(60));
    await expect.poll(() => page.locator('#backtest').count(), { timeout: 60_000 }).toBe(1);
    const typed = 'date,name,kind\n2026-01-19,Campaign,campaign\n2026-13-01,Nowhere,closed';
    await page.fill('#holidays', typed);
    await page.dispatchEvent('#holidays', 'change');
    await expect
      .poll(() => page.innerText('#history-report'))
      .toContain('Special days, line 3: expected a real date YYYY-MM-DD, got "2026-13-01" — left out of the calendar');
    expect(await page.inputValue('#holidays')).toBe(typed);
    await expect.poll(() => page.isEnabled('#use-forecast')).toBe(true);
    await page.fill('#forecast-day', '2030-01-01');
    await page.dispatchEvent('#forecast-day', 'change');
    await expect
      .poll(() => page.locator('#forecast-day-error').innerText())
      .toBe(
        'Day to forecast: must be a date from 2026-01-19 to 2027-03-06 (two weeks into the history, which covers 2026-01-05 – 2026-03-05, up to a year after it), got "2030-01-01"',
      );
    expect(await page.isDisabled('#use-forecast')).toBe(true);
    expect(await page.inputValue('#forecast-day')).toBe('2030-01-01');
  });

  it('cancels a backtest in the worker and runs it again, keeping the calendar', { timeout: 180_000 }, async () => {
    await page.click('#history-example-israel');
    await page.waitForSelector('#cancel-forecast', { timeout: 30_000 });
    await expect.poll(() => page.getAttribute('#forecast-progress', 'value'), { timeout: 30_000 }).not.toBe('0');
    await page.click('#cancel-forecast');
    await expect.poll(status).toBe('Cancelled. What you entered is kept.');
    expect(await page.inputValue('#holidays')).toContain('1999-04-01,Pesach I,closed');
    await page.click('#run-backtest');
    await expect.poll(() => page.locator('#backtest').count(), { timeout: 150_000 }).toBe(1);
    await expect.poll(() => page.locator('#forecast-chart svg path.band').count()).toBe(1);
  });

  it('says so when the worker cannot start, and keeps what was entered', async () => {
    await page.route('**/forecast.worker*', (route) => route.abort());
    await page.fill('#month-days', '1-5');
    await page.dispatchEvent('#month-days', 'change');
    await expect
      .poll(status, { timeout: 30_000 })
      .toMatch(/^The forecasting worker stopped: .+ What you entered is kept; run the backtest again\.$/);
    expect(await page.inputValue('#month-days')).toBe('1-5');
    await page.unroute('**/forecast.worker*');
    await page.click('#run-backtest');
    await expect.poll(() => page.locator('#backtest').count(), { timeout: 150_000 }).toBe(1);
  });

  it('puts the forecast into a new scenario named after its day, undone in one step', { timeout: 60_000 }, async () => {
    await page.goto(`${app.url}#plan`);
    const before = await page.locator('#scenario-picker option:checked').innerText();
    await page.goto(`${app.url}#forecast`);
    // The forecast of the Israeli example is kept while the planner looks at another page.
    await expect.poll(() => page.isEnabled('#use-forecast')).toBe(true);
    await page.click('#use-forecast');
    await expect
      .poll(() => page.locator('#scenario-picker option:checked').innerText())
      .toBe(`Forecast for 1999-12-30 (from ${before})`);
    await page.click('#undo');
    await expect.poll(() => page.locator('#scenario-picker option:checked').innerText()).toBe(before);
    // The library lists the saved scenarios again once the removal is stored.
    await expect
      .poll(() => page.locator('#scenario-picker option').allInnerTexts())
      .not.toContain(`Forecast for 1999-12-30 (from ${before})`);
    expect(errors).toEqual([]);
  });
});
