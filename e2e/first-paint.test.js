// The first paint carries real figures: index.html holds the app's first
// screen rendered at build time for the default scenario (#prerender, see
// tests/prerender.rs); the app replaces it without a jump, keeps what a
// visitor typed meanwhile, and never lets a link, a saved working copy, the
// French page or the embedded view show the default figures as its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, frames } from './helpers-ui.js';
import { waitForMetrics } from './browser.js';

const env = useBrowser();

/** What the first screen shows: each card's figure and range, each field's value, and where each sits. */
function firstScreen() {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  };
  const cards = [...document.querySelectorAll('.kpis [data-metric]')].map((c) => ({
    metric: c.dataset.metric,
    value: c.dataset.value,
    text: c.querySelector('.kpi-value').textContent,
    range: c.querySelector('.kpi-range')?.textContent ?? '',
    box: box(c),
  }));
  const fields = [...document.querySelectorAll('form.inputs input[id], form.inputs select[id]')].map((f) => ({
    id: f.id, value: f.value, box: box(f),
  }));
  return { cards, fields, title: document.querySelector('h1').textContent };
}

const WASM = /_bg(-[0-9a-f]+)?\.wasm$/;

/** Hold back the wasm of `context`'s pages; returns the function that lets it through. */
async function holdWasm(context) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route(WASM, async (route) => { await gate; await route.continue(); });
  return release;
}

/** A page whose wasm is held back until `release()`: the prerendered page alone meanwhile. */
async function heldBack(query = '', options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const release = await holdWasm(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.server.url + '/' + query);
  await page.locator('#prerender').waitFor({ state: 'attached' });
  return { context, page, problems, release };
}

test('without JavaScript the default page shows its figures, ranges and inputs', async () => {
  const off = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
  const page = await off.newPage();
  await page.goto(env.server.url + '/');
  const still = await page.evaluate(firstScreen);
  await off.close();
  const { page: app, close } = await openApp(env);
  const live = await app.evaluate(firstScreen);
  await close();
  assert.ok(still.cards.length >= 20, `${still.cards.length} cards prerendered`);
  // The default scenario's own figures, as the app writes them.
  assert.deepEqual(still.cards.map(({ box, ...c }) => c), live.cards.map(({ box, ...c }) => c));
  assert.ok(still.cards.some((c) => c.range.startsWith('P10–P90')), 'ranges are prerendered');
  assert.deepEqual(still.fields.map((f) => [f.id, f.value]), live.fields.map((f) => [f.id, f.value]));
  assert.ok(still.fields.find((f) => f.id === 'in-count').value === '100000');
});

for (const [width, height] of [[390, 800], [1440, 900]]) {
  test(`the app takes over the prerendered first screen without moving it (${width} px)`, async () => {
    const { context, page, problems, release } = await heldBack('', { viewport: { width, height } });
    const before = await page.evaluate(firstScreen);
    release();
    await waitForMetrics(page);
    const after = await page.evaluate(firstScreen);
    assert.ok(before.cards.every((c) => Number.isFinite(Number(c.value)) && c.text.trim()), 'every card has its figure');
    // The same figures, values and places: the app takes over without a jump.
    assert.deepEqual(before.cards, after.cards);
    assert.deepEqual(before.fields, after.fields);
    assert.equal(before.title, after.title);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the app replaces the prerendered page with no layout shift', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(env.server.url + '/');
  await waitForMetrics(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.01, `cumulative layout shift ${cls}`);
  await context.close();
});

// Records, at every frame from the first, any prerendered figure, value or help line that is visible.
async function watchPrerender(context) {
  await context.addInitScript(() => {
    window.__shown = [];
    const look = () => {
      const pre = document.getElementById('prerender');
      if (!pre) return;
      for (const e of pre.querySelectorAll('.kpi-value, .kpi-range, .field input, .field select, .help')) {
        const r = e.getBoundingClientRect();
        // Shown: laid out, visible, and in a colour one can see (waiting fields are transparent).
        const style = getComputedStyle(e);
        if (r.width > 0 && r.height > 0 && style.visibility === 'visible' && !/rgba\(.*, 0\)$/.test(style.color)) {
          window.__shown.push(e.value ?? e.textContent);
        }
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

for (const [name, query, seed] of [
  ['a link with parameters', '?v=1&count=50000&accelerator=gb200&country=SE', null],
  ['a saved working copy', '', 'working'],
  ['the French page', '?lang=fr', null],
  ['the embedded view', '?embed=1', null],
]) {
  test(`${name} never shows the default figures as its own`, async () => {
    // No service worker: it would serve the wasm past the route that holds it back.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    if (seed) {
      // A working copy of another scenario, as the app writes it.
      const writer = await openApp(env, '?count=50000&country=SE', { context });
      await writer.page.waitForFunction(() => localStorage.getItem('gigafactory-planner.working')?.includes('SE'));
      await writer.close();
    }
    await watchPrerender(context);
    const release = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(env.server.url + '/' + query);
    // Frames pass with the prerendered page alone.
    await page.locator('#prerender').waitFor({ state: 'attached' });
    await frames(page, 15);
    release();
    await waitForMetrics(page);
    const shown = await page.evaluate(() => window.__shown);
    assert.deepEqual(shown, [], `prerendered figures shown: ${shown.slice(0, 5).join(' | ')}`);
    await context.close();
  });
}

test('the default page shows its figures before the wasm has run', async () => {
  const { context, page, release } = await heldBack();
  const shown = await page.evaluate(() => [...document.querySelectorAll('#prerender .kpi-value')]
    .filter((e) => getComputedStyle(e).visibility === 'visible').length);
  assert.ok(shown >= 20, `${shown} figures on screen before the wasm`);
  release();
  await waitForMetrics(page);
  await context.close();
});

test('what a visitor typed, chose and focused before the app took over is kept, and so is the scroll', async () => {
  const { context, page, problems, release } = await heldBack('', { viewport: { width: 1280, height: 700 } });
  await page.selectOption('#in-cooling', 'immersion');
  await page.fill('#in-count', '50000');
  await page.fill('#in-utilization', '0.6');
  await page.evaluate(() => window.scrollTo(0, 240));
  release();
  await waitForMetrics(page);
  await page.waitForFunction(() => document.querySelector('[data-metric="accelerator_count"]').dataset.value === '50000');
  assert.equal(await page.inputValue('#in-count'), '50000');
  assert.equal(await page.inputValue('#in-cooling'), 'immersion');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'in-utilization', 'the focus stays where it was');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('utilization') === '0.6');
  assert.equal(await page.evaluate(() => Math.round(scrollY)), 240, 'the scroll position is kept');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Which of the prerendered states a page opened with the wasm held back is in, and how many figures it shows. */
async function staticState(context, query) {
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '/' + query);
  await page.locator('#prerender').waitFor({ state: 'attached' });
  const state = await page.evaluate(() => ({
    classes: [...document.documentElement.classList].filter((c) => c.startsWith('pre-')).join(' '),
    figures: [...document.querySelectorAll('#prerender .kpi-value')].filter((e) => e.checkVisibility({ visibilityProperty: true }) && getComputedStyle(e).color !== 'rgba(0, 0, 0, 0)').length,
    inert: document.getElementById('prerender').inert,
  }));
  release();
  await waitForMetrics(page);
  await page.close();
  await context.unroute(WASM);
  return state;
}

test('a returning visitor of the default page, and links with other parameters, keep the figures', async () => {
  // No service worker: it would serve the wasm past the route that holds it back.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  // A first visit: the app writes the working copy and rewrites the address to the full default link.
  const first = await openApp(env, '', { context });
  await first.page.waitForFunction(() => localStorage.getItem('gigafactory-planner.working') !== null);
  await first.page.waitForFunction(() => new URL(location.href).searchParams.get('count') === '100000');
  const rewritten = new URL(first.page.url()).search;
  await first.close();
  for (const query of ['', rewritten, '?utm_source=newsletter', '?v=1&lang=en', '?embed=0']) {
    const s = await staticState(context, query);
    assert.equal(s.classes, '', `${query || '/'}: ${s.classes}`);
    assert.ok(s.figures >= 20, `${query || '/'}: ${s.figures} figures shown`);
  }
  // The last valid language counts, as in the app.
  assert.equal((await staticState(context, '?lang=en&lang=fr')).classes, 'pre-hide');
  assert.equal((await staticState(context, '?lang=fr&lang=xx&lang=en')).classes, '');
  // Another scenario, by link or saved: the figures wait, the static page is inert.
  for (const query of ['?count=50000', '?lang=fr&lang=en&country=SE']) {
    const s = await staticState(context, query);
    assert.deepEqual(s, { classes: 'pre-stale', figures: 0, inert: true }, query);
  }
  await context.close();
});

test('a language chosen and a slider moved on the static page are applied when the app takes over', async () => {
  const { context, page, problems, release } = await heldBack('', { viewport: { width: 1280, height: 800 } });
  await page.click('#prerender .lang-switch button[lang=fr]');
  assert.equal(await page.getAttribute('#prerender .lang-switch button[lang=fr]', 'aria-pressed'), 'true', 'the choice shows');
  // Dragged to 70 % of its range, then left focused.
  await page.focus('#in-utilization-slider');
  await page.$eval('#in-utilization-slider', (e) => { e.value = '700'; e.dispatchEvent(new Event('input', { bubbles: true })); });
  const moved = await page.inputValue('#in-utilization-slider');
  release();
  await waitForMetrics(page);
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.inputValue('#in-utilization-slider'), moved, 'the slider stays where it was moved');
  assert.equal(await page.inputValue('#in-utilization'), '0,7', 'and the value follows it, in French');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'in-utilization-slider', 'the focus stays on it');
  assert.deepEqual(problems, []);
  await context.close();
});
