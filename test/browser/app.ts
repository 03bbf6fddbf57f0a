import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { findBrowser } from './findBrowser';

export type App = { ok: true; url: string; browser: Browser; close: () => Promise<void> } | { ok: false; reason: string };

/** The built app served on localhost, and a system Chromium or Chrome driven by playwright-core. */
export async function startApp(): Promise<App> {
  const found = findBrowser();
  if (!found.ok) return found;
  const outDir = await mkdtemp(join(tmpdir(), 'wfm-app-'));
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    ok: true,
    url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Browser tests run where a browser is found; under CI=true they always run, so a missing browser fails. */
export const browserTestsRun = findBrowser().ok || Boolean(process.env.CI);

/** The app for a browser test file: a missing browser here is a failure (the file runs only when one is expected). */
export async function requireApp(): Promise<Extract<App, { ok: true }>> {
  const app = await startApp();
  if (!app.ok) throw new Error(`browser tests cannot run: ${app.reason}`);
  return app;
}
