/**
 * `npm run bench`: speed figures as one JSON object on stdout.
 * Timings are wall-clock on this machine; each figure repeats its work long
 * enough (≥ 0.3 s) to be stable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import loadHighs from 'highs';
import { defaultWorkers, spawnNodeWorker } from '../src/cli/nodeWorkers';
import { erlangC, requiredAgents, type StaffingCase } from '../src/erlang';
import { backtest, calendarOf, readCalendar, readHistory, rfssaToHistory } from '../src/forecast';
import { planDay } from '../src/plan';
import type { ShiftTemplate } from '../src/scenario';
import { parseScenario, parseScenarioText, type Scenario, type ScenarioInput } from '../src/scenario';
import { scheduleDay } from '../src/schedule';
import { simulateReplication } from '../src/sim';
import { runSimulation, SimulationCancelled } from '../src/sim/pool';
import { startApp } from '../test/browser/app';

/** Runs `work` repeatedly for at least `seconds`; returns calls per second. */
function ratePerSecond(work: () => void, seconds = 0.3): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    work();
    calls++;
    elapsed = performance.now() - start;
  }
  return calls / (elapsed / 1000);
}

function erlangCRate(agents: number): number {
  const load = agents * 0.9;
  let sink = 0;
  const rate = ratePerSecond(() => {
    const r = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
    if (r.stable) sink += r.serviceLevel;
  });
  if (!Number.isFinite(sink)) throw new Error('bad result');
  return Math.round(rate);
}

/** A 96-interval day of a 5,000-agent center: a double-peaked profile up to ~4,500 Erlangs. */
function dayOfIntervals(): number[] {
  return Array.from({ length: 96 }, (_, i) => {
    const hour = i / 4;
    const shape = Math.exp(-((hour - 11) ** 2) / 8) + 0.8 * Math.exp(-((hour - 19) ** 2) / 6);
    return Math.max(50, 4_500 * shape); // Erlangs
  });
}

function staffDayMs(model: 'C' | 'A'): number {
  const loads = dayOfIntervals();
  const start = performance.now();
  let total = 0;
  for (const load of loads) {
    const c: StaffingCase = {
      model,
      calls: (load * 900) / 180,
      intervalSeconds: 900,
      ahtSeconds: 180,
      patienceSeconds: 300,
      targetSeconds: 20,
      slDefinition: 'abandonsCount',
    };
    total += requiredAgents(c, { serviceLevel: 0.8 }).agents;
  }
  const ms = performance.now() - start;
  if (total < 5_000) throw new Error('unexpected staffing');
  return Number(ms.toFixed(1));
}

function batchFigures(lines: number) {
  const bin = fileURLToPath(new URL('../bin/wfm.js', import.meta.url));
  const line = (i: number) =>
    JSON.stringify({
      model: i % 2 ? 'A' : 'C',
      calls: 80 + (i % 40),
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 14,
      targetSeconds: 20,
      patienceSeconds: 300,
    });
  const run = (n: number) => {
    const input = Array.from({ length: n }, (_, i) => line(i)).join('\n');
    const start = performance.now();
    const r = spawnSync(process.execPath, [bin, 'erlang', '--batch'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = performance.now() - start;
    if (r.status !== 0 || r.stdout.trim().split('\n').length !== n) throw new Error(`batch failed: ${r.stderr}`);
    return ms;
  };
  const startupMs = Math.min(run(1), run(1), run(1));
  const totalMs = Math.min(run(lines), run(lines));
  const computeMs = totalMs - startupMs;
  return {
    batchLines: lines,
    batchWallMs: Number(totalMs.toFixed(0)),
    batchStartupMs: Number(startupMs.toFixed(0)),
    batchComputeMs: Number(computeMs.toFixed(0)),
    batchLinesPerSecond: Math.round(lines / (computeMs / 1000)),
  };
}

/** A 96-interval day of a 5,000-agent center with lines, redials and idle-time callbacks. */
function planDayMs() {
  const loads = dayOfIntervals();
  const parsed = parseScenario({
    schema: 1,
    name: 'bench: 5,000 agents',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 15,
    demand: { calls: loads.map((a) => (a * 900) / 180) },
    ahtSeconds: 180,
    ivr: { lines: 7_000, containment: 0.1, escape: { share: 0.02 } },
    patience: { meanSeconds: 240 },
    redial: { abandoned: { share: 0.5 }, blocked: { share: 0.5 } },
    callback: { enabled: true, offerWhen: { waitAboveSeconds: 120 }, acceptance: 0.5 },
    staffing: { agents: loads.map((a) => Math.round(a * 0.95 + 40)) },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  planDay(parsed.scenario); // warm-up
  const runs = 3;
  const start = performance.now();
  for (let i = 0; i < runs; i++) planDay(parsed.scenario);
  return Number(((performance.now() - start) / runs).toFixed(1));
}

function scenario(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Simulated calls per second on one core: a day of 500 agents at about 1.5 calls a second. */
function simulatedCallsPerSecond(fullFlow: boolean): number {
  const base: ScenarioInput = {
    schema: 1,
    name: fullFlow ? 'full call flow' : 'M/M/N+M',
    day: { date: '2026-12-24', open: '00:00', close: '24:00' },
    intervalMinutes: 60,
    demand: { calls: Array(24).fill(5_400) },
    ahtSeconds: 320,
    staffing: { agents: 500 },
    patience: { meanSeconds: 300 },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
  };
  const s = scenario(
    fullFlow
      ? {
          ...base,
          ivr: {
            lines: 620,
            time: { kind: 'lognormal', meanSeconds: 45, shape: 0.6 },
            containment: 0.15,
            escape: { share: 0.03 },
          },
          handleTime: { kind: 'lognormal', shape: 0.8 },
          redial: { abandoned: { share: 0.5 }, blocked: { share: 0.6 } },
          callback: {
            enabled: true,
            offerWhen: { waitAboveSeconds: 60 },
            acceptance: 0.5,
            serve: { mode: 'idle', reserveAgents: 3 },
          },
        }
      : base,
  );
  simulateReplication(s, 0); // warm-up
  let calls = 0;
  const start = performance.now();
  for (let r = 1; r <= 6; r++) calls += simulateReplication(s, r).calls.reduce((a, b) => a + b, 0);
  return Math.round(calls / ((performance.now() - start) / 1000));
}

const christmasEve = (() => {
  const parsed = parseScenarioText(readFileSync(new URL('../scenarios/christmas-eve.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();

async function christmasEveWallMs(workers: number, replications = 100): Promise<number> {
  const start = performance.now();
  await runSimulation(christmasEve, spawnNodeWorker, { replications, workers });
  return Math.round(performance.now() - start);
}

/** Time from asking to cancel to the run having stopped (workers terminated). */
async function cancelLatencyMs(): Promise<number> {
  const abort = new AbortController();
  let asked = 0;
  const run = runSimulation(christmasEve, spawnNodeWorker, {
    replications: 1_000,
    workers: defaultWorkers(),
    signal: abort.signal,
    onProgress: (done) => {
      if (done === 3) {
        asked = performance.now();
        abort.abort();
      }
    },
  });
  try {
    await run;
  } catch (error) {
    if (!(error instanceof SimulationCancelled)) throw error;
  }
  return Number((performance.now() - asked).toFixed(1));
}

async function simulationFigures() {
  const allCores = await christmasEveWallMs(defaultWorkers());
  // Memory stays bounded: the process's peak size does not grow with the number of replications.
  const rssAfter100 = process.memoryUsage().rss;
  await christmasEveWallMs(defaultWorkers(), 400);
  const rssAfter400 = process.memoryUsage().rss;
  const oneWorker = await christmasEveWallMs(1, 300);
  const twoWorkers = await christmasEveWallMs(2, 300);
  return {
    simulatedCallsPerSecondOneCore: {
      mmnm500Agents: simulatedCallsPerSecond(false),
      fullCallFlow: simulatedCallsPerSecond(true),
    },
    christmasEve100Replications: {
      workers: defaultWorkers(),
      wallMs: allCores,
      processRssMB: { after100Replications: Math.round(rssAfter100 / 2 ** 20), after400More: Math.round(rssAfter400 / 2 ** 20) },
    },
    speedUpOneToTwoWorkers300Replications: {
      oneWorkerMs: oneWorker,
      twoWorkersMs: twoWorkers,
      speedUp: Number((oneWorker / twoWorkers).toFixed(2)),
    },
    cancelLatencyMs: await cancelLatencyMs(),
  };
}

/** The built app in Debian's Chromium: first load, re-plan after an edit, longest main-thread task while simulating. */
async function browserFigures() {
  if (!existsSync('/usr/bin/chromium')) return { browser: 'skipped: /usr/bin/chromium is missing (npm test installs it)' };
  const app = await startApp();
  try {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const started = performance.now();
    await page.goto(app.url);
    await page.waitForSelector('section.summary h2');
    const firstLoadMs = Math.round(performance.now() - started);
    const edits: number[] = [];
    for (const uplift of ['3.1', '3.2', '2.9', '3', '3.05', '2.8', '3.3', '3', '2.7', '3']) {
      await page.fill('#plan-demand-uplift', uplift);
      edits.push(Number(await page.getAttribute('#app', 'data-update-ms')));
    }
    edits.sort((a, b) => a - b);
    await page.evaluate(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const simStart = performance.now();
    await page.click('#simulate');
    await page.waitForSelector('#simulation-day', { timeout: 120_000 });
    const simulateMs = Math.round(performance.now() - simStart);
    const longestTaskMs = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
    return {
      browserChristmasEve: {
        firstLoadMs,
        planAfterEditMs: { median: edits[Math.floor(edits.length / 2)], max: edits[edits.length - 1] },
        simulate30ReplicationsMs: simulateMs,
        longestMainThreadTaskWhileSimulatingMs: Math.round(longestTaskMs),
      },
    };
  } finally {
    await app.close();
  }
}

/** Shift scheduling with HiGHS: 10 templates over a 24-hour day whose requirement peaks so that about 500 agents work. */
async function scheduleFigures() {
  const highs = await loadHighs();
  const solve = (intervalMinutes: 15 | 30) => {
    const n = (24 * 60) / intervalMinutes;
    const requirement = Array.from({ length: n }, (_, i) => {
      const hour = (i * intervalMinutes) / 60;
      return Math.round(30 + 260 * Math.exp(-((hour - 11) ** 2) / 8) + 210 * Math.exp(-((hour - 19) ** 2) / 6));
    });
    const templates: ShiftTemplate[] = [4, 5, 6, 7, 8, 8.5, 9, 10, 6, 4].map((hours, k) => ({
      name: `T${k + 1} ${hours} h`,
      lengthMinutes: hours * 60,
      earliestStart: '00:00',
      latestStart: `${String(24 - Math.ceil(hours)).padStart(2, '0')}:00`,
      breaks:
        hours >= 6
          ? [
              { minutes: 30, paid: false, earliestAfterMinutes: 150, latestAfterMinutes: 270 },
              { minutes: 15, paid: true, earliestAfterMinutes: (hours - 2) * 60, latestAfterMinutes: (hours - 1) * 60 },
            ]
          : [{ minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 }],
      minAgents: 0,
      ...(k >= 8 ? { maxAgents: 40 } : {}),
    }));
    const s = scenario({
      schema: 1,
      name: `schedule bench ${n}`,
      day: { date: '2026-12-24', open: '00:00', close: '24:00' },
      intervalMinutes,
      demand: { calls: Array(n).fill(100) },
      ahtSeconds: 180,
      staffing: { agents: 10 },
      shifts: { templates, absenceShrinkage: 0, timeLimitSeconds: 120 },
    });
    const start = performance.now();
    const result = scheduleDay(s, highs, { requirement });
    return {
      ms: Math.round(performance.now() - start),
      status: result.status,
      gap: result.gap,
      agents: result.agents,
      paidHours: Math.round(result.paidHours),
    };
  };
  return { schedule10Templates: { intervals48: solve(30), intervals96: solve(15) } };
}

/** Rolling-origin backtest of all three methods over a year of 30-minute history (the Israeli bank, 1999, with its holidays). */
function forecastFigures() {
  const data = new URL('../../shared/data/anonymous-bank-1999/', import.meta.url);
  if (!existsSync(new URL('rfssa-6min/callcenter_6min_1999.csv.gz', data)))
    return { forecast: 'skipped: ../shared/data is missing' };
  const text = rfssaToHistory(gunzipSync(readFileSync(new URL('rfssa-6min/callcenter_6min_1999.csv.gz', data))).toString('utf8'));
  const calendar = calendarOf(readCalendar(readFileSync(new URL('israel_holidays_1999_hebcal.csv', data), 'utf8')));
  const start = performance.now();
  const history = readHistory(text, 30);
  const read = performance.now() - start;
  const tested = backtest(history, calendar);
  return {
    backtestOneYear30Min: {
      days: history.dates.length,
      readMs: Math.round(read),
      backtestMs: Math.round(performance.now() - start - read),
      wape: Object.fromEntries(tested.scores.map((s) => [s.method, Number(s.wape.toFixed(4))])),
    },
  };
}

const figures = {
  erlangCEvaluationsPerSecond: { n10: erlangCRate(10), n1000: erlangCRate(1_000), n50000: erlangCRate(50_000) },
  staff96IntervalsOf5000AgentsMs: { erlangC: staffDayMs('C'), erlangA: staffDayMs('A') },
  plan96IntervalsOf5000AgentsMs: planDayMs(),
  ...batchFigures(10_000),
  ...(await simulationFigures()),
  ...forecastFigures(),
  ...(await scheduleFigures()),
  ...(await browserFigures()),
};
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
