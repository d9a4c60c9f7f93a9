import { launch } from './e2e/browser.js';
import { serve } from './e2e/server.js';
const server = await serve('/tmp/dist-base');
const browser = await launch({});
const context = await browser.newContext();
const page = await context.newPage();
await page.setContent('<p>x</p>');
const cdp = await context.newCDPSession(page);
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const r = await page.evaluate(async () => {
    const work = 'let t=performance.now(); let x=0; for (let i=0;i<3e6;i++) x+=Math.sqrt(i); return performance.now()-t;';
    const main = new Function(work)();
    const src = `onmessage=()=>{ const f=new Function(${JSON.stringify(work)}); postMessage(f()); }`;
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const res = await new Promise((r) => { w.onmessage = (e) => r(e.data); w.postMessage(0); });
    const res2 = await new Promise((r) => { w.onmessage = (e) => r(e.data); w.postMessage(0); });
    return { main, worker: res, worker2: res2 };
  });
  console.log(rate, JSON.stringify(r));
}
await browser.close(); process.exit(0);
