import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The first visit's page built into index.html (scripts/prerender.mjs), so it paints before the code loads. */
const prerender: Plugin = {
  name: 'prerender-plan',
  apply: 'build',
  writeBundle({ dir }) {
    if (dir && existsSync(join(dir, 'index.html')))
      execFileSync(process.execPath, [fileURLToPath(new URL('scripts/prerender.mjs', import.meta.url)), dir], {
        stdio: 'inherit',
      });
  },
};

export default defineConfig({
  // The largest chunk is the US bank example history, loaded only when asked for.
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  plugins: [prerender],
  // Components are Preact (JSX through its automatic runtime).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
  },
});
