// Trace the bench's latency loop; for slow vs median edits, list main-thread events.
import { serve } from './e2e/server.js';
import { launch } from './e2e/browser.js';
const dist = process.env.DIST || 'dist', rate = +(process.env.RATE || 4), N = +(process.env.N || 200);
const server = await serve(dist);
const browser = await launch({});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelectorAll('[data-metric]').length >= 17);
if (!process.env.TOPVIEW) await page.evaluate(() => document.querySelector('#chart-power').scrollIntoView({ block: 'start' }));
await page.waitForTimeout(400);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,v8.execute,blink,cc,gpu,disabled-by-default-v8.gc', transferMode: 'ReportEvents' });
const lat = await page.evaluate(async (N) => {
  const input = document.querySelector('input[name=count]');
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  const cardsInView = [...document.querySelectorAll('[data-metric]')].filter(visible);
  const inView = [...document.querySelectorAll('.chart canvas')].filter((c) => visible(c) && !/tornado|distribution/.test(c.parentElement.id));
  const cards = () => cardsInView.map((e) => e.dataset.value).join();
  const drawn = () => inView.map((c) => c.dataset.drawn).join();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const afterPaint = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(performance.now()); ch.port2.postMessage(0); });
  const out = [];
  for (let i = 0; i < N; i++) {
    const before = [cards(), drawn()];
    await frame();
    const t0 = performance.now();
    performance.mark('s' + i);
    input.value = String(1000 + ((i * 37) % 200) * 504);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let t = await afterPaint(); let fr = 0;
    for (let f = 0; f < 60 && ((cardsInView.length > 0 && cards() === before[0]) || (inView.length > 0 && drawn() === before[1])); f++) { await frame(); t = await afterPaint(); fr++; }
    performance.mark('e' + i);
    out.push([t - t0, fr]);
  }
  return out;
}, N);
await cdp.send('Tracing.end');
await done;
const marks = {};
for (const e of events) if (e.cat && e.cat.includes('user_timing') && /^[se]\d+$/.test(e.name)) marks[e.name] = e.ts;
const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some(x=>x.pid===e.pid && x.name==='Paint'));
const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
const order = lat.map((l, i) => [l[0], i, l[1]]).sort((a, b) => a[0] - b[0]);
const sortedL = order.map(o=>o[0]);
console.log('p50', sortedL[Math.floor(N*0.5)].toFixed(1), 'p95', sortedL[Math.floor(N*0.95)].toFixed(1), 'frames>0:', lat.filter(l=>l[1]>0).length);
const hist = {}; for (const [l] of lat) { const b = Math.floor(l/2)*2; hist[b] = (hist[b]||0)+1; } console.log('hist', JSON.stringify(hist));
function describe(i) {
  const s = marks['s' + i], e = marks['e' + i];
  const inside = xs.filter((x) => x.ts >= s - 1 && x.ts < e);
  // top-level only: not contained in another inside event
  const top = inside.filter((x) => !inside.some((y) => y !== x && y.ts <= x.ts && y.ts + y.dur >= x.ts + x.dur && y.dur > x.dur));
  const agg = {};
  for (const x of inside) agg[x.name] = (agg[x.name] || 0) + x.dur / 1000;
  return { span: ((e - s) / 1000).toFixed(1), top: top.map((x) => `${x.name}:${(x.dur / 1000).toFixed(1)}@${((x.ts - s) / 1000).toFixed(1)}`).join(' '), agg: Object.entries(agg).filter(a=>a[1]>0.3).sort((a,b)=>b[1]-a[1]).slice(0,14).map(([k,v])=>`${k}=${v.toFixed(1)}`).join(' ') };
}
for (const o of [...order.slice(-12), ...order.slice(N/2-3, N/2+2)]) { const d = describe(o[1]); console.log(`#${o[1]} lat ${o[0].toFixed(1)} frames ${o[2]} span ${d.span}\n  TOP ${d.top}\n  AGG ${d.agg}`); }
await browser.close();
process.exit(0);
