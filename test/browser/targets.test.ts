import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appWithFreshProfiles, browserTestsRun } from './app';

describe.runIf(browserTestsRun)('Targets edited in the Plan form', () => {
  const browser = appWithFreshProfiles();
  const checks = (page: Page) => page.locator('#verdict-checks .check').allInnerTexts();
  const open = async (): Promise<Page> => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#plan`);
    await expect.poll(() => page.locator('section.summary h2').innerText()).toContain('Christmas Eve');
    return page;
  };

  it('sets, scopes and leaves out a target, and the verdict follows each step; a bad value is named with its range', {
    timeout: 90_000,
  }, async () => {
    const page = await open();
    expect(await page.inputValue('#plan-targets-answerRate')).toBe('95');
    await page.fill('#plan-targets-answerRate', '97');
    await expect
      .poll(() => checks(page))
      .toContainEqual(expect.stringMatching(/Answer rate at least 97\.0 % \(day and every interval\)/));
    await page.selectOption('#plan-targets-holdFor-answerRate', 'day');
    await expect.poll(() => checks(page)).toContainEqual(expect.stringMatching(/Answer rate at least 97\.0 % \(the day\)/));
    await page.fill('#plan-targets-maxAsaSeconds', '30');
    await expect.poll(() => checks(page)).toContainEqual(expect.stringMatching(/ASA at most 30\.0 s/));
    // Blank leaves the target out.
    await page.fill('#plan-targets-answerRate', '');
    await expect.poll(async () => (await checks(page)).some((c) => c.includes('Answer rate'))).toBe(false);
    await page.fill('#plan-targets-maxOccupancy', '150');
    await expect
      .poll(() => page.innerText('#plan-targets-maxOccupancy-error'))
      .toMatch(/^Occupancy at most: must be a number from 1 to 100 %/);
    await page.reload();
    await expect.poll(() => page.inputValue('#plan-targets-maxAsaSeconds')).toBe('30');
    expect(await page.inputValue('#plan-targets-answerRate')).toBe('');
  });
});
