#!/usr/bin/env node
// The `wfm` command, built to plain JavaScript by `npm ci` (scripts/build-cli.mjs).
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/wfm.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write("wfm: not built yet; run 'npm ci' (or 'npm run build:cli') in the project folder\n");
  process.exit(2);
}
await import(built.href);
