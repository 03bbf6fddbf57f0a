import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appWithFreshProfiles, browserTestsRun } from './app';

describe.runIf(browserTestsRun)('A first visit', () => {
  const browser = appWithFreshProfiles();
  /** The app's own code kept from loading: what the page shows from its HTML alone. */
  const withoutCode = (page: Page) => page.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
  const built = (page: Page) => page.locator('[data-prerendered]');

  it('paints the bundled scenario’s plan from the HTML, takes no input there, and gives way to the live page with the same figures', async () => {
    const page = await browser.page();
    await withoutCode(page);
    await page.goto(browser.url());
    const copy = page.locator('main [data-prerendered]');
    expect(await copy.isVisible()).toBe(true);
    expect(await copy.getAttribute('inert')).toBe('');
    expect(await copy.locator('section.summary h2').innerText()).toBe(
      'Christmas Eve — retail hotline: the day by the analytic plan',
    );
    // Nothing in the copy can be found by the live page's ids.
    expect(await copy.locator('[id]').count()).toBe(0);
    const summary = await copy.locator('section.summary').innerText();
    const verdict = await copy.locator('section.verdict').innerText();

    const live = await browser.tab();
    await live.goto(browser.url());
    await expect.poll(() => live.locator('#plan-agents, [id^="plan-"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => built(live).count()).toBe(0);
    expect(await live.locator('section.summary').innerText()).toBe(summary);
    expect(await live.locator('section.verdict').innerText()).toBe(verdict);
  });

  it('is not shown where the app opens something else: a scenario open before, another page, a shared link', async () => {
    const returning = await browser.page(() => localStorage.setItem('wfm.currentScenario', 'an-earlier-one'));
    await withoutCode(returning);
    await returning.goto(browser.url());
    expect(await built(returning).first().isVisible()).toBe(false);
    for (const hash of ['#roster', '#plan&s=abc']) {
      const other = await browser.page();
      await withoutCode(other);
      await other.goto(`${browser.url()}${hash}`);
      expect(await built(other).first().isVisible(), hash).toBe(false);
    }
    // With its code, another page leaves no copy of the plan behind.
    const roster = await browser.page();
    await roster.goto(`${browser.url()}#roster`);
    await expect.poll(() => roster.locator('#roster-status').count(), { timeout: 30_000 }).toBe(1);
    expect(await built(roster).count()).toBe(0);
  });
});
