import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The modules a worker entry pulls in, bundled as the app (or, for *.node.ts, the CLI) bundles it; HiGHS left out. */
function inputs(entry: string): string[] {
  const out = buildSync({
    entryPoints: [new URL(`../../workers/${entry}`, import.meta.url).pathname],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: entry.endsWith('.node.ts') ? 'node' : 'browser',
    external: ['highs', 'highs/*'],
    logLevel: 'silent',
  });
  return Object.keys(out.metafile.inputs);
}

describe('workers load only what they run', () => {
  it.each(['simulation.worker.ts', 'simulation.node.ts', 'schedule.worker.ts'])(
    '%s checks scenarios without the schema library: no zod, no scenario schema',
    (entry) => {
      const modules = inputs(entry);
      expect(modules.some((m) => m.includes('src/scenario/check.ts'))).toBe(true);
      expect(modules.filter((m) => m.includes('node_modules/zod/') || m.endsWith('src/scenario/schema.ts'))).toEqual([]);
    },
  );
});
