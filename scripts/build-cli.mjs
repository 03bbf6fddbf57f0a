// Builds the `wfm` command into dist-cli/ (run by `npm ci` through `prepare`, and before the tests):
// plain JavaScript with the worker threads prebuilt, so nothing compiles TypeScript at run time.
// Packages stay in node_modules; each command is its own chunk, loaded only when it runs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist-cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { wfm: 'src/cli/main.ts', 'simulation.node': 'workers/simulation.node.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { __WFM_BUILD__: 'true' },
  logLevel: 'warning',
});
