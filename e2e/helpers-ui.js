// Shared helpers of the UI end-to-end tests (ui-*.test.js). They build on
// browser.js (launch, watch, waitForMetrics, canvasHash) and server.js.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from './server.js';
import { launch, watch, waitForMetrics, canvasHash, countDraws } from './browser.js';

export const AXE_PATH = resolve(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js');
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

/** Every headline metric of the public interface (DESIGN.md), in its order: each on the page once. */
export const METRICS = [
  'accelerator_count', 'it_power_mw', 'facility_power_mw', 'pue', 'annual_energy_gwh', 'cooling_load_mw',
  'water_m3_per_year', 'capex_eur', 'opex_eur_per_year', 'tco_eur', 'cost_per_gpu_hour_eur', 'co2_t_per_year',
  'compute_pflops_bf16', 'train_days', 'train_energy_mwh', 'train_co2_t', 'train_cost_eur',
  // Model v2.
  'grid_connection_mw', 'tco_undiscounted_eur', 'cost_per_used_gpu_hour_eur', 'co2_location_t_per_year',
];

/** The metrics the embedded view shows (src/ui/kpis.rs EMBED_CARDS); its results message carries all of METRICS. */
export const EMBED_METRICS = [
  'facility_power_mw', 'annual_energy_gwh', 'pue', 'accelerator_count', 'capex_eur', 'tco_eur', 'cost_per_gpu_hour_eur',
  'co2_t_per_year',
];

/** The metrics a page or frame shows: METRICS, or EMBED_METRICS in the embedded view (?embed=1). */
export function shownMetrics(search) {
  return new URLSearchParams(search).get('embed') === '1' ? EMBED_METRICS : METRICS;
}

/** The seven result charts. */
export const CHARTS = [
  'chart-power', 'chart-monthly', 'chart-capex', 'chart-opex', 'chart-cumulative', 'chart-tornado', 'chart-distribution',
];

/** A plain number as data-value must hold it: dot decimal, no grouping. */
export const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * One static server (with `serveOptions`, e.g. extraRoutes: see server.js) and
 * one browser for the whole test file. Returns an object whose `server` and
 * `browser` are filled in by `before`.
 */
export function useServerAndBrowser(serveOptions = {}, root = undefined) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(root, serveOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The release build with the `probes` feature (`make build-probes`): it adds
 * `wasmBindings.panic_for_tests()` and `bench_uncertainty()`, nothing else.
 */
export const PROBES_DIST = process.env.DIST_PROBES || resolve(import.meta.dirname, '..', 'dist-probes');

/** One static server of the build and one browser for the whole test file. */
export function useBrowser() {
  return useServerAndBrowser();
}

/**
 * A fresh context (new storage; or a new tab in `context`) and a watched page
 * on `query` (e.g. '?lang=fr', or 'host.html'), waiting for every metric to be
 * finite unless `wait: false`. `recordText: true` records the text each chart
 * draws (see recordCanvasText); `seed` ({key: text}) is written into local
 * storage before the app's first load only (reloads keep what the app did with
 * it). `close()` closes the context, or only the tab in a given `context`.
 */
export async function openApp(env, query = '', { wait = true, recordText = false, seed, context, ...options } = {}) {
  const own = !context;
  const ctx = context ?? await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await countDraws(ctx);
  if (recordText) await recordCanvasText(ctx);
  if (seed) {
    await ctx.addInitScript((entries) => {
      if (window.top !== window || sessionStorage.getItem('__seeded')) return;
      sessionStorage.setItem('__seeded', '1');
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, seed);
  }
  const page = await ctx.newPage();
  const problems = watch(page);
  page.setDefaultTimeout(10_000);
  await page.goto(env.server.url + '/' + query);
  if (wait) await waitForMetrics(page);
  return { context: ctx, page, problems, close: () => (own ? ctx.close() : page.close()) };
}

/**
 * Let `n` frames pass: for a test that asserts that something does not happen
 * (what would, would by then), not a fixed sleep.
 */
export async function frames(page, n = 10) {
  await page.evaluate((count) => new Promise((done) => {
    let left = count;
    const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}


/**
 * Wait until the inputs have settled (no range marked pending: the URL, the
 * stored working copy and off-screen charts and tables are written then), and
 * let pending reactive effects and a frame run.
 */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))),
  );
}

/** Every metric's data-value as a string, by name (null when missing). */
export async function snapshot(page) {
  return page.$$eval('[data-metric]', (els) => Object.fromEntries(els.map((e) => [e.dataset.metric, e.dataset.value])));
}

/** Every metric as a number. */
export async function numbers(page) {
  const s = await snapshot(page);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, parseFloat(v)]));
}

/** Wait until metric `name`'s data-value differs from `old` (a string). */
export async function waitForMetricChange(page, name, old) {
  await page.waitForFunction(
    ([n, o]) => {
      const v = document.querySelector(`[data-metric="${n}"]`)?.dataset.value;
      return v != null && v !== o && Number.isFinite(parseFloat(v));
    },
    [name, old],
  );
  await settle(page);
}

/**
 * Perform `action`, wait until `watch` (a metric name) changes, settle, and return
 * [before, after] snapshots as numbers.
 */
export async function change(page, watch, action) {
  const b = await snapshot(page);
  await action();
  try {
    await waitForMetricChange(page, watch, b[watch]);
  } catch (e) {
    throw new Error(`${watch} did not change from ${b[watch]}: ${e.message.split('\n')[0]}`);
  }
  const a = await snapshot(page);
  const num = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, parseFloat(v)]));
  return [num(b), num(a)];
}

/** a ≈ b within a relative tolerance. */
export function assertClose(a, b, rel, msg) {
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)), `${msg}: ${a} vs ${b} (rel ${rel})`);
}

/**
 * Draw every chart, on screen or not. Charts far from the screen give up their
 * pixels and redraw when they come near; printing draws them all, so tests that
 * look at every chart at once ask for that (a synthetic beforeprint).
 */
export async function drawAllCharts(page) {
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
}

/** Wait until the canvas of every chart in `ids` holds pixels and some ink. */
export async function waitForInk(page, ids) {
  await page.waitForFunction((ids) => ids.every((id) => {
    const c = document.querySelector(`#${id} canvas`);
    if (!c || !c.width || !c.height) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  }), ids);
}

/** Scroll chart `id` into view and wait until its canvas is drawn. */
export async function showChart(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await waitForInk(page, [id]);
}

/** Hashes of every chart canvas (browser.js canvasHash), by chart id. */
export async function chartHashes(page) {
  await drawAllCharts(page);
  const out = {};
  for (const id of CHARTS) out[id] = await canvasHash(page, `#${id} canvas`);
  return out;
}

/** Wait until the chart `id`'s canvas hash differs from `old`; false on timeout. */
export async function waitForRedraw(page, id, old, timeout = 5000) {
  try {
    await page.waitForFunction(
      ([sel, o]) => {
        const c = document.querySelector(sel);
        if (!c || !c.width || !c.height) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let h = 2166136261;
        for (let i = 0; i < d.length; i += 7) h = Math.imul(h ^ d[i], 16777619);
        return h >>> 0 !== o;
      },
      [`#${id} canvas`, old],
      { timeout, polling: 50 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Run axe-core on the page; returns the serious and critical violations. */
export async function axeSerious(page) {
  // Evaluated through the DevTools protocol, which the page's strict CSP (no
  // inline scripts) does not govern; a <script> tag would be blocked.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Violations as readable text. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 6)
        .map((n) => `    - ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)\n${nodes}${more}`;
    })
    .join('\n');
}

export function ensureScreenshotDir() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}

/**
 * Install (before any page script runs) a recorder of every canvas fillText:
 * each canvas keeps the text boxes of its latest drawing (every redraw starts
 * a new list: it either sets the canvas width or clears the whole canvas).
 */
export async function recordCanvasText(context) {
  await context.addInitScript(() => {
    const width = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'width');
    Object.defineProperty(HTMLCanvasElement.prototype, 'width', {
      configurable: true,
      get() { return width.get.call(this); },
      set(v) { this.__texts = []; width.set.call(this, v); },
    });
    const P = CanvasRenderingContext2D.prototype;
    const clearRect = P.clearRect;
    // A clear erases the labels inside it (charts clear only what they redraw,
    // keeping their category labels between edits).
    P.clearRect = function (x, y, w, h) {
      const inside = (t) => t.left >= x - 1 && t.right <= x + w + 1 && t.top >= y - 1 && t.bottom <= y + h + 1;
      this.canvas.__texts = (this.canvas.__texts || []).filter((t) => !inside(t));
      return clearRect.call(this, x, y, w, h);
    };
    const fillText = P.fillText;
    P.fillText = function (text, x, y, ...rest) {
      const m = this.measureText(text);
      const t = this.getTransform();
      const corners = [
        [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
        [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
        [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
        [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
      ].map(([px, py]) => [t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f]);
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      (this.canvas.__texts ||= []).push({
        text: String(text),
        left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
      });
      return fillText.call(this, text, x, y, ...rest);
    };
  });
}

/**
 * Text problems of each chart's latest drawing: labels that leave the canvas or
 * come closer than `gap` CSS pixels to another label. Returns readable strings.
 */
export async function chartTextProblems(page, gap = 2) {
  await drawAllCharts(page);
  await settle(page);
  return page.evaluate(([ids, gap]) => {
    const out = [];
    for (const id of ids) {
      const c = document.querySelector(`#${id} canvas`);
      const texts = (c?.__texts || []).filter((t) => t.text.trim() !== '');
      const dpr = c.width / c.getBoundingClientRect().width || 1;
      const g = gap * dpr;
      const tol = 0.5 * dpr;
      for (const t of texts) {
        if (t.left < -tol || t.right > c.width + tol || t.top < -tol || t.bottom > c.height + tol) {
          out.push(`${id}: "${t.text}" is clipped by the canvas edge (x ${Math.round(t.left / dpr)}…${Math.round(t.right / dpr)} of ${Math.round(c.width / dpr)} px)`);
        }
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i];
          const b = texts[j];
          const apartX = a.right + g <= b.left || b.right + g <= a.left;
          const apartY = a.bottom <= b.top || b.bottom <= a.top;
          if (!apartX && !apartY) out.push(`${id}: "${a.text}" and "${b.text}" overlap or touch`);
        }
      }
    }
    return out;
  }, [CHARTS, gap]);
}

/** Wait until every chart canvas has ink (the last two come from the Monte-Carlo analysis). */
export async function waitForCharts(page) {
  await drawAllCharts(page);
  await waitForInk(page, CHARTS);
  await settle(page);
}

/** Headline values (.kpi-value) whose text is laid out on more than one line. */
export async function wrappedKpiValues(page) {
  return page.$$eval('[data-metric] .kpi-value', (els) => els.flatMap((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size > 1 ? [`${el.parentElement.dataset.metric}: "${el.textContent}" spans ${tops.size} lines`] : [];
  }));
}

/**
 * A screenshot of the whole page: the viewport is made as tall as the page, shot,
 * and restored. Playwright's `fullPage: true` (capture beyond the viewport) hung
 * the renderer in about one shot in six on this machine (the session-start build
 * too); resizing the viewport did not in 30 shots.
 */
export async function fullPageScreenshot(page, path) {
  const viewport = page.viewportSize();
  let height = 0;
  // The sticky inputs column is as tall as the viewport: settle the page's height.
  for (let i = 0; i < 3; i++) {
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    if (h === height) break;
    height = h;
    await page.setViewportSize({ width: viewport.width, height });
  }
  await page.screenshot({ path, timeout: 60_000 });
  await page.setViewportSize(viewport);
}

/**
 * Elements that stick out of the right or left edge of the viewport (outside
 * horizontal scrollers), and the document itself if it scrolls sideways. The
 * skip link waits off screen until focused; visually hidden ones do not count.
 */
export async function horizontalOverflow(target) {
  return target.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > W + 1) out.push(`document scrolls: ${document.documentElement.scrollWidth} > ${W}`);
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.sr-only, .visually-hidden-file, .skip')) continue;
      const b = el.getBoundingClientRect();
      if (b.width === 0 || (b.right <= W + 1 && b.left >= -1)) continue;
      let p = el.parentElement;
      let scrolled = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') { scrolled = true; break; }
        p = p.parentElement;
      }
      if (scrolled) continue;
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      out.push(`${el.tagName.toLowerCase()}${id}${cls} spans x ${Math.round(b.left)}…${Math.round(b.right)} of ${W}`);
    }
    return out;
  });
}

/**
 * Reload `page` (on `url`) with the network cut, to be answered by the service
 * worker. A request through the worker first, so that it is running: on this
 * loaded 2-core machine Chrome sometimes gives up starting it in time and sends
 * the navigation to the (offline) network instead. That is Chrome's start-up
 * timing, not the worker's answer, so a reload that fails that way is tried once
 * more, after the page is back online, controlled by the worker again and a
 * request through it is answered; a worker that cannot answer fails both.
 */
export async function reloadOffline(page, context, url) {
  const throughWorker = async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.evaluate(() => fetch('./sw.js').then((r) => r.text()));
  };
  await throughWorker();
  await context.setOffline(true);
  try {
    await page.reload();
  } catch (e) {
    if (!/ERR_INTERNET_DISCONNECTED/.test(e.message)) throw e;
    await context.setOffline(false);
    await page.goto(url);
    await throughWorker();
    await context.setOffline(true);
    await page.reload();
  }
  await waitForMetrics(page);
}
