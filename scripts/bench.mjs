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
row('first visit, gzip -9', kb(gz), '≤ 250 KB', gz <= 250_000);
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
async function latency(throttle) {
  const { context, page } = await freshPage();
  await page.goto(server.url);
  await page.evaluate(() => window.__firstNumbers);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const samples = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    const cards = () => [...document.querySelectorAll('[data-metric]')].map((e) => e.dataset.value).join();
    const out = [];
    for (let i = 0; i < 200; i++) {
      const before = cards();
      const t0 = performance.now();
      input.value = String(50000 + (i % 2 ? 8 : 0) + i * 8);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The first frame after which every headline number has changed.
      let t;
      for (let f = 0; f < 30; f++) {
        t = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        if (cards() !== before) break;
      }
      out.push(t - t0);
    }
    return out;
  });
  await context.close();
  return samples;
}
for (const rate of [1, 4]) {
  const s = await latency(rate);
  const p95 = pct(s, 0.95);
  row(`input → paint, ${rate}× CPU: p50 / p95 / max`, `${ms(pct(s, 0.5))} / ${ms(p95)} / ${ms(Math.max(...s))}`, rate === 4 ? 'p95 ≤ 16 ms' : '', rate === 4 ? p95 <= 16 : undefined);
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
  row('sensitivity, two tornados (median of 5)', ms(tornado));

  // 5. Memory after 1,000 edits.
  const mem = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    const read = () => ({ js: performance.memory?.usedJSHeapSize ?? NaN, wasm: window.__wasm?.memory?.buffer.byteLength ?? NaN });
    const edit = async (n) => {
      for (let i = 0; i < n; i++) {
        input.value = String(40000 + (i % 50) * 8);
        input.dispatchEvent(new Event('input', { bubbles: true }));
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
try {
  const out = execSync('cargo bench --bench model 2>&1', { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
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
