import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The largest chunk is the US bank example history, loaded only when asked for.
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  // Components are Preact (JSX through its automatic runtime).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
  },
});
