// Writes the first visit's page (the bundled scenario's plan, src/ui/prerender.tsx) into a built index.html,
// so it is painted before the app's code loads. Run by the build (vite.config.ts) in a process of its own:
// the page's state starts timers that must not outlive the render.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const [outDir] = process.argv.slice(2);
const file = join(outDir, 'index.html');
const server = await createServer({
  root: fileURLToPath(new URL('..', import.meta.url)),
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
try {
  const { prerenderPlan } = await server.ssrLoadModule('/src/ui/prerender.tsx');
  const { app, bar } = await prerenderPlan();
  // Ids stay with the live page: nothing finds the copy in its place, and the copy takes no input (inert).
  // The copy's paint is timed apart from the live page's (elementtiming "summary-prerendered", bench/browser.ts).
  const copy = (html) =>
    `<div data-prerendered inert>${html.replace(/ id="[^"]*"/g, '').replace(/ elementtiming="([^"]*)"/g, ' elementtiming="$1-prerendered"')}</div>`;
  const html = readFileSync(file, 'utf8');
  if (!html.includes('<!--prerendered-app-->') || !html.includes('<!--prerendered-bar-->'))
    throw new Error(`${file}: no <!--prerendered-app--> or <!--prerendered-bar--> to fill`);
  writeFileSync(
    file,
    html.replace('<!--prerendered-bar-->', () => copy(bar)).replace('<!--prerendered-app-->', () => copy(app)),
  );
} finally {
  await server.close();
}
process.exit(0);
