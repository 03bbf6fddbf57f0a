import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, requireApp } from './app';

describe.runIf(browserTestsRun)('Erlang calculator page in Chromium', () => {
  let app: Awaited<ReturnType<typeof requireApp>>;
  let page: Page;
  const SHOTS = 'test-results';

  beforeAll(async () => {
    app = await requireApp();
    const browser: Browser = app.browser;
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${app.url}#calculator`);
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const cardText = (title: string) => page.locator('.card', { hasText: title }).innerText();

  describe('Erlang calculator in Chromium', () => {
    it('opens on the worked example: Erlang A needs 13 agents, Erlang C 14', async () => {
      await expect.poll(() => cardText('Erlang A')).toMatch(/13 agents[\s\S]*schedule 19 agents at 30 % shrinkage/);
      expect(await cardText('Erlang C')).toMatch(/14 agents[\s\S]*schedule 20 agents/);
      const table = await page.locator('table.metrics').innerText();
      expect(table).toContain('answered within 20 s ÷ (answered + abandoned)');
      expect(table).toMatch(/Service level[^\n]*\t85\.8 %\t79\.6 %/);
      await expect.poll(() => page.locator('svg path.series').count()).toBe(3);
      await page.screenshot({ path: `${SHOTS}/calculator-default.png`, fullPage: true });
    });

    it('updates as the planner types', async () => {
      await page.fill('#calls', '400');
      await expect.poll(() => cardText('Erlang C')).toMatch(/^Erlang C[^\n]*\n\s*(4[4-9]|5\d) agents/i);
      await page.fill('#agents', '40');
      await expect.poll(() => page.locator('table.metrics caption').innerText()).toBe('With 40 agents');
      expect(await page.locator('table.metrics').innerText()).toContain('unstable');
    });

    it('names the field and its range next to a bad value, and keeps what was typed', async () => {
      await page.fill('#aht', '-3');
      await expect
        .poll(() => page.locator('#aht-error').innerText())
        .toMatch(/Average handle time: must be a number above 0 and at most 86400 \(s\)/);
      expect(await page.getAttribute('#aht', 'aria-invalid')).toBe('true');
      expect(await page.locator('section.results.stale').count()).toBe(1);
      await page.screenshot({ path: `${SHOTS}/calculator-error.png`, fullPage: true });
      await page.reload();
      expect(await page.inputValue('#aht')).toBe('-3');
      expect(await page.inputValue('#calls')).toBe('400');
      await page.fill('#aht', '180');
      await expect.poll(() => page.getAttribute('#aht', 'aria-invalid')).toBe('false');
    });

    it('refuses a load past 45,000 Erlangs by the calls field, as wfm erlang does', async () => {
      await page.fill('#aht', '3600');
      await page.fill('#calls', '2000000');
      await expect
        .poll(() => page.locator('#calls-error').innerText())
        .toBe('Calls offered: the load calls ÷ intervalSeconds × ahtSeconds must be at most 45000 Erlangs');
      expect(await page.getAttribute('#calls', 'aria-invalid')).toBe('true');
      expect(await page.locator('section.results.stale').count()).toBe(1);
      await page.fill('#calls', '100');
      await page.fill('#aht', '180');
      await expect.poll(() => page.getAttribute('#calls', 'aria-invalid')).toBe('false');
      expect(await page.locator('section.results.stale').count()).toBe(0);
    });

    it('labels every control', async () => {
      const unlabeled = await page.$$eval('input, select', (controls) =>
        controls.filter((c) => !document.querySelector(`label[for="${c.id}"]`)).map((c) => c.id),
      );
      expect(unlabeled).toEqual([]);
    });
  });
});
