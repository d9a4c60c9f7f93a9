// One trace with many categories; print nested events under Commit for a few edits (median).
import { serve } from './e2e/server.js';
import { launch } from './e2e/browser.js';
const dist = process.env.DIST || 'dist', rate = +(process.env.RATE || 4), N = +(process.env.N || 30);
const server = await serve(dist);
const browser = await launch({});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelectorAll('[data-metric]').length >= 17);
if (!process.env.TOPVIEW) await page.evaluate(() => document.querySelector('#chart-power').scrollIntoView({ block: 'start' }));
await page.waitForTimeout(400);
await page.evaluate((m) => { window.__MODE = m; }, process.env.MODE || '');
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: process.env.CATS || '*,disabled-by-default-cc.debug,disabled-by-default-skia,disabled-by-default-skia.gpu,disabled-by-default-blink.debug', transferMode: 'ReportEvents' });
await page.evaluate(async (N) => {
  const input = document.querySelector('input[name=count]');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < N; i++) {
    await frame();
    if (window.__MODE === 'tiny') document.querySelector('#chart-power figcaption span').textContent = 'x' + (i % 2);
    else { input.value = String(1000 + ((i * 37) % 200) * 504);
    input.dispatchEvent(new Event('input', { bubbles: true })); }
    await frame(); await frame();
  }
}, N);
await cdp.send('Tracing.end');
await done;
const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some(x=>x.pid===e.pid && x.name==='Paint'));
const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// tree aggregation: path of names -> total dur, self
const stack = []; const agg = {};
for (const e of xs) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  const path = stack.map((s) => s.name).filter((n) => !/^(RunTask|ThreadControllerImpl::RunTask)$/.test(n)).concat(e.name).join(' > ');
  agg[path] = (agg[path] || 0) + e.dur;
  stack.push(e);
}
const root = process.env.ROOT || 'Commit';
for (const [p, d] of Object.entries(agg).filter(([p]) => p.includes(root)).sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP || 45))) console.log((d / N / 1000).toFixed(3).padStart(8), p.slice(p.indexOf(root)));
for (const name of (process.env.LIST || "").split(",").filter(Boolean)) { const es = xs.filter((e) => e.name.includes(name)); const d = es.map((e) => e.dur).sort((a, b) => b - a); console.log(name, "n/edit", (es.length / N).toFixed(1), "top durs us", d.slice(0, 12).join(" "), "median", d[Math.floor(d.length / 2)], "sum>100us/edit", (d.filter((x) => x > 100).reduce((a, b) => a + b, 0) / N / 1000).toFixed(3)); }
await browser.close();
process.exit(0);
