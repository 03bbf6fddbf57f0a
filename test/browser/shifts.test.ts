import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appWithFreshProfiles, browserTestsRun } from './app';

/** A short day with per-interval calls; each test changes what it is about. */
const DAY = {
  schema: 1,
  name: 'Shifts — short day',
  day: { date: '2026-12-24', open: '08:00', close: '13:00' },
  intervalMinutes: 30,
  demand: { calls: [100, 200, 300, 250, 200, 150, 100, 120, 140, 90] },
  ahtSeconds: 180,
  staffing: { agents: 30 },
};

describe.runIf(browserTestsRun)('The Shifts page', () => {
  const browser = appWithFreshProfiles();

  const status = (page: Page) => page.innerText('#solve-status');
  /** A fresh profile with `scenario` loaded on the Plan page, then the Shifts page. */
  const open = async (scenario: unknown, init?: () => void): Promise<Page> => {
    const page = await browser.page(init);
    await page.goto(`${browser.url()}#plan`);
    const path = join(mkdtempSync(join(tmpdir(), 'wfm-shifts-')), 'scenario.json');
    writeFileSync(path, JSON.stringify(scenario));
    await page.setInputFiles('#scenario-file', path);
    await expect.poll(() => page.locator('section.summary h2').innerText()).toContain((scenario as { name: string }).name);
    await page.goto(`${browser.url()}#shifts`);
    return page;
  };
  const solved = (page: Page) => expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^Solved/);

  it('a template cell keeps its focus and caret while the schedule re-solves; a bad value is named with its range; undo and redo', {
    timeout: 180_000,
  }, async () => {
    const page = await open(DAY);
    await solved(page);
    await page.click('#edit-templates');
    await solved(page);
    const before = await page.innerText('#schedule-summary h2');
    await page.click('#template-0-length');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3.5');
    await expect.poll(() => page.innerText('#schedule-summary h2'), { timeout: 60_000 }).not.toBe(before);
    await solved(page);
    expect(await page.inputValue('#template-0-length')).toBe('3.5');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('template-0-length');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).selectionStart)).toBe(3);

    for (let k = 0; k < 3; k++) await page.keyboard.press('Backspace');
    expect(await page.getAttribute('#template-0-length', 'aria-invalid')).toBe('true');
    expect(await page.innerText('#shift-errors')).toContain('Length of template 1: must be a number from 1 to 16 (h), got ""');
    await page.keyboard.type('37');
    expect(await page.innerText('#shift-errors')).toContain('must be a number from 1 to 16 (h), got "37"');
    await page.keyboard.press('Backspace');
    expect(await page.innerText('#shift-errors')).toBe('');
    expect(await page.inputValue('#template-0-length')).toBe('3');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('template-0-earliest');

    // The typing in one cell is one undo step: back to 4 h, then the standard templates; redo brings both back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.inputValue('#template-0-length')).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.isDisabled('#template-0-length')).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.inputValue('#template-0-length')).toBe('3');
    await solved(page);
    await page.reload();
    await expect.poll(() => page.inputValue('#template-0-length')).toBe('3');
  });

  it('the part-time share set on the Plan page holds the cover, and the page states the mix found', {
    timeout: 180_000,
  }, async () => {
    const templates = [
      { name: 'Full', lengthMinutes: 300, earliestStart: '08:00', latestStart: '08:00', partTime: false },
      { name: 'Part', lengthMinutes: 120, earliestStart: '08:00', latestStart: '11:00' },
    ];
    const page = await open({ ...DAY, shifts: { templates } });
    await solved(page);
    expect(await page.innerText('#schedule-mix')).toMatch(/^Part-time: [1-9]\d* of \d+ shifts \([\d.]+ %; no mix set/);
    await page.goto(`${browser.url()}#plan`);
    await page.fill('#plan-shifts-partTimeShare-max', '101');
    expect(await page.innerText('#plan-shifts-partTimeShare-max-error')).toMatch(/must be a number from 0 to 100/);
    await page.fill('#plan-shifts-partTimeShare-max', '0');
    await expect.poll(() => page.locator('#plan-shifts-partTimeShare-max-error').innerText()).toBe('');
    await page.goto(`${browser.url()}#shifts`);
    await solved(page);
    expect(await page.innerText('#schedule-mix')).toMatch(/^Part-time: 0 of \d+ shifts \(0\.0 %; allowed 0\.0–0\.0 %\)/);
    // The template table says which templates are part-time and lets the planner say otherwise.
    expect(await page.inputValue('#template-0-partTime')).toBe('no');
    expect(await page.inputValue('#template-1-partTime')).toBe('');
    expect(await page.locator('#template-1-partTime option:checked').innerText()).toBe('By length (under 6 h)');
    // Both part-time under a share of 0 leaves nothing to work: refused, named, kept as chosen.
    await page.selectOption('#template-0-partTime', 'yes');
    expect(await page.innerText('#shift-errors')).toContain(
      'Shifts: every template is part-time, so no shift could be full-time',
    );
    expect(await page.getAttribute('#template-0-partTime', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#template-0-partTime')).toBe('yes');
    // The 2 h one made full-time, the two together are valid: the cover is now of 2 h shifts only.
    await page.selectOption('#template-1-partTime', 'no');
    await expect.poll(() => page.innerText('#shift-errors')).toBe('');
    const inUse = async () => [
      ...new Set(await page.locator('#schedule-summary .shift-table tbody td:first-child').allInnerTexts()),
    ];
    await expect.poll(inUse, { timeout: 60_000 }).toEqual(['Part']);
    await solved(page);
    expect(await page.innerText('#schedule-mix')).toMatch(/^Part-time: 0 of \d+ shifts/);
  });

  it('a template edit that breaks a rule across fields stays a draft, named by its labels; the last valid schedule stays', async () => {
    const page = await open({
      ...DAY,
      shifts: { templates: [{ name: 'Short', lengthMinutes: 120, earliestStart: '08:00', latestStart: '10:00' }] },
    });
    await solved(page);
    const before = await page.innerText('#schedule-summary h2');
    await page.fill('#template-0-latest', '07:30');
    await expect
      .poll(() => page.innerText('#shift-errors'))
      .toContain('Latest start of template 1: must not be before Earliest start (08:00), got "07:30"');
    await page.fill('#template-0-earliest', '07:00');
    await expect
      .poll(() => page.innerText('#shift-errors'))
      .toContain('Earliest start of template 1: must be at or after the opening');
    // Both cells valid together: both apply at once.
    await page.fill('#template-0-earliest', '08:00');
    await page.fill('#template-0-latest', '09:00');
    await expect.poll(() => page.innerText('#shift-errors')).toBe('');
    await expect.poll(() => page.innerText('#schedule-summary h2'), { timeout: 60_000 }).not.toBe(before);
    await solved(page);
  });

  it('a worker that fails gives a message and leaves the page usable', async () => {
    const page = await open(DAY, () => {
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          const crash = URL.createObjectURL(new Blob(['throw new Error("crashed on start")'], { type: 'text/javascript' }));
          super(String(url).includes('schedule') ? crash : url, options);
        }
      };
    });
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^The solver stopped: the solver's worker failed/);
    expect(await page.isEnabled('#solve-again')).toBe(true);
    expect(await page.isDisabled('#cancel-solve')).toBe(true);
    await page.click('#edit-templates');
    expect(await page.isEnabled('#template-0-length')).toBe(true);
  });

  it('HiGHS failing to load gives a message; Cancel stops a solve that hangs; both leave the page usable', async () => {
    const page = await open(DAY);
    await solved(page);
    await browser.context().route('**/*.wasm', (route) => route.abort());
    await page.click('#solve-again');
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^The solver stopped: /);
    await browser.context().unroute('**/*.wasm');
    const hung: unknown[] = [];
    await browser.context().route('**/*.wasm', (route) => void hung.push(route));
    await page.click('#solve-again');
    await expect.poll(() => status(page)).toMatch(/^Solving… /);
    await page.click('#cancel-solve');
    await expect.poll(() => status(page)).toMatch(/^Cancelled; the templates are kept/);
    expect(await page.locator('#schedule-summary h2').innerText()).toMatch(/agents/);
    await browser.context().unroute('**/*.wasm');
    await page.click('#solve-again');
    await solved(page);
  });

  const days: [string, Record<string, unknown>, RegExp][] = [
    ['a day with zero calls', { demand: { calls: DAY.demand.calls.map(() => 0) } }, /^0 agents, 0 paid hours$/],
    [
      'a 24-hour day',
      {
        day: { date: '2026-12-24', open: '00:00', close: '24:00' },
        intervalMinutes: 60,
        demand: { calls: Array.from({ length: 24 }, (_, i) => 200 + 100 * Math.sin(i / 4)) },
      },
      /^\d+ agents/,
    ],
    ['huge agent counts', { demand: { calls: DAY.demand.calls.map((c) => c * 1000) } }, /^[\d,]{5,} agents/],
  ];
  for (const [what, change, summary] of days) {
    it(`solves ${what}`, { timeout: 120_000 }, async () => {
      const page = await open({ ...DAY, name: `Shifts — ${what}`, ...change });
      await solved(page);
      expect(await page.innerText('#schedule-summary h2')).toMatch(summary);
      expect(await page.locator('#schedule-summary table tbody tr').count()).toBeGreaterThanOrEqual(
        what.includes('zero') ? 0 : 1,
      );
    });
  }

  it('a day no standard shift fits says so, and starts a template that fits; a day shorter than any shift says that', async () => {
    const page = await open({
      ...DAY,
      day: { date: '2026-12-24', open: '08:00', close: '09:00' },
      demand: { calls: [100, 200] },
    });
    await expect.poll(() => status(page)).toMatch(/^Nothing to solve: no standard shift fits this day; add a template/);
    await page.click('#add-template');
    await solved(page);
    expect(await page.inputValue('#template-0-length')).toBe('1');
    await page.goto(`${browser.url()}#plan`);
    const path = join(mkdtempSync(join(tmpdir(), 'wfm-shifts-')), 'short.json');
    writeFileSync(
      path,
      JSON.stringify({ ...DAY, name: 'Half hour', day: { ...DAY.day, close: '08:30' }, demand: { calls: [50] } }),
    );
    await page.setInputFiles('#scenario-file', path);
    await expect.poll(() => page.locator('section.summary h2').innerText()).toContain('Half hour');
    await page.goto(`${browser.url()}#shifts`);
    await expect.poll(() => status(page)).toMatch(/every shift is at least 1 hour long/);
    expect(await page.locator('#add-template').count()).toBe(0);
  });
});
