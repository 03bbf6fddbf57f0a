import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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

/**
 * The app for a test file, and a fresh browser profile (its own storage) for
 * each test: the app starts once; after each test its profile is closed and
 * the test fails if any of its pages threw.
 */
export function appWithFreshProfiles() {
  let app: Extract<App, { ok: true }> | undefined;
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    app = await requireApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });
  const started = () => {
    if (!app) throw new Error('the app has not started');
    return app;
  };
  /** Another page (tab) in the current profile, with `init` run before the app's scripts in it. */
  const tab = async (init?: () => void): Promise<Page> => {
    const page = await (context as BrowserContext).newPage();
    if (init) await page.addInitScript(init);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  return {
    url: () => started().url,
    context: () => context as BrowserContext,
    tab,
    /** A page in a new profile, with `init` run before the app's scripts in every page of it. */
    async page(init?: () => void): Promise<Page> {
      context = await started().browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
      if (init) await context.addInitScript(init);
      errors = [];
      return tab();
    },
  };
}
