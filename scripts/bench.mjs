// `make bench`: measure the release build in headless Chromium and the model
// natively, and print one table with the budgets. A command, not a test: it
// exits 0 whatever the figures (CI times nothing).
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../e2e/server.js';
import { launch } from '../e2e/browser.js';

const root = resolve(import.meta.dirname, '..');
const dist = process.env.DIST || join(root, 'dist');
const rows = [];
const row = (what, figure, budget, pass) => rows.push({ what, figure, budget: budget ?? '', verdict: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]; };

// 1. Transfer size of a first visit.
const files = readdirSync(dist).filter((f) => ['.wasm', '.js', '.css', '.html'].includes(extname(f)) && f !== 'sw.js');
let raw = 0, gz = 0, br = 0;
for (const f of files) {
  const b = readFileSync(join(dist, f));
  raw += b.length;
  gz += gzipSync(b, { level: 9 }).length;
  br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
row('first visit, raw', kb(raw));
row('first visit, gzip -9', kb(gz), '≤ 320 KB', gz <= 320_000);
row('first visit, brotli -11', kb(br));

const server = await serve(dist);
const browser = await launch({ args: ['--enable-precise-memory-info'] });

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    window.__firstNumbers = new Promise((done) => {
      const check = () => {
        const els = [...document.querySelectorAll('[data-metric]')];
        if (els.length >= 17 && els.every((e) => Number.isFinite(parseFloat(e.dataset.value)))) done(performance.now());
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  return { context, page };
}

// 2. Navigation to first finite headline numbers, median of 10 cold loads.
const firsts = [];
for (let i = 0; i < 10; i++) {
  const { context, page } = await freshPage();
  await page.goto(server.url);
  firsts.push(await page.evaluate(() => window.__firstNumbers));
  await context.close();
}
const firstMedian = pct(firsts, 0.5);
row('navigation → first numbers (median of 10)', ms(firstMedian), '≤ 1000 ms', firstMedian <= 1000);

// 3. Input-to-paint latency over 200 edits of the count, without and with 4× CPU throttling.
// Chrome aligns continuous input (a dragged slider) to the start of a frame, just
// before its animation callbacks, so each edit is dispatched there; the figure is
// the time from the edit to the end of the first frame painted after every
// headline number and every chart in view has changed: script, style, layout and
// paint, not the wait for the display's next refresh. The page is scrolled to the
// charts, so those in view are the ones a planner watches while editing.
// With `floor`, the edit is one caption's text and nothing else: what any frame
// that changes the page costs here (style, layout, paint, commit, and the
// canvases handed to the compositor), the floor under every edit's latency.
async function latency(throttle, view, floor = false) {
  const { context, page } = await freshPage();
  await page.goto(server.url);
  await page.evaluate(() => window.__firstNumbers);
  if (view === 'charts') await page.evaluate(() => document.querySelector('#chart-power').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const samples = await page.evaluate(async (floor) => {
    const input = document.querySelector('input[name=count]');
    const caption = document.querySelector('#chart-power figcaption span');
    const visible = (e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    // Headline numbers and charts of the estimate in view (the two uncertainty
    // charts follow the settled scenario, after the inputs are still; what is far
    // off screen follows when the inputs settle or as it scrolls near).
    const cardsInView = [...document.querySelectorAll('[data-metric]')].filter(visible);
    const inView = [...document.querySelectorAll('.chart canvas')].filter((c) => visible(c) && !/tornado|distribution/.test(c.parentElement.id));
    const cards = () => cardsInView.map((e) => e.dataset.value).join();
    const drawn = () => inView.map((c) => c.dataset.drawn).join();
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const afterPaint = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(performance.now()); ch.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 200; i++) {
      const before = [cards(), drawn()];
      await frame();
      const t0 = performance.now();
      let t;
      if (floor) {
        caption.textContent = `caption ${i}`;
        out.push((await afterPaint()) - t0);
        continue;
      }
      // 1,000 + 504·k: always a different number of systems, so every figure changes.
      input.value = String(1000 + ((i * 37) % 200) * 504);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // A typed value is used once the typing pauses or at once on Enter (a change event): time the latter.
      input.dispatchEvent(new Event('change', { bubbles: true }));
      t = await afterPaint();
      for (let f = 0; f < 60 && ((cardsInView.length > 0 && cards() === before[0]) || (inView.length > 0 && drawn() === before[1])); f++) {
        await frame();
        t = await afterPaint();
      }
      out.push(t - t0);
    }
    return { out, charts: inView.length, cards: cardsInView.length };
  }, floor);
  await context.close();
  return samples;
}
// Each latency figure pools RUNS runs of 200 edits (3 unless set), each in a
// fresh page: one run's p95 is its 10th-slowest edit, and this machine's speed
// drifts from minute to minute, so the p95 of each run is printed too.
const runs = Math.max(1, Number(process.env.RUNS) || 3);
const each = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
for (const view of ['top', 'charts']) {
  for (const rate of [1, 4]) {
    const all = [], p95s = [];
    let where = '';
    for (let r = 0; r < runs; r++) {
      const { out, charts, cards } = await latency(rate, view);
      all.push(...out);
      p95s.push(pct(out, 0.95));
      where = `${view === 'top' ? 'top of page' : 'scrolled to the charts'} (${cards} cards, ${charts} charts in view)`;
    }
    const p95 = pct(all, 0.95);
    // The 4× figure follows these 2-core machines more than the build: printed, not judged.
    row(`input → paint, ${rate}× CPU, ${where}: p50 / p95 / max`, `${ms(pct(all, 0.5))} / ${ms(p95)} / ${ms(Math.max(...all))}`);
    if (runs > 1) row(`  p95 of each of the ${runs} runs of 200 edits`, `${each(p95s)} ms`);
  }
}

{
  const all = [];
  for (let r = 0; r < runs; r++) all.push(...(await latency(4, 'charts', true)).out);
  row('  floor: one caption changed, 4× CPU, charts view: p50 / p95', `${ms(pct(all, 0.5))} / ${ms(pct(all, 0.95))}`);
}
// The machine's speed, for comparing runs of other days: a fixed script loop.
{
  const { context, page } = await freshPage();
  await page.goto(server.url);
  await page.evaluate(() => window.__firstNumbers);
  const cdp = await context.newCDPSession(page);
  const speed = [];
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    speed.push(await page.evaluate(() => {
      const runs = [];
      for (let r = 0; r < 7; r++) {
        const t = performance.now();
        let x = 0;
        for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
        runs.push(performance.now() - t + (x < 0 ? 1 : 0));
      }
      return runs.sort((a, b) => a - b)[3];
    }));
  }
  row('  machine: a fixed script loop (2M square roots), 1× / 4× CPU', `${ms(speed[0])} / ${ms(speed[1])}`);
  await context.close();
}

// 4. Monte-Carlo and sensitivity inside the browser.
{
  const { context, page } = await freshPage();
  await page.goto(server.url);
  await page.evaluate(() => window.__firstNumbers);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await page.evaluate(() => Array.from(window.wasmBindings.bench_uncertainty())));
  const mc = pct(runs.map((r) => r[0]), 0.5);
  const tornado = pct(runs.map((r) => r[1]), 0.5);
  row('Monte-Carlo, 10,000 samples (median of 5)', ms(mc), '≤ 50 ms', mc <= 50);
  row('sensitivity, two tornados (median of 5)', `${(tornado * 1000).toFixed(0)} µs`);

  // 5. Memory after 1,000 edits.
  const mem = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    const read = () => ({ js: performance.memory?.usedJSHeapSize ?? NaN, wasm: window.__wasm?.memory?.buffer.byteLength ?? NaN });
    const edit = async (n) => {
      for (let i = 0; i < n; i++) {
        input.value = String(40000 + (i % 50) * 8);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        if (i % 25 === 0) await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => setTimeout(r, 300));
    };
    await edit(200);
    const a = read();
    await edit(1000);
    const b = read();
    return { a, b };
  });
  const growth = mem.b.js - mem.a.js;
  row('JS heap after 200 → 1,200 edits', `${kb(mem.a.js)} → ${kb(mem.b.js)}`, 'growth < 2 MB', growth < 2_000_000);
  row('wasm memory after 200 → 1,200 edits', `${kb(mem.a.wasm)} → ${kb(mem.b.wasm)}`, 'no growth', mem.b.wasm <= mem.a.wasm);
  await context.close();
}
await browser.close();
await server.close();

// 6. The model natively (criterion).
if (process.env.NATIVE !== '0') try {
  const out = execSync('cargo bench -p gigafactory-model --bench model 2>&1', { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const m of out.matchAll(/model\/(.+?)\s*\n?\s*time:\s+\[([^\]]+)\]/g)) {
    const [, name, range] = m;
    const mid = range.trim().split(/\s+/).slice(2, 4).join(' ');
    const budget = name.startsWith('evaluate') ? '≪ 50 µs' : '≤ 50 ms';
    row(`native: ${name.trim()}`, mid, budget);
  }
} catch (e) {
  row('native cargo bench', `failed: ${String(e.message).slice(0, 80)}`);
}

const w = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.budget.length))];
console.log(`${'measure'.padEnd(w[0])}  ${'figure'.padEnd(w[1])}  ${'budget'.padEnd(w[2])}  verdict`);
for (const r of rows) console.log(`${r.what.padEnd(w[0])}  ${r.figure.padEnd(w[1])}  ${r.budget.padEnd(w[2])}  ${r.verdict}`);
