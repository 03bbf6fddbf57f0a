/** Says once, at the top of the run, which groups of tests are skipped on this machine and why. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { findBrowser } from './browser/findBrowser';
import { hasRedisServer } from './cli/redisServer';

/** Every temporary file of the run (tests, Vite builds, Chromium profiles) goes here, and is removed at the end. */
const TEMP = new URL('../.tmp/', import.meta.url).pathname;

export default function setup() {
  // `npm test` points TMPDIR here before Vitest starts (Vitest keeps files of its own there); a bare `vitest run` gets it now.
  mkdirSync(TEMP, { recursive: true });
  process.env.TMPDIR = TEMP;
  // The CLI tests run the built `wfm`, as a user does: build it from the sources under test.
  execFileSync(process.execPath, [new URL('../scripts/build-cli.mjs', import.meta.url).pathname], { stdio: 'inherit' });
  const browser = findBrowser();
  if (!browser.ok) {
    if (process.env.CI) throw new Error(`CI=true and the browser tests cannot run: ${browser.reason}`);
    console.log(`skipped: the browser tests (test/browser): ${browser.reason}`);
  }
  if (!hasRedisServer()) {
    if (process.env.CI) throw new Error('CI=true and the cluster tests cannot run: redis-server is not installed');
    console.log(
      'skipped: the cluster tests (test/cli/cluster.test.ts): redis-server is not installed (apt-get install redis-server)',
    );
  }
  if (!existsSync(new URL('../../shared/data', import.meta.url))) {
    console.log('skipped: tests on the raw data in ../shared/data (the Rfssa 6-minute series, per-call records): not present');
  }
  return () => rmSync(TEMP, { recursive: true, force: true });
}
