/**
 * The built app in Chromium: first load, re-plan after an edit, main-thread long tasks while typing and
 * while simulating; and the Israeli bank example's backtest on the Forecast page (in a web worker).
 */
import { performance } from 'node:perf_hooks';
import { median } from 'd3-array';
import { startApp } from '../test/browser/app';

const ms = (x: number) => Math.round(x * 10) / 10;

/** Fresh profiles (no saved scenario: the bundled Christmas Eve opens) loaded one after another. */
const FIRST_LOADS = 7;

/**
 * First load of the app in a fresh profile, to the Christmas Eve summary painted, in the page from its
 * navigation start (Element Timing): the summary built into the HTML (scripts/prerender.mjs), which is
 * when the planner sees the planned day, and the live one the app renders in its place, from when the
 * page takes input; and from outside, from asking Chromium to navigate to the live heading found, which
 * adds Chromium starting the page's process.
 */
async function firstLoads(app: Extract<Awaited<ReturnType<typeof startApp>>, { ok: true }>) {
  const built: number[] = [];
  const live: number[] = [];
  let livePaintedFirst = 0;
  const fromGoto: number[] = [];
  for (let i = 0; i < FIRST_LOADS; i++) {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { painted: Record<string, Promise<number>> };
      const seen: Record<string, (t: number) => void> = {};
      w.painted = Object.fromEntries(
        ['summary-prerendered', 'summary'].map((id) => [id, new Promise<number>((resolve) => (seen[id] = resolve))]),
      );
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
          seen[e.identifier]?.(e.renderTime);
      }).observe({ type: 'element', buffered: true });
    });
    const started = performance.now();
    await page.goto(app.url);
    await page.waitForSelector('section.summary h2[elementtiming="summary"]');
    fromGoto.push(performance.now() - started);
    const painted = (id: string) =>
      page.evaluate((k) => (window as unknown as { painted: Record<string, Promise<number>> }).painted[k], id);
    live.push(await painted('summary'));
    // Where the live page mounts before the first paint, the built copy is never painted: the live one is first.
    const copy = await page.evaluate(() =>
      Promise.race([
        (window as unknown as { painted: Record<string, Promise<number>> }).painted['summary-prerendered'],
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
      ]),
    );
    built.push(copy ?? (live.at(-1) as number));
    if (copy === null) livePaintedFirst++;
    await context.close();
  }
  const spread = (xs: number[]) => ({ median: ms(median(xs) ?? 0), min: ms(Math.min(...xs)), max: ms(Math.max(...xs)) });
  return {
    loads: FIRST_LOADS,
    summaryPaintedMs: spread(built),
    liveSummaryPaintedMs: spread(live),
    /** loads in which the live page was painted before the built copy ever was (then it is the first) */
    livePaintedFirst,
    fromGotoMs: spread(fromGoto),
  };
}

export async function browserFigures() {
  const app = await startApp();
  if (!app.ok) return { browser: `skipped: ${app.reason}` };
  try {
    const firstLoad = await firstLoads(app);
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(app.url);
    await page.waitForSelector('section.summary h2[elementtiming="summary"]');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const longTasks = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    await longTasks();
    // Edits as a planner makes them, each re-planned: how long each plan took (validation and planning).
    await page.evaluate(() => performance.clearMeasures('wfm-plan'));
    for (const [i, uplift] of ['3.1', '3.2', '2.9', '3', '3.05', '2.8', '3.3', '3', '2.7', '3'].entries()) {
      await page.fill('#plan-demand-uplift', uplift);
      await page.waitForFunction((n) => performance.getEntriesByName('wfm-plan').length > n, i);
    }
    const edits = (await page.evaluate(() => performance.getEntriesByName('wfm-plan').map((e) => e.duration))).sort(
      (a, b) => a - b,
    );
    await longTasks();
    // Typing at 20 keys a second: a name (never re-plans), the AHT through "-" and "" to a value, a
    // five-digit AHT (a 14,000-Erlang day, the slowest plan typing reaches), the uplift.
    const typing = async (selector: string, text: string) => {
      await page.click(selector, { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text, { delay: 50 });
    };
    await typing('#plan-name', 'Christmas Eve, second try');
    await typing('#plan-ahtSeconds', '-245');
    await typing('#plan-ahtSeconds', '1e');
    await typing('#plan-ahtSeconds', '250');
    await typing('#plan-ahtSeconds', '12345');
    await page.waitForTimeout(300);
    await typing('#plan-ahtSeconds', '250');
    await typing('#plan-demand-uplift', '3.25');
    await page.waitForTimeout(500);
    const typed = await longTasks();
    // Scrolled to first, as a planner would: the charts it brings into view are painted then, not while simulating.
    await page.locator('#simulate').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await longTasks();
    // In the page: from the click's event to the simulated day painted (Element Timing).
    await page.evaluate(() => {
      const w = window as unknown as { simulated: Promise<number> };
      w.simulated = new Promise((resolve) => {
        let clicked = 0;
        document.addEventListener(
          'click',
          (e) => {
            if ((e.target as Element).closest('#simulate')) clicked = e.timeStamp;
          },
          true,
        );
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
            if (e.identifier === 'simulation') resolve(e.renderTime - clicked);
        }).observe({ type: 'element' });
      });
    });
    const simStart = performance.now();
    await page.click('#simulate');
    // Awaited in the page, not polled for: polling lays the page out from outside, in the page's own tasks.
    const painted = await page.evaluate(() => (window as unknown as { simulated: Promise<number> }).simulated);
    const simulateMs = { clickToResultsPainted: ms(painted), fromPlaywrightClick: Math.round(performance.now() - simStart) };
    await page.waitForTimeout(500); // the results' charts, drawn in tasks of their own after the first paint
    const whileSimulating = await longTasks();
    await page.goto(`${app.url}#forecast`);
    await page.waitForSelector('#history-example-israel');
    await longTasks();
    const backtestStart = performance.now();
    await page.click('#history-example-israel');
    await page.waitForSelector('#forecast-chart svg path.band', { timeout: 300_000 });
    const backtestMs = Math.round(performance.now() - backtestStart);
    const whileBacktesting = await longTasks();
    return {
      browserChristmasEve: {
        firstLoad,
        planAfterEditMs: { median: ms(edits[Math.floor(edits.length / 2)]), max: ms(edits[edits.length - 1]) },
        // Chromium reports only main-thread tasks over 50 ms ("long tasks"): 0 means none.
        longTasksWhileTyping: { count: typed.length, longestMs: ms(Math.max(0, ...typed)) },
        simulate30ReplicationsMs: simulateMs,
        longTasksWhileSimulating: { count: whileSimulating.length, longestMs: ms(Math.max(0, ...whileSimulating)) },
      },
      browserIsraeliBacktest: {
        note: 'Forecast page: Israeli bank 1999 example, click to forecast drawn (history read, five methods backtested over 330 days in a web worker, the day forecast)',
        wallMs: backtestMs,
        longTasks: { count: whileBacktesting.length, longestMs: ms(Math.max(0, ...whileBacktesting)) },
      },
    };
  } finally {
    await app.close();
  }
}
