/**
 * Where the browser tests find a Chromium or Chrome: $CHROME_PATH first, then
 * the usual install locations on Linux and macOS. Never a downloaded build.
 */
import { existsSync } from 'node:fs';

const KNOWN = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserFound = { ok: true; path: string } | { ok: false; reason: string };

export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserFound {
  const wanted = env.CHROME_PATH;
  if (wanted) {
    return existsSync(wanted) ? { ok: true, path: wanted } : { ok: false, reason: `CHROME_PATH=${wanted} does not exist` };
  }
  const path = KNOWN.find((p) => existsSync(p));
  if (path) return { ok: true, path };
  return {
    ok: false,
    reason:
      'no Chromium or Chrome found; install one (Debian/Ubuntu: apt-get install chromium; macOS: Google Chrome) or set CHROME_PATH to its executable',
  };
}
