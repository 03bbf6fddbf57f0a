import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appWithFreshProfiles, browserTestsRun } from './app';

/** A scenario with every one-value field: a normal day's calls, uplift, one AHT, one agents value. */
const ONE_VALUE = {
  schema: 1,
  name: 'Faults — one value each',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  intervalMinutes: 30,
  demand: { dailyCalls: 800, profile: [1, 2, 2, 1], uplift: 1.5 },
  ahtSeconds: 180,
  staffing: { agents: 30 },
};

/** A scenario with per-interval values, to re-grid. */
const PER_INTERVAL = {
  schema: 1,
  name: 'Faults — per interval',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  intervalMinutes: 30,
  demand: { calls: [100, 200, 300, 150] },
  ahtSeconds: [180, 200, 220, 190],
  staffing: { agents: [20, 30, 40, 25] },
};

const file = (name: string, value: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'wfm-faults-')), name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const link = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.runIf(browserTestsRun)('The app under faults', () => {
  const browser = appWithFreshProfiles();

  /** A fresh browser profile (its own IndexedDB and localStorage), with an optional script run before the app. */
  const open = async (hash = '#plan', init?: () => void): Promise<Page> => shown(await browser.page(init), hash);
  const tab = async (hash = '#plan', init?: () => void): Promise<Page> => shown(await browser.tab(init), hash);
  // The live page, which has read the store (the copy built into the page is painted before it has).
  const shown = async (page: Page, hash: string) => {
    await page.goto(`${browser.url()}${hash}`);
    await expect.poll(() => page.locator('section.summary h2[elementtiming="summary"]').count()).toBe(1);
    return page;
  };
  const load = async (page: Page, scenario: unknown) => {
    await page.setInputFiles('#scenario-file', file('scenario.json', scenario));
    await expect.poll(() => page.locator('section.summary h2').innerText()).toContain((scenario as { name: string }).name);
  };
  /** A fresh profile with `scenario` open. */
  const openWith = async (scenario: unknown) => {
    const page = await open();
    await load(page, scenario);
    return page;
  };
  /** The focused control and where its caret is. */
  const caret = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return [el.id, el.selectionStart, el.selectionEnd];
    });
  /** Clicks a field, types `text` at its end and moves the caret `left` characters back. */
  const typeAtEnd = async (page: Page, id: string, text: string, left: number) => {
    await page.click(`#${id}`);
    await page.keyboard.press('End');
    await page.keyboard.type(text);
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
  };
  const cards = (page: Page) => page.locator('section.summary .cards').innerText();
  const rows = (page: Page) => page.locator('.plan-table tbody tr').count();
  const names = (page: Page) => page.locator('#scenario-picker option').allInnerTexts();

  describe('share links', () => {
    for (const [what, param] of [
      ['the payload null', link(null)],
      ['a name that is an object', link({ name: {} })],
      ['a valid-looking scenario with a bad field', link({ ...ONE_VALUE, ahtSeconds: -1 })],
      ['text that is not base64', '%%%not-base64'],
      ['base64 that is not JSON', Buffer.from('{"schema":').toString('base64url')],
    ]) {
      it(`a link with ${what} gives a message, saves nothing, and the app starts again after it`, async () => {
        const page = await open(`#plan&s=${param}`);
        await expect.poll(() => page.locator('#link-notice').innerText()).toContain("The link's scenario was not opened");
        await expect.poll(() => names(page)).toEqual(['Christmas Eve — retail hotline']);
        expect(await page.evaluate(() => location.hash)).toBe('#plan');
        await page.reload();
        await expect.poll(() => page.locator('section.summary h2').innerText()).toContain('Christmas Eve');
        await expect.poll(() => names(page)).toEqual(['Christmas Eve — retail hotline']);
      });
    }

    it('a valid link opens its scenario as a new saved one', async () => {
      const page = await open(`#plan&s=${link(ONE_VALUE)}`);
      await expect.poll(() => page.locator('section.summary h2').innerText()).toContain(ONE_VALUE.name);
      expect(await page.locator('#link-notice').count()).toBe(0);
    });

    it('a scenario too large for a link offers the file instead', async () => {
      const page = await open();
      await load(page, { ...PER_INTERVAL, name: 'Faults — large', description: 'é'.repeat(5000) });
      await expect.poll(() => page.isHidden('#scenario-link')).toBe(true);
      expect(await page.innerText('#scenario-link-note')).toContain('download the JSON file');
    });
  });

  describe('storage', () => {
    it('with IndexedDB and localStorage blocked, works in memory and says so', async () => {
      const page = await open('#plan', () => {
        const blocked = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
        Object.defineProperty(window, 'indexedDB', { get: blocked });
        Object.defineProperty(window, 'localStorage', { get: blocked });
      });
      expect(await page.innerText('#storage-banner')).toContain('kept in this tab only');
      await page.fill('#plan-demand-uplift', '2.5');
      await expect.poll(() => page.inputValue('#plan-demand-uplift')).toBe('2.5');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-unsaved')]);
      expect(JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')).demand.uplift).toBe(2.5);
      await page.goto(`${browser.url()}#shifts`);
      await page.goto(`${browser.url()}#plan`);
      await expect.poll(() => page.locator('section.summary h2').count()).toBe(1);
    });

    it('with IndexedDB failing to open, works in memory and says so', async () => {
      const page = await open('#plan', () => {
        indexedDB.open = () => {
          throw new DOMException('blocked by the browser', 'InvalidStateError');
        };
      });
      expect(await page.innerText('#storage-banner')).toContain('blocked by the browser');
    });

    it('with storage full, shows the failed save at once, keeps the edit, offers a download, and saves on retry', async () => {
      const page = await open();
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        (window as unknown as { restorePut: () => void }).restorePut = () => {
          IDBObjectStore.prototype.put = put;
        };
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.fill('#plan-demand-uplift', '2.75');
      await expect.poll(() => page.innerText('#storage-banner')).toContain('could not be saved (The quota has been exceeded.)');
      expect(await page.inputValue('#plan-demand-uplift')).toBe('2.75');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-unsaved')]);
      expect(JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')).demand.uplift).toBe(2.75);
      await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
      await page.click('#retry-save');
      await expect.poll(() => page.locator('#storage-banner').innerText()).toBe('');
      await page.reload();
      await expect.poll(() => page.inputValue('#plan-demand-uplift')).toBe('2.75');
    });

    it('quarantines a stored record that is not a valid scenario, and starts', async () => {
      const page = await open();
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('wfm');
            req.onsuccess = () => {
              const tx = req.result.transaction('scenarios', 'readwrite');
              tx.objectStore('scenarios').put({ id: 'poisoned', raw: { name: {} }, updatedAt: Date.now() + 1e6 });
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.reload();
      await expect
        .poll(() => page.locator('#quarantine').innerText(), { timeout: 10_000 })
        .toContain('poisoned: the scenario is not valid');
      await expect.poll(() => names(page)).toEqual(['Christmas Eve — retail hotline']);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#quarantine-download-0')]);
      expect(JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')).id).toBe('poisoned');
      await page.click('#quarantine-delete-0');
      await expect.poll(() => page.locator('#quarantine').innerText()).toBe('');
    });
  });

  describe('two tabs on one scenario', () => {
    it('an edit in one tab is seen in the other', async () => {
      const a = await open();
      const b = await tab();
      await a.fill('#plan-demand-uplift', '3.25');
      await expect.poll(() => b.inputValue('#plan-demand-uplift')).toBe('3.25');
    });

    it('a conflicting edit is never dropped: the planner chooses', async () => {
      const a = await open();
      // The second tab misses the first one's news, as it would while asleep in the background.
      const b = await tab('#plan', () => {
        BroadcastChannel.prototype.addEventListener = () => {};
      });
      await a.fill('#plan-demand-uplift', '3.5');
      await expect.poll(() => a.evaluate(() => localStorage.getItem('wfm.unsavedEdit'))).toBeNull();
      await b.fill('#plan-demand-uplift', '4.5');
      await expect.poll(() => b.locator('#storage-banner').innerText()).toContain('was changed in another tab');
      await b.click('#take-theirs');
      await expect.poll(() => b.inputValue('#plan-demand-uplift')).toBe('3.5');
      await b.click('#undo');
      await expect.poll(() => b.inputValue('#plan-demand-uplift')).toBe('4.5');
      await a.reload();
      await expect.poll(() => a.inputValue('#plan-demand-uplift')).toBe('4.5');
    });
  });

  describe('typing', () => {
    it('every numeric field typed through "-", empty and "1e" to a valid value keeps each step, then the value, across a reload', async () => {
      const page = await open();
      await load(page, ONE_VALUE);
      const ids = await page.$$eval('.plan-form input[inputmode="decimal"]', (inputs) => inputs.map((i) => i.id));
      expect(ids).toEqual(
        expect.arrayContaining(['plan-demand-dailyCalls', 'plan-demand-uplift', 'plan-ahtSeconds', 'plan-staffing-agents']),
      );
      const before = await page.locator('section.summary .cards').innerText();
      for (const id of ids) {
        const original = await page.inputValue(`#${id}`);
        for (const text of ['-', '1e']) {
          await page.fill(`#${id}`, text);
          expect(await page.inputValue(`#${id}`)).toBe(text);
          expect(await page.getAttribute(`#${id}`, 'aria-invalid')).toBe('true');
          const label = await page.innerText(`label[for="${id}"]`);
          expect(await page.innerText(`#${id}-error`)).toContain(label.split('\n')[0]);
          expect(await page.innerText('#draft-list')).toContain(label.split('\n')[0]);
        }
        await page.fill(`#${id}`, '');
        expect(await page.inputValue(`#${id}`)).toBe('');
        await page.fill(`#${id}`, original);
        expect([id, await page.getAttribute(`#${id}`, 'aria-invalid')]).toEqual([id, 'false']);
      }
      expect(await page.locator('#draft-list').count()).toBe(0);
      await page.fill('#plan-ahtSeconds', '-');
      await page.reload();
      await expect.poll(() => page.inputValue('#plan-ahtSeconds')).toBe('180');
      expect(await page.locator('section.summary .cards').innerText()).toBe(before);
      await page.fill('#plan-ahtSeconds', '2');
      await page.locator('#plan-ahtSeconds').pressSequentially('40');
      await page.reload();
      await expect.poll(() => page.inputValue('#plan-ahtSeconds')).toBe('240');
    });

    it('hostile text in every numeric field stays a draft with the field’s range; huge, hex and pasted markup never reach the scenario', async () => {
      const page = await openWith(ONE_VALUE);
      const before = await cards(page);
      const ids = await page.$$eval('.plan-form input[inputmode="decimal"]', (inputs) => inputs.map((i) => i.id));
      for (const id of ids) {
        const original = await page.inputValue(`#${id}`);
        const label = (await page.innerText(`label[for="${id}"]`)).split('\n')[0];
        for (const text of ['1e400', '99999999999999999999', '0x10', 'Infinity', '<img src=x onerror=alert(1)>', '1,2,3']) {
          await page.fill(`#${id}`, text);
          expect([id, text, await page.getAttribute(`#${id}`, 'aria-invalid')]).toEqual([id, text, 'true']);
          const message = await page.innerText(`#${id}-error`);
          expect(message.startsWith(`${label}:`)).toBe(true);
          expect(message).toMatch(/from [\d.]+ to [\d.]+|must be/);
          expect(message).not.toMatch(/^[\w.]+\.[\w.]+:/);
        }
        await page.fill(`#${id}`, original);
        expect([id, await page.getAttribute(`#${id}`, 'aria-invalid')]).toEqual([id, 'false']);
      }
      expect(await cards(page)).toBe(before);
      expect(await page.locator('#app img').count()).toBe(0);
      await page.reload();
      await expect.poll(() => page.inputValue('#plan-ahtSeconds')).toBe('180');
      expect(await cards(page)).toBe(before);
    });

    it('"12,000" calls are twelve thousand and the text stays as typed; a pasted name with markup is text everywhere', async () => {
      const page = await openWith(ONE_VALUE);
      await page.fill('#plan-demand-dailyCalls', '12,000');
      expect(await page.getAttribute('#plan-demand-dailyCalls', 'aria-invalid')).toBe('false');
      await expect.poll(() => page.locator('section.summary .note').first().innerText()).toContain('18,000 first attempts');
      expect(await page.inputValue('#plan-demand-dailyCalls')).toBe('12,000');
      const name = '<img src=x onerror=alert(1)><b>bold</b>';
      await page.fill('#plan-name', name);
      await expect.poll(() => page.locator('#scenario-picker option:checked').innerText()).toBe(name);
      expect(await page.locator('section.summary h2').innerText()).toContain(name);
      expect(await page.locator('#app img, #app b').count()).toBe(0);
      await page.fill('#plan-name', '');
      expect(await page.innerText('#plan-name-error')).toBe('Name: must not be empty, got ""');
      await page.reload();
      await expect.poll(() => page.inputValue('#plan-name')).toBe(name);
      expect(await page.inputValue('#plan-demand-dailyCalls')).toBe('12000');
    });

    it('a field the file leaves to its default (the uplift) is in the form with the schema’s default, and editable', async () => {
      const { uplift: _, ...demand } = ONE_VALUE.demand;
      const page = await openWith({ ...ONE_VALUE, name: 'Faults — default uplift', demand });
      expect(await page.inputValue('#plan-demand-uplift')).toBe('1');
      await expect.poll(() => page.locator('section.summary .note').first().innerText()).toContain('800 first attempts');
      await page.fill('#plan-demand-uplift', '2');
      await expect.poll(() => page.locator('section.summary .note').first().innerText()).toContain('1,600 first attempts');
    });

    it('a draft goes with its field when an import makes the agents per interval', async () => {
      const page = await openWith(ONE_VALUE);
      await page.fill('#plan-staffing-agents', '-');
      await expect.poll(() => page.locator('#draft-list').innerText()).toContain('Agents on the phones');
      await page.setInputFiles('#volumes-file', file('day.csv', 'start,calls,agents\n08:00,100,20\n08:30,200,30\n'));
      await page.click('#volumes-apply');
      await expect.poll(() => rows(page)).toBe(2);
      expect(await page.locator('#plan-staffing-agents').count()).toBe(0);
      await expect.poll(() => page.locator('#draft-list').count()).toBe(0);
      expect(await page.inputValue('#agents-1')).toBe('30');
    });

    it('a field keeps its text and caret as typed ("1.50") while its plan re-renders', async () => {
      const page = await openWith(ONE_VALUE);
      const before = await cards(page);
      await typeAtEnd(page, 'plan-demand-uplift', '0', 2);
      await page.keyboard.type('7');
      // 1.750 plans as 1.75 while the field reads as typed, caret after the 7.
      await expect.poll(() => cards(page)).not.toBe(before);
      expect(await page.inputValue('#plan-demand-uplift')).toBe('1.750');
      expect(await caret(page)).toEqual(['plan-demand-uplift', 3, 3]);
    });

    it('a draft, its focus and its caret outlive another tab’s edit of another field', async () => {
      const a = await openWith(ONE_VALUE);
      const b = await tab();
      await expect.poll(() => b.inputValue('#plan-demand-uplift')).toBe('1.5');
      await typeAtEnd(a, 'plan-ahtSeconds', 'x', 2);
      await b.fill('#plan-demand-uplift', '3.25');
      await expect.poll(() => a.inputValue('#plan-demand-uplift')).toBe('3.25');
      expect(await a.inputValue('#plan-ahtSeconds')).toBe('180x');
      await expect.poll(() => a.getAttribute('#plan-ahtSeconds', 'aria-invalid')).toBe('true');
      expect(await a.innerText('#plan-ahtSeconds-error')).toContain('Average handle time: must be a number from 1 to 86400');
      expect(await a.innerText('#draft-list')).toContain('Average handle time');
      expect(await caret(a)).toEqual(['plan-ahtSeconds', 2, 2]);
      // Typing goes on where it was: the draft becomes a valid value, applied over the other tab's edit.
      await a.keyboard.press('Delete');
      await a.keyboard.press('End');
      await a.keyboard.press('Backspace');
      expect(await a.inputValue('#plan-ahtSeconds')).toBe('18');
      await expect.poll(() => b.inputValue('#plan-ahtSeconds')).toBe('18');
      expect(await b.inputValue('#plan-demand-uplift')).toBe('3.25');
    });

    it('rapid typing then Ctrl+Z goes back to the value before the field was entered, focus kept; Shift+Ctrl+Z forward again', async () => {
      const page = await openWith(ONE_VALUE);
      const before = await cards(page);
      await page.click('#plan-demand-uplift');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('2.75');
      await expect.poll(() => cards(page)).not.toBe(before);
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.inputValue('#plan-demand-uplift')).toBe('1.5');
      await expect.poll(() => cards(page)).toBe(before);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-demand-uplift');
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => page.inputValue('#plan-demand-uplift')).toBe('2.75');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-demand-uplift');
    });

    it('an agents cell keeps its focus and caret while its plan updates', async () => {
      const page = await open();
      await load(page, PER_INTERVAL);
      const serviceLevel = () => page.locator('.plan-table tbody tr').nth(1).locator('td[data-key="serviceLevel"]').textContent();
      const before = await serviceLevel();
      await page.click('#agents-1');
      await page.keyboard.press('End');
      await page.keyboard.type('5');
      await expect.poll(serviceLevel).not.toBe(before);
      expect(await page.inputValue('#agents-1')).toBe('305');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('agents-1');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      expect(await page.getAttribute('#agents-1', 'aria-invalid')).toBe('true');
      expect(await page.innerText('#agents-error')).toContain('Agents from 08:30');
      await page.keyboard.type('31');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('agents-2');
      await page.reload();
      await expect.poll(() => page.inputValue('#agents-1')).toBe('31');
    });
  });

  describe('the day grid', () => {
    const regrid = async (page: Page, reload: boolean) => {
      await page.fill('#plan-day-close', '09:00');
      await expect.poll(() => rows(page)).toBe(2);
      expect(await page.innerText('#edit-message')).toContain('08:00–10:00, 4 intervals of 30 min → 08:00–09:00, 2 intervals');
      expect(await page.locator('.stale').count()).toBe(0);
      if (reload) await page.reload();
      await expect.poll(() => rows(page)).toBe(2);
      await page.fill('#plan-day-open', '07:00');
      await expect.poll(() => rows(page)).toBe(4);
      if (reload) await page.reload();
      await expect.poll(() => page.inputValue('#plan-day-open')).toBe('07:00');
      await page.selectOption('#plan-intervalMinutes', '15');
      await expect.poll(() => rows(page)).toBe(8);
      if (reload) await page.reload();
      await expect.poll(() => rows(page)).toBe(8);
      await page.fill('#plan-day-close', '09:1');
      expect(await page.getAttribute('#plan-day-close', 'aria-invalid')).toBe('true');
      expect(await rows(page)).toBe(8);
      await page.fill('#plan-day-close', '09:10');
      expect(await page.innerText('#plan-day-close-error')).toContain(
        'Closes: the open day must be a whole number of 15-minute intervals',
      );
      await page.fill('#plan-day-close', '09:00');
      expect(await page.getAttribute('#plan-day-close', 'aria-invalid')).toBe('false');
      if (reload) await page.reload();
      await expect.poll(() => rows(page)).toBe(8);
    };

    it('Opens, Closes and the interval re-grid the plan with a message, and each step survives a reload', async () => {
      const page = await open();
      await load(page, PER_INTERVAL);
      await regrid(page, true);
    });

    it('undo and redo go back through every step to the start and forward again, across reloads', async () => {
      const page = await open();
      await load(page, PER_INTERVAL);
      const calls = () => page.locator('.plan-table tbody tr td:nth-child(2)').allTextContents();
      const start = await calls();
      await regrid(page, false);
      // The history outlives a reload of the tab, at the end and half-way back.
      await page.reload();
      await expect.poll(() => rows(page)).toBe(8);
      for (const [i, expected] of [4, 2, 4].entries()) {
        await page.click('#undo');
        await expect.poll(() => rows(page)).toBe(expected);
        if (i > 0) continue;
        await page.reload();
        await expect.poll(() => rows(page)).toBe(expected);
      }
      expect(await calls()).toEqual(start);
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('section.summary h2').innerText()).toContain('Christmas Eve');
      expect(await page.isDisabled('#undo')).toBe(true);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => page.locator('section.summary h2').innerText()).toContain(PER_INTERVAL.name);
      for (const expected of [2, 4, 8]) {
        await page.click('#redo');
        await expect.poll(() => rows(page)).toBe(expected);
      }
      expect(await page.isDisabled('#redo')).toBe(true);
      await page.reload();
      await expect.poll(() => rows(page)).toBe(8);
    });

    it('simulation results of an earlier day grid never break the page after a reload', async () => {
      const page = await open();
      await load(page, PER_INTERVAL);
      await page.click('#simulate');
      await expect.poll(() => page.locator('#simulation-day').count(), { timeout: 60_000 }).toBe(1);
      await page.fill('#plan-day-close', '09:00');
      await expect.poll(() => rows(page)).toBe(2);
      await page.reload();
      await expect.poll(() => rows(page)).toBe(2);
      expect(await page.locator('#simulation-day').count()).toBe(0);
      expect(await page.locator('section.summary h2').innerText()).toContain(PER_INTERVAL.name);
    });

    it('scales the calls by a factor in one action, undone in one step', async () => {
      const page = await open();
      await load(page, PER_INTERVAL);
      for (const [text, problem] of [
        ['abc', 'Scale by: must be a number above 0 and at most 100, got "abc"'],
        ['1,000', 'Scale by: must be a number above 0 and at most 100, got "1,000"'],
        ['0', 'Scale by: must be a number above 0 and at most 100, got "0"'],
      ]) {
        await page.fill('#scale-factor', text);
        await page.click('#scale-demand');
        expect(await page.innerText('#scale-factor-error')).toBe(problem);
      }
      expect(await page.locator('.plan-table tbody tr td:nth-child(2)').first().textContent()).toBe('100');
      expect(await page.isDisabled('#undo')).toBe(false);
      await page.fill('#scale-factor', '2');
      await page.click('#scale-demand');
      await expect.poll(() => page.locator('.plan-table tbody tr td:nth-child(2)').first().textContent()).toBe('200');
      await page.click('#undo');
      await expect.poll(() => page.locator('.plan-table tbody tr td:nth-child(2)').first().textContent()).toBe('100');
    });
  });

  describe('workers', () => {
    it('a simulation worker stopped silently mid-run is replaced: the run completes with the figures of an undisturbed run, which reuses the workers', async () => {
      const page = await open('#plan', () => {
        // The first simulation worker is terminated from the page, which no error event reports,
        // 10 ms after it is asked for a replication; every simulation worker made is counted.
        const seen = window as unknown as { simulationWorkers: number; stoppedOne: boolean };
        seen.simulationWorkers = 0;
        seen.stoppedOne = false;
        const Native = window.Worker;
        window.Worker = class extends Native {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            if (!String(url).includes('simulation')) return;
            if (seen.simulationWorkers++ > 0) return;
            const post = this.postMessage.bind(this);
            this.postMessage = ((message: { path?: string[] }, transfer: Transferable[]) => {
              post(message, transfer);
              if (seen.stoppedOne || message.path?.[0] !== 'run') return;
              seen.stoppedOne = true;
              setTimeout(() => this.terminate(), 10);
            }) as Worker['postMessage'];
          }
        };
      });
      const simulate = async () => {
        await page.click('#simulate');
        await expect.poll(() => page.isDisabled('#simulate'), { timeout: 60_000 }).toBe(false);
        expect(await page.innerText('#simulation-status')).toMatch(/^30 replications, seed 20261224, in \d+\.\d s\.$/);
        const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-simulation-csv')]);
        return { day: await page.innerText('#simulation-day'), csv: readFileSync((await csv.path()) ?? '', 'utf8') };
      };
      const disturbed = await simulate();
      const seen = await page.evaluate(() => {
        const { simulationWorkers, stoppedOne } = window as unknown as { simulationWorkers: number; stoppedOne: boolean };
        return { simulationWorkers, stoppedOne };
      });
      expect(seen.stoppedOne).toBe(true);
      // The run replaced the stopped worker: it made more workers than it runs at once.
      expect(seen.simulationWorkers).toBeGreaterThan(await page.evaluate(() => navigator.hardwareConcurrency || 2));
      const undisturbed = await simulate();
      // The second run took the workers the first gave back, compiled and warm: it made none.
      expect(await page.evaluate(() => (window as unknown as { simulationWorkers: number }).simulationWorkers)).toBe(
        seen.simulationWorkers,
      );
      expect(disturbed.day).toEqual(undisturbed.day);
      expect(disturbed.csv).toEqual(undisturbed.csv);
      expect(disturbed.csv.trim().split('\r\n')).toHaveLength(98);
    });
  });

  describe('the plan worker', () => {
    /** Counts each plan the page asks of its plan worker. */
    const countPlans = () => {
      const seen = window as unknown as { plansAsked: number };
      seen.plansAsked = 0;
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!String(url).includes('plan.worker')) return;
          const post = this.postMessage.bind(this);
          this.postMessage = ((message: { path?: string[] }, transfer: Transferable[]) => {
            if (message.path?.[0] === 'planRaw') seen.plansAsked++;
            post(message, transfer);
          }) as Worker['postMessage'];
        }
      };
    };
    const plansAsked = (page: Page) => page.evaluate(() => (window as unknown as { plansAsked: number }).plansAsked);
    /** The day's figures once an AHT edit has re-planned. */
    const replanned = async (page: Page, aht: string) => {
      const before = await cards(page);
      await page.fill('#plan-ahtSeconds', aht);
      await expect.poll(() => cards(page), { timeout: 10_000 }).not.toBe(before);
      return cards(page);
    };
    /** A fresh profile whose plan worker script is served by `serve`, with ONE_VALUE open. */
    const withPlanWorker = async (serve: (route: Route) => Promise<void>) => {
      const page = await browser.page(countPlans);
      await page.route('**/plan.worker*', serve);
      await load(await shown(page, '#plan'), ONE_VALUE);
      return page;
    };

    it('plans each edit off the main thread', async () => {
      const page = await browser.page(countPlans);
      await load(await shown(page, '#plan'), ONE_VALUE);
      const asked = await plansAsked(page);
      await replanned(page, '360');
      expect(await plansAsked(page)).toBeGreaterThan(asked);
    });

    it('a plan worker that cannot start, or never answers, leaves planning to the main thread with the same plan', async () => {
      const expected = await replanned(await openWith(ONE_VALUE), '360');
      const unloadable = await withPlanWorker((route) => route.abort());
      expect(await replanned(unloadable, '360')).toBe(expected);
      // A worker script that loads and never answers.
      const silent = await withPlanWorker((route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      expect(await replanned(silent, '360')).toBe(expected);
      expect(await plansAsked(silent)).toBeGreaterThan(0);
      // Later edits are no longer asked of the silent worker.
      const asked = await plansAsked(silent);
      await replanned(silent, '180');
      expect(await plansAsked(silent)).toBe(asked);
    });
  });

  describe('pages loaded when first opened', () => {
    it('a page whose code cannot be loaded says so, keeps the scenarios, and opens after a reload', async () => {
      const page = await open();
      await page.route('**/calculatorView-*.js', (route) => route.abort());
      await page.goto(`${browser.url()}#calculator`);
      await expect.poll(() => page.locator('#app [role="alert"]').innerText()).toContain('This page could not be loaded');
      await page.unroute('**/calculatorView-*.js');
      await page.reload();
      await expect.poll(() => page.locator('#app form').count()).toBeGreaterThan(0);
      await page.goto(`${browser.url()}#plan`);
      await expect.poll(() => page.locator('section.summary h2').innerText()).toContain('Christmas Eve');
    });
  });

  describe('pages read parsed scenarios', () => {
    it('the Shifts view solves a valid template without breaks', async () => {
      const page = await open();
      await load(page, {
        ...PER_INTERVAL,
        name: 'Faults — no breaks',
        day: { date: '2026-12-24', open: '08:00', close: '12:00' },
        demand: { calls: [100, 200, 300, 150, 100, 200, 300, 150] },
        ahtSeconds: 180,
        staffing: { agents: 30 },
        shifts: { templates: [{ name: 'Short', lengthMinutes: 120, earliestStart: '08:00', latestStart: '10:00' }] },
      });
      await page.goto(`${browser.url()}#shifts`);
      await expect.poll(() => page.innerText('#solve-status'), { timeout: 60_000 }).toMatch(/^Solved/);
      expect(await page.inputValue('#template-0-break')).toBe('');
    });
  });
});
