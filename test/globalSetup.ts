/** Says once, at the top of the run, which groups of tests are skipped on this machine and why. */
import { existsSync } from 'node:fs';
import { findBrowser } from './browser/findBrowser';

export default function setup() {
  const browser = findBrowser();
  if (!browser.ok) {
    if (process.env.CI) throw new Error(`CI=true and the browser tests cannot run: ${browser.reason}`);
    console.log(`skipped: the browser tests (test/browser): ${browser.reason}`);
  }
  if (!existsSync(new URL('../../shared/data', import.meta.url))) {
    console.log('skipped: tests on the raw data in ../shared/data (the Rfssa 6-minute series, per-call records): not present');
  }
}
