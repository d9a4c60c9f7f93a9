// Launch the system Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export async function launch({ args = [] } = {}) {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: run `make setup` (installs Debian chromium)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...args,
    ],
  });
}

// Record console errors and uncaught exceptions of `page` (every frame) into `problems`.
export function watch(page, problems = []) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

// A page that fails the test on any console error or uncaught exception.
export async function strictPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, problems: watch(page) };
}

// Wait until every data-metric carries a finite value.
export async function waitForMetrics(page) {
  // The app's own figures, not the prerendered page's (index.html's #prerender).
  await page.waitForFunction(() => {
    if (document.getElementById('prerender')) return false;
    const els = [...document.querySelectorAll('[data-metric]')];
    return els.length > 0 && els.every((e) => Number.isFinite(parseFloat(e.dataset.value)));
  });
}

export async function metric(page, name) {
  const v = await page.locator(`[data-metric="${name}"]`).getAttribute('data-value');
  return parseFloat(v);
}

// Share of pixels of a canvas that are not fully transparent.
export async function inkedShare(page, selector) {
  return page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    return n / (d.length / 4);
  });
}

// A hash of a canvas's pixels, to see that it redrew (null while it holds no pixels).
export async function canvasHash(page, selector) {
  return page.$eval(selector, (c) => {
    if (!c.width || !c.height) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i += 7) h = Math.imul(h ^ d[i], 16777619);
    return h >>> 0;
  });
}

/**
 * Mark each canvas of the pages of `target` (a context or a page) as it is drawn on: `canvas.dataset.drawn` becomes a new
 * number at every drawing call, so a test sees a redraw (the release build has
 * no counters of its own: they are behind the `probes` feature).
 */
export async function countDraws(target) {
  await target.addInitScript(() => {
    let n = 0;
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of ['clearRect', 'fillRect', 'fillText', 'fill', 'stroke', 'drawImage', 'putImageData']) {
      const f = proto[name];
      proto[name] = function (...a) {
        this.canvas.dataset.drawn = String(++n);
        return f.apply(this, a);
      };
    }
  });
}
