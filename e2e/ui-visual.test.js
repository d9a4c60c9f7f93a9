// Charts draw and redraw; full-page screenshots at phone, tablet and desktop
// widths land in e2e/screenshots/ with nothing sticking out of the viewport;
// headline values and chart labels stay legible (in English and French).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inkedShare } from './browser.js';
import {
  useBrowser, openApp, settle, chartHashes, waitForRedraw, waitForCharts, ensureScreenshotDir, CHARTS,
  chartTextProblems, wrappedKpiValues, showChart, drawAllCharts, fullPageScreenshot, horizontalOverflow,
} from './helpers-ui.js';

const env = useBrowser();

test('a chart far from the screen gives up its pixels but not its height, and draws when it comes near', async () => {
  const { page, problems, context } = await openApp(env, '?country=DE&count=100000');
  await settle(page);
  const id = 'chart-distribution';
  const state = () => page.$eval(`#${id} canvas`, (c) => ({
    width: c.width, height: c.height, box: Math.round(c.getBoundingClientRect().height),
    top: Math.round(c.getBoundingClientRect().top + scrollY),
  }));
  const far = await state();
  assert.deepEqual([far.width, far.height], [0, 0], 'far below the first screen, the canvas holds no pixels');
  assert.ok(far.box > 100, `its box keeps the chart's height (${far.box} px)`);
  await showChart(page, id);
  const near = await state();
  assert.ok(near.width > 0 && near.height > 0, 'scrolled near, it is drawn');
  assert.equal(near.box, far.box, 'drawing it does not change its height');
  assert.equal(near.top, far.top, 'nor move it');
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForFunction((sel) => document.querySelector(sel).width === 0, `#${id} canvas`);
  // Printing lays out the whole page: every chart is drawn.
  await drawAllCharts(page);
  await waitForCharts(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('nearness follows the window: a far chart is drawn when the window grows to reach it, without a scroll', async () => {
  const { page, problems, context } = await openApp(env, '?country=DE&count=100000');
  await settle(page);
  const id = 'chart-cumulative';
  const state = () => page.$eval(`#${id} canvas`, (c) => ({ width: c.width, top: Math.round(c.getBoundingClientRect().top) }));
  const far = await state();
  assert.equal(far.width, 0, `below the first screen (top at ${far.top} px of 900), the canvas holds no pixels`);
  await page.setViewportSize({ width: 1280, height: far.top + 200 });
  await page.waitForFunction((sel) => document.querySelector(sel).width > 0, `#${id} canvas`);
  assert.equal(await page.evaluate(() => scrollY), 0, 'nothing scrolled');
  assert.ok((await inkedShare(page, `#${id} canvas`)) > 0.01, 'it is drawn');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction((sel) => document.querySelector(sel).width === 0, `#${id} canvas`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a headline card far from the screen takes its new value when the inputs settle; near, it follows every edit', async () => {
  const { page, problems, context } = await openApp(env, '?country=DE&count=100000');
  await settle(page);
  await page.evaluate(() => document.querySelector('#chart-power').scrollIntoView({ block: 'start' }));
  const before = await page.$eval('[data-metric="facility_power_mw"]', (e) => e.dataset.value);
  // Edit, then look at the end of the edit's frame, long before the 120 ms settle.
  const mid = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    await new Promise((r) => requestAnimationFrame(r));
    input.value = '50000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Committed at once, as Enter does (typing alone waits for a pause).
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const card = document.querySelector('[data-metric="facility_power_mw"]');
    const chart = document.querySelector('#chart-power canvas');
    return { card: card.dataset.value, top: card.getBoundingClientRect().bottom, drawn: chart.dataset.drawn };
  });
  assert.ok(mid.top < -200, `the card is well above the screen (bottom at ${mid.top} px)`);
  assert.equal(mid.card, before, 'far from the screen, the card waits while the inputs move');
  await settle(page);
  const after = await page.$eval('[data-metric="facility_power_mw"]', (e) => Number(e.dataset.value));
  assert.ok(Math.abs(after - Number(before) / 2) / after < 0.05, `settled, it holds the new value (${before} → ${after} MW)`);
  // Back at the top, the cards follow the edit in its own frame. The app measures
  // what is near in its scroll listener; ours, added later, runs after it.
  await page.evaluate(() => new Promise((ok) => {
    addEventListener('scroll', () => ok(), { once: true });
    scrollTo(0, 0);
  }));
  const top = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    await new Promise((r) => requestAnimationFrame(r));
    input.value = '100000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Committed at once, as Enter does (typing alone waits for a pause).
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return Number(document.querySelector('[data-metric="facility_power_mw"]').dataset.value);
  });
  assert.ok(Math.abs(top - Number(before)) / top < 0.01, `in view, the card follows at once (${top} MW)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('all seven charts draw, have a table alternative, and redraw on changes', async () => {
  const { page, problems, context } = await openApp(env, '?country=DE&count=100000');
  await waitForCharts(page);
  for (const id of CHARTS) {
    const share = await inkedShare(page, `#${id} canvas`);
    assert.ok(share > 0.01, `${id} draws non-blank pixels (inked share ${share})`);
    const rows = await page.locator(`#${id} table tr`).count();
    assert.ok(rows > 0, `${id} has a table alternative with rows`);
    assert.ok((await page.locator(`#${id} figcaption`).innerText()).trim().length > 0, `${id} has a caption`);
  }

  // A country change moves every chart: since model v2 the plant is sized on
  // the site's design day and priced by country, so capex moves too.
  const h0 = await chartHashes(page);
  await page.selectOption('select[name=country]', 'SE');
  for (const id of CHARTS) assert.ok(await waitForRedraw(page, id, h0[id]), `${id} redrew after a country change`);
  await settle(page);

  // A count change moves every chart.
  const h1 = await chartHashes(page);
  await page.fill('input[name=count]', '50000');
  for (const id of CHARTS) assert.ok(await waitForRedraw(page, id, h1[id]), `${id} redrew after a count change`);

  for (const id of CHARTS) {
    assert.ok((await inkedShare(page, `#${id} canvas`)) > 0.01, `${id} still drawn after the changes`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});


test('a chart redrawn edit after edit (its names kept, the rest cleared) is pixel for pixel a fresh drawing', async () => {
  // The bar and monthly charts keep their category labels between edits and
  // clear and draw only the rest: any pixel left behind would show here.
  const inView = ['chart-power', 'chart-monthly', 'chart-capex'];
  const pixels = (page) => page.evaluate((ids) => ids.map((id) => {
    const c = document.querySelector(`#${id} canvas`);
    if (!c.width || !c.height) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
    return `${c.width}x${c.height}:${h >>> 0}`;
  }), inView);
  const open = async (query) => {
    const app = await openApp(env, query);
    await app.page.evaluate(() => document.querySelector('#chart-power').scrollIntoView({ block: 'start' }));
    await settle(app.page);
    return app;
  };
  const edited = await open('?country=DE&count=1000');
  await edited.page.evaluate(() => {
    // Count the text each redraw writes, to see that the names are kept.
    window.__texts = 0;
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (...a) { window.__texts++; return fill.apply(this, a); };
  });
  const first = await pixels(edited.page);
  // Counts move the bars and columns; a site moves the PUE line and its axis.
  // 76,000 → 77,000 keeps the monthly chart's axes: only its plot is redrawn.
  for (const edit of ['4000', 'SE', '250000', '76000', '77000']) {
    const drawn = await edited.page.$$eval('.chart canvas', (cs) => cs.map((c) => c.dataset.drawn).join());
    if (edit === 'SE') await edited.page.selectOption('select[name=country]', 'SE');
    else await edited.page.fill('input[name=count]', edit);
    await edited.page.waitForFunction((d) => document.querySelectorAll('.chart canvas') && [...document.querySelectorAll('.chart canvas')].map((c) => c.dataset.drawn).join() !== d, drawn);
  }
  await settle(edited.page);
  const afterEdits = await pixels(edited.page);
  const texts = await edited.page.evaluate(() => window.__texts);
  const fresh = await open('?country=SE&count=77000');
  const freshPixels = await pixels(fresh.page);
  assert.ok(afterEdits.every((p) => p !== null), `the three charts in view are drawn (${afterEdits})`);
  assert.notDeepEqual(afterEdits, first, 'the edits changed the charts');
  for (const [i, id] of inView.entries()) assert.equal(afterEdits[i], freshPixels[i], `${id}: edited and fresh drawings differ`);
  // Fresh, the three charts write about 54 labels; with the names kept, about half.
  assert.ok(texts < 5 * 40, `${texts} labels written over 5 edits: the names were drawn again`);
  assert.deepEqual([...edited.problems, ...fresh.problems], []);
  await edited.context.close();
  await fresh.context.close();
});

for (const width of [375, 768, 1440]) {
  test(`layout at ${width} px`, async (t) => {
    const { page, problems, context } = await openApp(env, '?lang=en', { viewport: { width, height: 900 }, recordText: true });
    await waitForCharts(page);

    await t.test('full-page screenshot saved; nothing sticks out of the viewport', async () => {
      // (Inside a horizontal scroller, such as a wide table in a panel, is fine.)
      const overflow = await horizontalOverflow(page);
      await fullPageScreenshot(page, join(ensureScreenshotDir(), `main-${width}.png`));
      assert.deepEqual(overflow.slice(0, 10), [], `the page and its elements stay within the ${width} px viewport`);
    });

    await t.test('headline values are not broken across lines', async () => {
      assert.deepEqual(await wrappedKpiValues(page), []);
    });

    await t.test('chart labels stay inside their canvas and do not overlap', async () => {
      assert.deepEqual(await chartTextProblems(page), []);
    });

    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('French charts: labels fit and numbers use French decimals', async (t) => {
  for (const width of [375, 1440]) {
    const { page, problems, context } = await openApp(env, '?lang=fr', { viewport: { width, height: 900 }, recordText: true });
    await waitForCharts(page);
    await t.test(`labels stay inside their canvas and do not overlap at ${width} px`, async () => {
      assert.deepEqual(await chartTextProblems(page), []);
    });
    if (width === 1440) {
      await t.test('no chart text uses a dot decimal', async () => {
        const dotted = await page.evaluate((ids) => ids.flatMap((id) => (document.querySelector(`#${id} canvas`).__texts || [])
          .filter((x) => /\d\.\d/.test(x.text)).map((x) => `${id}: "${x.text}"`)), CHARTS);
        assert.deepEqual(dotted, []);
      });
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});
