/**
 * `npm run bench`: speed figures as one JSON object on stdout. Each timing
 * carries wall time, CPU time and the load average (see measure.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { browserFigures } from './browser';
import { cliFigures } from './cli';
import { clusterFigures } from './cluster';
import { erlangFigures } from './erlang';
import { forecastFigures } from './forecast';
import { planFigures } from './plan';
import { scheduleFigures } from './schedule';
import { simulationFigures } from './sim';
import { staffFigures } from './staff';

// Temporary files (Vite builds, Chromium profiles) stay in the project and are removed at the end.
const TEMP = new URL('../.tmp/bench/', import.meta.url).pathname;
mkdirSync(TEMP, { recursive: true });
process.env.TMPDIR = TEMP;

const only = process.argv.slice(2);
const sections: Record<string, () => Promise<object>> = {
  erlang: erlangFigures,
  plan: planFigures,
  cli: cliFigures,
  sim: simulationFigures,
  staff: staffFigures,
  cluster: clusterFigures,
  forecast: forecastFigures,
  schedule: scheduleFigures,
  browser: browserFigures,
};
const figures: Record<string, unknown> = {
  cores: (await import('node:os')).availableParallelism(),
  loadAverageAtStart: loadavg(),
};
for (const [name, section] of Object.entries(sections)) {
  if (only.length > 0 && !only.includes(name)) continue;
  Object.assign(figures, await section());
}
rmSync(TEMP, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
