import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/scenario';
import { appWithFreshProfiles, browserTestsRun } from './app';

describe.runIf(browserTestsRun)('The Roster page', () => {
  const browser = appWithFreshProfiles();
  const status = (page: Page) => page.innerText('#roster-status');
  const rostered = (page: Page) => expect.poll(() => status(page), { timeout: 120_000 }).toBe('Rostered.');
  const downloaded = async (page: Page, button: string): Promise<Buffer> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync((await file.path()) ?? '');
  };

  it('rosters the bundled week to its 300 people and exports what an analyst sends', { timeout: 240_000 }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    expect(await page.innerText('#roster-summary h2')).toMatch(/^Christmas week 2026: \d+ of 300 people on \d+ shifts/);
    // The week's coverage, every interval of every day, with what is short marked and the same rows as data.
    expect(await page.locator('#roster-coverage svg .bars rect').count()).toBe(7 * 96);
    expect(await page.locator('#roster-coverage svg .bars rect.short').count()).toBeGreaterThan(0);
    // The first axis drawn is the time axis: a tick at each day's first interval.
    const dayTicks = await page.$$eval('#roster-coverage svg > g:first-of-type .tick text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(dayTicks).toEqual(['Mon 21', 'Tue 22', 'Wed 23', 'Thu 24', 'Fri 25', 'Sat 26', 'Sun 27']);
    expect(await page.locator('#roster-coverage table tbody tr').count()).toBe(7 * 96);
    const csv = (await downloaded(page, '#export-week-csv')).toString('utf8');
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['agent', 'contract', 'date', 'template', 'start', 'end', 'breaks', 'paidHours']);
    expect(rows.length).toBeGreaterThan(1_000);
    const coverage = (await downloaded(page, '#export-week-coverage')).toString('utf8').trim().split('\r\n');
    expect(coverage).toHaveLength(1 + 7 * 96);
    const calendars = unzipSync(new Uint8Array(await downloaded(page, '#export-week-ics')));
    const oliver = new TextDecoder().decode(calendars['christmas-week-2026-Oliver-Clarke.ics']);
    expect(oliver).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-TIMEZONE:Europe\/London\r\n/);
  });

  it('checks the roster by simulation, step by step, with Cancel, and says where it falls short on fresh seeds', {
    timeout: 300_000,
  }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    const summary = await page.innerText('#roster-summary h2');
    // Cancel mid-check keeps the roster there was.
    await page.click('#roster-check');
    await expect.poll(() => status(page)).toMatch(/^Checking by simulation… [\d.]+ s$/);
    await expect.poll(() => page.locator('#roster-check-progress').count(), { timeout: 120_000 }).toBe(1);
    expect(await page.innerText('#roster-check-progress')).toMatch(
      /^Step 1: [\d,]+ paid h, answer rate [\d.]+ %, SL [\d.]+ % \(lowest day, 2026-12-2\d\)/,
    );
    await page.click('#roster-cancel');
    await expect.poll(() => status(page)).toMatch(/^Cancelled; the week and the last roster are kept/);
    expect(await page.innerText('#roster-summary h2')).toBe(summary);
    expect(await page.locator('#roster-final-check').count()).toBe(0);
    // Run to the end: Christmas asks more than the 300 people can give, and the final check says where.
    await page.click('#roster-check');
    await expect.poll(() => status(page), { timeout: 240_000 }).toMatch(/^Checked\. /);
    const final = await page.innerText('#roster-final-check');
    expect(final).toMatch(
      /^The roster falls short, simulated again on 40 replications of each day with seed \d+, which the check never used: intervals 2026-12-2\d \d\d:\d\d/,
    );
    expect(await status(page)).toBe(`Checked. ${final}`);
    const header = await page.locator('table.roster-checks thead th').allInnerTexts();
    expect(header).toEqual(expect.arrayContaining(['Paid hours', 'Answer rate', 'Lowest day', 'Targets met']));
    const steps = await page.locator('table.roster-checks tbody tr').count();
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(6);
    // An edit re-rosters, and the check's findings go with the roster they were of.
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:00-16:30');
    await rostered(page);
    expect(await page.locator('#roster-final-check').count()).toBe(0);
    // An edit while a check runs stops it, and the page says so; its steps go with it.
    await page.click('#roster-check');
    await expect.poll(() => page.locator('#roster-check-progress').count(), { timeout: 120_000 }).toBe(1);
    await page.fill('#agent-0-mon', 'any');
    await expect
      .poll(() => status(page), { timeout: 120_000 })
      .toBe('Rostered. The check by simulation was stopped by your edit; check again when you are ready.');
    expect(await page.locator('#roster-check-progress').count()).toBe(0);
    expect(await page.locator('#roster-final-check').count()).toBe(0);
  });

  it('an availability or a contract rule typed wrong is named with its row, column and range; nothing is lost, and a re-roster keeps people where they were', {
    timeout: 300_000,
  }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:0');
    expect(await page.getAttribute('#agent-0-mon', 'aria-invalid')).toBe('true');
    expect(await page.innerText('#week-errors')).toContain(
      'agents row 2, mon: must be a window HH:MM-HH:MM (a start from 00:00 to 23:59, an end up to 24:00 and not the start; an end before the start is the next morning), any, or empty for not available, got "08:0"',
    );
    expect(await page.isDisabled('#roster-solve')).toBe(true);
    await page.fill('#agent-0-mon', '08:00-16:30');
    await expect.poll(() => page.locator('#week-errors').count()).toBe(0);
    await expect.poll(() => page.locator('#roster-kept').count(), { timeout: 120_000 }).toBe(1);
    await rostered(page);
    const kept = /^([\d,]+) of the ([\d,]+) shifts/.exec(await page.innerText('#roster-kept'));
    const [same, before] = [kept?.[1], kept?.[2]].map((n) => Number(n?.replaceAll(',', '')));
    expect(same / before).toBeGreaterThan(0.95);

    await page.fill('#contract-0-minRestHours', '60');
    expect(await page.innerText('#week-errors')).toContain(
      'contracts[0].minRestHours: must be a number from 0 to 48 (h), got 60',
    );
    await page.fill('#contract-0-minRestHours', 'eleven');
    expect(await page.innerText('#week-errors')).toContain('contracts[0].minRestHours');
    expect(await page.inputValue('#contract-0-minRestHours')).toBe('eleven');

    // Saved on every edit: a reload shows the week as it was left, errors and all.
    await page.reload();
    expect(await page.inputValue('#contract-0-minRestHours')).toBe('eleven');
    await page.fill('#agent-filter', 'Oliver Clarke');
    expect(await page.inputValue('#agent-0-mon')).toBe('08:00-16:30');
    await page.fill('#contract-0-minRestHours', '');
    await expect.poll(() => page.locator('#week-errors').count()).toBe(0);

    // Undo steps back one field at a time.
    await page.click('#roster-undo');
    expect(await page.inputValue('#contract-0-minRestHours')).toBe('eleven');
    await page.click('#roster-redo');
    expect(await page.inputValue('#contract-0-minRestHours')).toBe('');
  });

  it('an agents CSV with a bad row is refused with the row named, and a good one replaces the people', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    const dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
    const header = 'name,contract,mon,tue,wed,thu,fri,sat,sun,skills';
    writeFileSync(join(dir, 'bad.csv'), `${header}\nAda,Full-time,any,any,any,any,any,,,\nBo,Nobody,any,,,,,,,\n`);
    await page.setInputFiles('#import-agents', join(dir, 'bad.csv'));
    await expect.poll(() => page.innerText('#week-file-errors')).toContain('agents row 3, contract: must be one of the week');
    expect(await page.innerText('#agent-table caption')).toMatch(/^People: 300/);

    const people = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', 'Cy']
      .map((n) => `"${n.replaceAll('"', '""')}",Full-time,any,any,any,any,any,,,`)
      .join('\n');
    writeFileSync(join(dir, 'good.csv'), `${header}\n${people}\n`);
    await page.setInputFiles('#import-agents', join(dir, 'good.csv'));
    await expect.poll(() => page.innerText('#agent-table caption')).toMatch(/^People: 3\b/);
    expect(await page.locator('#agent-table img').count()).toBe(0);
    expect(await page.inputValue('#agent-0-name')).toBe('<img src=x onerror=alert(1)>');
    await expect.poll(() => page.innerText('#roster-summary h2'), { timeout: 120_000 }).toMatch(/of 3 people/);
    // The people's CSV comes back out safe for a spreadsheet: the formula is text.
    const out = (await downloaded(page, '#export-agents')).toString('utf8');
    expect(out).toContain(`'=HYPERLINK`);
  });

  it('a week file that is wrong is refused with each field named, and the saved week is kept, across a reload', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    const saved = await page.evaluate(() => localStorage.getItem('wfm.roster.week'));
    const dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
    for (const [content, named] of [
      [{}, 'base: required'],
      [{ name: { a: 1 }, base: 'christmas-eve.json', days: 'abc', contracts: 5 }, 'days'],
      [{ __proto__: { x: 1 }, schema: 1 }, 'base: required'],
    ] as const) {
      writeFileSync(join(dir, 'week.json'), JSON.stringify(content));
      await page.setInputFiles('#open-week', join(dir, 'week.json'));
      await expect
        .poll(() => page.innerText('#week-file-errors'))
        .toContain('week.json was not opened; the week stays as it was.');
      expect(await page.innerText('#week-file-errors')).toContain(named);
      expect(await page.innerText('#week-file-errors')).not.toContain('undefined');
      expect(await page.evaluate(() => localStorage.getItem('wfm.roster.week'))).toBe(saved);
    }
    await page.reload();
    await rostered(page);
    expect(await page.innerText('#roster-summary h2')).toMatch(/^Christmas week 2026: \d+ of 300 people/);
  });

  it('a roster worker that dies says so, keeps the week as edited, and the next roster runs', { timeout: 240_000 }, async () => {
    const page = await browser.page(() => {
      // The first roster worker dies as it starts; the ones after it are sound.
      const Native = window.Worker;
      let crashes = 1;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          const crash = URL.createObjectURL(new Blob(['throw new Error("died")'], { type: 'text/javascript' }));
          const dies = String(url).includes('roster') && crashes-- > 0;
          super(dies ? crash : url, options);
        }
      };
    });
    await page.goto(`${browser.url()}#roster`);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^The solver stopped: the solver's worker failed/);
    expect(await page.isEnabled('#roster-solve')).toBe(true);
    expect(await page.isDisabled('#roster-cancel')).toBe(true);
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:00-16:30');
    await rostered(page);
    expect(await page.inputValue('#agent-0-mon')).toBe('08:00-16:30');
    expect(await page.innerText('#roster-summary h2')).toMatch(/of 300 people/);
  });

  it('a stored week that cannot be read is set aside, never opened nor overwritten, to download or delete', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('wfm.roster.week', '{"week": {"name": "cut sh');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    expect(await page.innerText('#week-saved')).toMatch(/could not be read; it is kept aside below/);
    expect(await page.innerText('#quarantine')).toMatch(/not JSON/);
    const kept = (await downloaded(page, '#quarantine-download-0')).toString('utf8');
    expect(JSON.parse(kept)).toBe('{"week": {"name": "cut sh');
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:00-16:30');
    expect(await page.innerText('#week-saved')).toBe('Saved in this browser.');
    await page.reload();
    await page.fill('#agent-filter', 'Oliver Clarke');
    expect(await page.inputValue('#agent-0-mon')).toBe('08:00-16:30');
    expect(await page.innerText('#quarantine')).toMatch(/not JSON/);
    await page.click('#quarantine-delete-0');
    await page.reload();
    expect(await page.locator('#quarantine li').count()).toBe(0);
  });

  it('where storage is too full to set it aside, edits are not saved over it until it is downloaded', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page(() => {
      localStorage.setItem('wfm.roster.week', 'not a week');
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.includes('unreadable')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto(`${browser.url()}#roster`);
    expect(await page.innerText('#week-saved')).toMatch(/storage refused to keep it aside: download or delete it below/);
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:00-16:30');
    expect(await page.innerText('#week-saved')).toMatch(/^Not saved yet: download or delete the unreadable week/);
    expect(await page.evaluate(() => localStorage.getItem('wfm.roster.week'))).toBe('not a week');
    expect(JSON.parse((await downloaded(page, '#quarantine-download-0')).toString('utf8'))).toBe('not a week');
    expect(await page.innerText('#week-saved')).toBe('Saved in this browser.');
    expect(await page.evaluate(() => localStorage.getItem('wfm.roster.week'))).toContain('08:00-16:30');
  });

  it('takes the scenario open on the Plan page as the week’s base, and Undo brings the base back', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page();
    await page.goto(`${browser.url()}#roster`); // a fresh profile opens the bundled Christmas Eve
    await rostered(page);
    const baseOfWeek = () => page.evaluate(() => JSON.parse(localStorage.getItem('wfm.roster.week') ?? '{}').week?.base ?? null);
    await page.click('#roster-open-scenario');
    await expect.poll(async () => typeof (await baseOfWeek())).toBe('object');
    const base = (await baseOfWeek()) as { name: string; demand: unknown };
    expect(base.name).toBe('Christmas Eve — retail hotline');
    expect(base.demand).toBeDefined();
    expect(await page.locator('#week-errors').count()).toBe(0);
    await rostered(page);
    expect(await page.innerText('#roster-summary h2')).toMatch(/^Christmas week 2026: \d+ of 300 people on/);
    await page.click('#roster-undo');
    await expect.poll(baseOfWeek).toBe('../christmas-eve.json');
  });

  it('a browser that refuses storage says the week lives in this tab only, and the edit still re-rosters', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.page(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(`${browser.url()}#roster`);
    await rostered(page);
    await page.fill('#agent-filter', 'Oliver Clarke');
    await page.fill('#agent-0-mon', '08:00-16:30');
    expect(await page.innerText('#week-saved')).toMatch(/^Not saved: this browser refuses storage .*Export the agents CSV/);
    expect(await page.inputValue('#agent-0-mon')).toBe('08:00-16:30');
    await expect.poll(() => page.locator('#roster-kept').count(), { timeout: 120_000 }).toBe(1);
  });
});
