import { startApp } from './test/browser/app';
const app = await startApp();
if (!app.ok) throw new Error(app.reason);
const p = await app.browser.newPage({ viewport: { width: 390, height: 800 } });
await p.goto(app.url);
await p.waitForSelector('section.summary h2');
await p.waitForTimeout(500);
await p.evaluate(() => { (window as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
for (const id of ['plan-name', 'plan-ahtSeconds', 'plan-shrinkage', 'plan-demand-uplift', 'agents-40']) {
  await p.evaluate(() => ((window as any).__lt = []));
  await p.click('#' + id).catch(() => {}); await p.keyboard.press('Control+a'); await p.keyboard.type(id === 'agents-40' ? '250' : '12345', { delay: 40 }); await p.waitForTimeout(1500);
  console.log(id, 'longtasks ms', JSON.stringify(await p.evaluate(() => (window as any).__lt)));
}
await app.close();
