// The first live estimate, end to end, on the release build: moving the count
// changes the numbers and redraws the chart; a reload keeps the scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, showChart } from './helpers-ui.js';
import { strictPage, waitForMetrics, metric, inkedShare, canvasHash } from './browser.js';

const env = useBrowser();

test('count edits update power, redraw the chart and survive a reload', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await waitForMetrics(page);

  const it0 = await metric(page, 'it_power_mw');
  const fac0 = await metric(page, 'facility_power_mw');
  const energy0 = await metric(page, 'annual_energy_gwh');
  assert.ok(it0 > 0 && fac0 >= it0 && energy0 > 0, `IT ${it0} facility ${fac0} energy ${energy0}`);

  const chart = '#chart-power canvas';
  await showChart(page, 'chart-power');
  assert.ok((await inkedShare(page, chart)) > 0.01, 'the power chart has drawn pixels');
  const hash0 = await canvasHash(page, chart);

  await page.fill('input[name=count]', '25000');
  await page.waitForFunction((v) => parseFloat(document.querySelector('[data-metric=it_power_mw]').dataset.value) < v, it0);
  const it1 = await metric(page, 'it_power_mw');
  // A quarter of the systems; below 41,472 accelerators the fabric needs two tiers, not three.
  assert.ok(it1 / it0 < 0.25 && it1 / it0 > 0.23, `IT power scales with count: ${it0} -> ${it1}`);
  assert.ok((await metric(page, 'facility_power_mw')) < fac0);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  assert.notEqual(await canvasHash(page, chart), hash0, 'the chart redrew');

  await page.selectOption('select[name=country]', 'SE');
  // The app writes the link and the stored working copy in one step.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('country') === 'SE');
  await page.reload();
  await waitForMetrics(page);
  assert.equal(await metric(page, 'accelerator_count'), 25000);
  assert.equal(await page.inputValue('select[name=country]'), 'SE');
  assert.equal(await metric(page, 'it_power_mw'), it1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing key by key keeps the focus, the caret text and updates the numbers', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await waitForMetrics(page);
  await page.click('input[name=count]', { clickCount: 3 });
  await page.keyboard.type('25000', { delay: 20 });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'count');
  assert.equal(await page.inputValue('input[name=count]'), '25000');
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '25000');
  // A trailing zero after the decimal point is what was typed, kept while it parses to the value.
  await page.click('input[name=utilization]', { clickCount: 3 });
  await page.keyboard.type('0.50', { delay: 20 });
  assert.equal(await page.inputValue('input[name=utilization]'), '0.50');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'utilization');
  assert.deepEqual(problems, []);
  await context.close();
});

test('numbers are typed as the page writes them: "100,000" in English, "0,5" and "100 000" in French', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url + '/?count=50000');
  await waitForMetrics(page);
  await page.fill('input[name=count]', '100,000');
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '100000');
  assert.equal(await page.inputValue('input[name=count]'), '100,000', 'kept as typed');

  // The language switch turns the fields' own text into the other language's writing.
  await page.click('.lang-switch button[lang=fr]');
  await page.waitForFunction(() => document.querySelector('input[name=utilization]').value === '0,8');
  await page.fill('input[name=utilization]', '0,5');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('utilization') === '0.5');
  await page.fill('input[name=count]', '30 000');
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '30000');
  // In French a lone comma is the decimal mark: "1,5" is one and a half.
  await page.fill('input[name=wacc]', '0,065');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('wacc') === '0.065');
  assert.equal(await page.locator('.field.invalid').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
