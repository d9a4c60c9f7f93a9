import { serve } from './e2e/server.js';
import { launch } from './e2e/browser.js';
const server = await serve(process.env.DIST || 'dist');
const browser = await launch({});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelectorAll('[data-metric]').length >= 17);
await page.waitForTimeout(500);
console.log(await page.evaluate(() => {
  const out = ['total elements ' + document.querySelectorAll('*').length + ' height ' + document.body.scrollHeight];
  const walk = (el, d) => { if (d > 4) return; for (const c of el.children) { const r = c.getBoundingClientRect(); const n = c.querySelectorAll('*').length; if (n > 15 || d < 3) out.push('  '.repeat(d) + c.tagName.toLowerCase() + (c.id ? '#' + c.id : '') + (c.className && typeof c.className === 'string' ? '.' + c.className.split(' ').join('.') : '') + ` n=${n} y=${Math.round(r.top)} h=${Math.round(r.height)}`); if (n > 15) walk(c, d + 1); } };
  walk(document.body, 0); return out.join('\n');
}));
await browser.close(); process.exit(0);
