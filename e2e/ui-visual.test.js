// Charts draw and redraw; full-page screenshots at phone, tablet and desktop
// widths land in e2e/screenshots/ with nothing sticking out of the viewport;
// headline values and chart labels stay legible (in English and French).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inkedShare } from './browser.js';
import {
  useBrowser, openApp, settle, chartHashes, waitForRedraw, waitForCharts, ensureScreenshotDir, CHARTS,
  chartTextProblems, wrappedKpiValues, showChart, drawAllCharts, fullPageScreenshot,
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
  // Back at the top, the cards follow the edit in its own frame.
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(100);
  const top = await page.evaluate(async () => {
    const input = document.querySelector('input[name=count]');
    await new Promise((r) => requestAnimationFrame(r));
    input.value = '100000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
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

  // A country change moves everything that depends on the site (capex does not).
  const h0 = await chartHashes(page);
  await page.selectOption('select[name=country]', 'SE');
  const site = CHARTS.filter((id) => id !== 'chart-capex');
  for (const id of site) assert.ok(await waitForRedraw(page, id, h0[id]), `${id} redrew after a country change`);
  await settle(page);
  assert.equal((await chartHashes(page))['chart-capex'], h0['chart-capex'], 'capex chart is site-independent');

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


for (const width of [375, 768, 1440]) {
  test(`layout at ${width} px`, async (t) => {
    const { page, problems, context } = await openApp(env, '?lang=en', { viewport: { width, height: 900 }, recordText: true });
    await waitForCharts(page);

    await t.test('full-page screenshot saved; nothing sticks out of the viewport', async () => {
      const overflow = await page.evaluate(() => {
        const W = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('.sr-only') || el.classList.contains('skip')) continue;
          const b = el.getBoundingClientRect();
          if (b.width === 0 || (b.right <= W + 1 && b.left >= -1)) continue;
          // Inside a horizontal scroller (a wide table in a panel) is fine.
          let p = el.parentElement;
          let scroller = false;
          while (p && p !== document.body) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) { scroller = true; break; }
            p = p.parentElement;
          }
          if (!scroller) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} [${Math.round(b.left)}, ${Math.round(b.right)}]`);
        }
        return { W, scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 10) };
      });
      await fullPageScreenshot(page, join(ensureScreenshotDir(), `main-${width}.png`));
      assert.ok(overflow.scrollWidth <= overflow.W, `page is no wider than the viewport: ${overflow.scrollWidth} > ${overflow.W}`);
      assert.deepEqual(overflow.out, [], `elements stick out of the ${width} px viewport`);
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
