import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, requireApp } from './app';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['#plan', '#forecast', '#shifts', '#roster', '#compare', '#calculator'];

/** Waits until the page has drawn its main content. */
const ready: Record<string, string> = {
  '#plan': 'section.summary h2',
  '#forecast': '#app h1',
  '#shifts': '#schedule-summary h2',
  '#roster': '#roster-summary h2',
  '#compare': '#comparison table',
  '#calculator': '#app h1',
};

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
}

describe.runIf(browserTestsRun)('Layout and accessibility', () => {
  let app: Awaited<ReturnType<typeof requireApp>>;
  beforeAll(async () => {
    app = await requireApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const visit = async (hash: string, width: number): Promise<{ page: Page; errors: string[] }> => {
    const context = await app.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}${hash}`);
    await page.waitForSelector(ready[hash], { timeout: 60_000 });
    return { page, errors };
  };

  for (const hash of PAGES) {
    it(`${hash}: axe finds no serious or critical violation`, { timeout: 90_000 }, async () => {
      const { page, errors } = await visit(hash, 1300);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`${hash}: at 390 px wide the page never scrolls sideways`, { timeout: 90_000 }, async () => {
      const { page, errors } = await visit(hash, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const width of [390, 1440]) {
    it(`#forecast with the US example backtested and forecast, ${width} px: axe, and no sideways scroll`, {
      timeout: 120_000,
    }, async () => {
      const { page, errors } = await visit('#forecast', width);
      await page.click('#history-example');
      await page.waitForSelector('#forecast-chart svg path.band', { timeout: 90_000 });
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('#plan with drafts, the CSV mapping step and a storage banner: axe finds no serious or critical violation', {
    timeout: 90_000,
  }, async () => {
    const { page, errors } = await visit('#plan', 1300);
    await page.fill('#plan-ivr-containment', '150');
    await page.fill('#plan-day-close', '25:00');
    const csv = join(mkdtempSync(join(tmpdir(), 'wfm-layout-')), 'day.csv');
    writeFileSync(csv, 'start,calls\n08:00,100\n08:30,x\n');
    await page.setInputFiles('#volumes-file', csv);
    await page.click('#volumes-apply');
    await page.locator('#volumes-errors li').first().waitFor();
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.fill('#plan-ivr-containment', '20');
    await page.locator('#retry-save').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 390 px the plan shows its results before the form, the verdict first', async () => {
    const { page } = await visit('#plan', 390);
    const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('#verdict')).toBeLessThan(await top('section.summary'));
    expect(await top('section.summary')).toBeLessThan(await top('form.plan-form'));
    await page.context().close();
  });

  for (const width of [1300, 390])
    it(`#plan simulated, at ${width} px: axe finds no serious or critical violation, nothing scrolls sideways`, {
      timeout: 180_000,
    }, async () => {
      const { page, errors } = await visit('#plan', width);
      await page.click('#simulate');
      await page.waitForSelector('#simulation-day', { timeout: 120_000 });
      expect(await page.innerText('#verdict-head')).toMatch(/^Verdict \(simulation\)/);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/plan-simulated-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
