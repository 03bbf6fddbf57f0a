import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wfm } from '../cli/run';
import { appWithFreshProfiles, browserTestsRun } from './app';

describe.runIf(browserTestsRun)('Staff to target in the app', () => {
  const browser = appWithFreshProfiles();
  const name = (page: Page) => page.locator('section.summary h2').innerText();
  const open = async (): Promise<Page> => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#plan`);
    await expect.poll(() => name(page)).toContain('Christmas Eve');
    return page;
  };

  it('by Erlang A: a new scenario with the change in paid hours and cost `wfm staff` prints, short nowhere, and one Undo back', {
    timeout: 120_000,
  }, async () => {
    const page = await open();
    await page.click('#staff-erlangA');
    await expect.poll(() => name(page)).toContain('(staffed by Erlang A)');
    const cli = wfm(['staff', 'scenarios/christmas-eve.json']).stdout;
    const change = cli.match(/^Staffing: (.+)$/m)?.[1];
    expect(change).toMatch(/^4,295 paid h → [\d,]+ paid h \(−[\d,]+ h; cost [\d,.]+ EUR less\)$/);
    expect(await page.innerText('#staff-report')).toContain(`Staffed to the per-interval targets by Erlang A: ${change}.`);
    expect(await page.innerText('#verdict')).toContain('Staffed at or above the Erlang A requirement in every interval');
    await page.keyboard.press('Control+z');
    await expect.poll(() => name(page)).not.toContain('(staffed by');
    expect(await page.innerText('#verdict')).toContain('Short in 20 of 96 intervals');
  });

  it('by simulation: rounds shown as they run, Cancel leaves everything as it was', { timeout: 120_000 }, async () => {
    const page = await open();
    await page.click('#staff-simulation');
    await expect.poll(() => page.innerText('#staff-status'), { timeout: 60_000 }).toMatch(/^Round \d+:/);
    await page.click('#staff-cancel');
    await expect.poll(() => page.innerText('#staff-status')).toBe('Cancelled; the scenario is unchanged.');
    expect(await name(page)).not.toContain('(staffed by');
    expect(await page.isEnabled('#staff-simulation')).toBe(true);
  });

  it('a double click staffs once; staffing a staffed scenario again replaces its suffix', { timeout: 60_000 }, async () => {
    const page = await open();
    await page.dblclick('#staff-erlangA');
    await expect.poll(() => name(page)).toContain('(staffed by Erlang A)');
    await page.waitForTimeout(300);
    const names = await page.locator('#scenario-picker option').allInnerTexts();
    expect(names.filter((n) => n.includes('(staffed by'))).toEqual(['Christmas Eve — retail hotline (staffed by Erlang A)']);
    // The real change stays in the report.
    expect(await page.innerText('#staff-report')).toMatch(/^Staffed to the per-interval targets by Erlang A: 4,295 paid h/);
    await page.click('#staff-erlangC');
    await expect.poll(() => name(page)).toContain('Christmas Eve — retail hotline (staffed by Erlang C)');
  });

  it('an edit during a search by simulation stops it: nothing is created, the edit is kept', { timeout: 120_000 }, async () => {
    const page = await open();
    await page.click('#staff-simulation');
    await expect.poll(() => page.innerText('#staff-status'), { timeout: 60_000 }).toMatch(/^Round \d+:/);
    await page.fill('#plan-ahtSeconds', '400');
    await expect
      .poll(() => page.innerText('#staff-status'), { timeout: 60_000 })
      .toBe('Stopped: the scenario changed while it was being staffed; nothing was created. Staff it again.');
    expect(await name(page)).not.toContain('(staffed by');
    expect(await page.inputValue('#plan-ahtSeconds')).toBe('400');
  });

  it('by simulation refuses a search past the size limit, saying what to lower', { timeout: 60_000 }, async () => {
    const page = await open();
    await page.fill('#plan-simulation-replications', '10000');
    await expect.poll(() => page.inputValue('#plan-simulation-replications')).toBe('10000');
    await page.waitForTimeout(400); // the re-plan after typing pauses
    await page.click('#staff-simulation');
    await expect
      .poll(() => page.innerText('#staff-status'))
      .toMatch(
        /^Each round would simulate up to about [\d,]+ calls \([\d,]+ a replication × 10000 replications\), more than 100,000,000, for up to 12 rounds: lower the replications/,
      );
    expect(await name(page)).not.toContain('(staffed by');
  });

  it('by simulation on a short day: a new scenario whose final check on fresh seeds meets every target', {
    timeout: 300_000,
  }, async () => {
    const page = await open();
    const day = {
      schema: 1,
      name: 'Short day',
      day: { date: '2026-12-24', open: '09:00', close: '11:00' },
      intervalMinutes: 30,
      demand: { calls: [200, 400, 300, 150] },
      ahtSeconds: 240,
      staffing: { agents: 40 },
      targets: { serviceLevel: 0.8, answerRate: 0.95 },
      simulation: { replications: 20, seed: 3 },
    };
    const path = join(mkdtempSync(join(tmpdir(), 'wfm-staff-')), 'day.json');
    writeFileSync(path, JSON.stringify(day));
    await page.setInputFiles('#scenario-file', path);
    await expect.poll(() => name(page)).toContain('Short day');
    await page.click('#staff-simulation');
    await expect.poll(() => name(page), { timeout: 240_000 }).toContain('Short day (staffed by simulation)');
    const report = await page.innerText('#staff-report');
    expect(report).toMatch(/^Staffed by simulation in \d+ rounds: from the Erlang A answer, [\d,]+ paid h → [\d,]+ paid h/);
    expect(report).toMatch(/Final check on fresh seeds \(seed \d+, 80 replications\): Meets every target with 95% confidence\./);
  });
});
