// The link follows edits without adding history entries and reproduces the
// scenario in a fresh browser; bad typed values and bad link parameters are
// reported and never cost the last valid result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inkedShare } from './browser.js';
import { useBrowser, openApp, change, snapshot, settle, showChart, drawAllCharts, METRICS } from './helpers-ui.js';

const env = useBrowser();

test('the URL follows edits by history replace and reproduces the results in a fresh context', async () => {
  const { page, problems, context } = await openApp(env);
  await settle(page);
  const historyLength = await page.evaluate(() => history.length);

  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '12345'));
  await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'SE'));
  await change(page, 'annual_energy_gwh', () => page.fill('input[name=utilization]', '0.65'));
  await change(page, 'pue', () => page.selectOption('select[name=cooling]', 'immersion'));
  await settle(page);

  assert.equal(await page.evaluate(() => history.length), historyLength, 'edits replace the history entry, never push');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('count'), '12345', `count in ${url.search}`);
  assert.equal(url.searchParams.get('country'), 'SE');
  assert.equal(url.searchParams.get('utilization'), '0.65');
  assert.equal(url.searchParams.get('cooling'), 'immersion');
  assert.equal(url.searchParams.get('v'), '1', 'the link carries its format version');
  const values = await snapshot(page);
  assert.equal(values.accelerator_count, '12352', '12,345 rounds up to whole 8-accelerator servers');
  assert.deepEqual(problems, []);
  await context.close();

  // A fresh context has empty storage: only the link can carry the scenario.
  const fresh = await openApp(env, url.search);
  assert.deepEqual(await snapshot(fresh.page), values, 'the link reproduces every data-value exactly');
  assert.equal(await fresh.page.inputValue('input[name=count]'), '12345');
  assert.equal(await fresh.page.inputValue('select[name=country]'), 'SE');
  assert.equal(await fresh.page.locator('p.notice').count(), 0, 'a link written by the app raises no notice');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('back from the skip link\'s fragment keeps the address on the inputs shown', async () => {
  const { page, problems, context } = await openApp(env, '?count=12345');
  await settle(page);
  await page.focus('a.skip'); // shown once focused, as a keyboard user reaches it
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#results');
  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '50000'));
  await settle(page);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('count') === '50000');
  assert.equal(await page.inputValue('input[name=count]'), '50000', 'the inputs stay as they were');
  const values = await snapshot(page);
  await page.reload();
  await page.waitForFunction((v) => document.querySelector('[data-metric="accelerator_count"]')?.dataset.value === v, values.accelerator_count);
  assert.deepEqual(await snapshot(page), values, 'a reload after Back shows what was on screen');
  assert.deepEqual(problems, []);
  await context.close();
});

const BAD = ['abc', '', '-5', '1e400', 'NaN'];

for (const [name, id, good] of [['count', 'in-count', '100000'], ['utilization', 'in-utilization', '0.8']]) {
  test(`bad values typed into ${name} show a message and keep the last valid result`, async () => {
    const { page, problems, context } = await openApp(env);
    await settle(page);
    const input = page.locator(`#${id}`);
    const error = page.locator(`#${id}-error`);
    const valid = await snapshot(page);
    const url = page.url();
    for (const bad of BAD) {
      await input.fill(good);
      await page.waitForFunction((sel) => document.querySelector(sel).textContent.trim() === '', `#${id}-error`);
      await input.fill(bad);
      await page.waitForFunction((sel) => document.querySelector(sel).textContent.trim() !== '', `#${id}-error`);
      await settle(page);
      const msg = (await error.textContent()).trim();
      assert.ok(msg.length > 0, `"${bad}": a message is shown`);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `"${bad}": aria-invalid`);
      assert.equal(await input.inputValue(), bad, `"${bad}": the typed text is kept for correction`);
      assert.deepEqual(await snapshot(page), valid, `"${bad}": data-values keep the last valid result`);
      assert.equal(page.url(), url, `"${bad}": the link keeps the last valid value`);
      assert.equal(await page.locator('[data-metric]').count(), METRICS.length, `"${bad}": results still shown`);
      assert.ok(await page.locator('h1').isVisible(), `"${bad}": page not blank`);
    }
    // The messages differ by cause (empty, not a number, out of range, too large).
    await input.fill('');
    const empty = (await error.textContent()).trim();
    await input.fill('abc');
    await page.waitForFunction(([sel, e]) => document.querySelector(sel).textContent.trim() !== e, [`#${id}-error`, empty]);
    assert.notEqual((await error.textContent()).trim(), empty, 'empty and not-a-number have different messages');
    // Correcting the value clears the error.
    await input.fill(good);
    await page.waitForFunction((sel) => document.querySelector(sel).textContent.trim() === '', `#${id}-error`);
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    await showChart(page, 'chart-power');
    assert.ok((await inkedShare(page, '#chart-power canvas')) > 0.01, 'the chart is still drawn');
    assert.deepEqual(problems, [], 'no console errors');
    await context.close();
  });
}

test('invalid link parameters are reported by name and defaults used', async () => {
  const { page, problems, context } = await openApp(env, '?count=-5&utilization=abc&accelerator=zz9&cooling=lava');
  for (const p of ['count', 'utilization', 'accelerator', 'cooling']) {
    const notice = page.locator(`p.notice[data-param="${p}"]`);
    assert.equal(await notice.count(), 1, `a notice for ${p}`);
    assert.ok((await notice.innerText()).includes(p), `the notice names ${p}`);
    assert.ok(await notice.isVisible(), `the notice for ${p} is visible`);
  }
  const values = await snapshot(page);
  for (const m of METRICS) assert.ok(Number.isFinite(parseFloat(values[m])), `${m} finite: ${values[m]}`);
  assert.equal(await page.inputValue('select[name=accelerator]'), 'b200', 'the default accelerator is used');
  assert.equal(await page.inputValue('select[name=cooling]'), 'dlc', 'the default cooling is used');
  assert.equal(await page.inputValue('input[name=count]'), '100000', 'the default count is used');
  assert.equal(await page.inputValue('input[name=utilization]'), '0.8', 'the default utilisation is used');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an impossible combination edited in the page shows the model error and keeps the last result', async () => {
  const { page, problems, context } = await openApp(env, '?accelerator=b200&cooling=dlc');
  const valid = await snapshot(page);
  await page.selectOption('select[name=accelerator]', 'gb200');
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '100008');
  await settle(page);
  const good = await snapshot(page);
  assert.notDeepEqual(good, valid);
  await page.selectOption('select[name=cooling]', 'air');
  await page.locator('.model-error').waitFor();
  await settle(page);
  assert.match(await page.locator('.model-error').innerText(), /\S/, 'the model error explains itself');
  assert.equal(await page.locator('.model-error').getAttribute('role'), 'alert');
  assert.deepEqual(await snapshot(page), good, 'the last valid result stays');
  // Rack-scale NVL72 is cold-plate only (not immersion): direct liquid it is.
  await page.selectOption('select[name=cooling]', 'dlc');
  await page.locator('.model-error').waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with an impossible combination shows the model error and no figures of another scenario',
  async () => {
    const { page, problems, context } = await openApp(env, '?accelerator=gb200&cooling=air', { wait: false });
    await page.locator('.model-error').waitFor();
    await settle(page);
    assert.match(await page.locator('.model-error').innerText(), /\S/);
    const values = await snapshot(page);
    for (const m of METRICS) assert.equal(values[m], undefined, `${m} withdrawn: ${values[m]}`);
    await page.locator('#chart-power').scrollIntoViewIfNeeded();
    await settle(page);
    assert.equal(await page.$eval('#chart-power canvas', (c) => c.dataset.drawn), undefined, 'no chart is drawn');
    // A valid choice draws everything.
    await page.selectOption('select[name=cooling]', 'dlc');
    await page.locator('.model-error').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('#chart-power canvas').dataset.drawn);
    assert.ok((await inkedShare(page, '#chart-power canvas')) > 0.01, 'the power chart is drawn');
    assert.deepEqual(problems, []);
    await context.close();
  });

test('an impossible combination is explained in French with French numbers, and its results are not exported', async () => {
  const { page, problems, context } = await openApp(env, '?accelerator=gb200&cooling=air&lang=fr', { wait: false });
  const error = page.locator('.model-error');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /ne peut pas être évaluée : .*les baies .* consomment \d+(,\d+)? kW.*par baie\) : choisissez/, text);
  assert.doesNotMatch(text, /racks draw|choose/, 'no English left');
  // The results on the page are the last valid scenario's: the CSV refuses to pair them with these inputs.
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.click('#download-csv');
  const status = page.locator('#share-status');
  await status.waitFor();
  assert.match(await status.innerText(), /ne peuvent pas être évaluées/);
  assert.equal(await status.getAttribute('class'), 'status error');
  // In English the model's words, with whole euros, grouped, for a budget that is too small.
  await page.click('.lang-switch button[lang=en]');
  await page.selectOption('select[name=cooling]', 'dlc');
  await error.waitFor({ state: 'detached' });
  // Evaluable again, the CSV downloads; a download of the refused click would have come before this one.
  await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  assert.equal(downloads.length, 1, `one download, of the evaluable scenario: ${downloads}`);
  await page.goto(env.server.url + '/?capex_eur=100000');
  await error.waitFor();
  assert.match(await error.innerText(), /capital budget is too small for one system, which needs \d{1,3}(,\d{3})+ €/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a small facility is written with the digits that tell its size, not as zeros', async () => {
  const { page, problems, context } = await openApp(env, '?count=1', { recordText: true });
  await settle(page);
  for (const m of ['facility_power_mw', 'it_power_mw', 'annual_energy_gwh', 'compute_pflops_bf16', 'cooling_load_mw']) {
    const text = await page.locator(`[data-metric=${m}] .kpi-value`).innerText();
    assert.match(text, /[1-9]/, `${m}: "${text}"`);
    const range = await page.locator(`[data-metric=${m}] .kpi-range`).innerText();
    if (range) assert.match(range, /[1-9].*–.*[1-9]/, `${m} range`);
  }
  const power = parseFloat(await page.locator('[data-metric=facility_power_mw]').getAttribute('data-value'));
  assert.ok(power < 0.1, `one server draws well under 0.1 MW (${power})`);
  assert.match(await page.locator('[data-metric=facility_power_mw] .kpi-value').innerText(), /^0\.0\d{3}\sMW$/);
  assert.match(await page.locator('[data-metric=compute_pflops_bf16] .kpi-value').innerText(), /^\d+(\.\d+)?\sPFLOP\/s$/, 'below an exaflop, in PFLOP/s');
  // Its charts in € billion: no two axis numbers read the same (they all read 0.001 once).
  await drawAllCharts(page);
  await settle(page);
  for (const id of ['chart-cumulative', 'chart-tornado']) {
    const numbers = await page.evaluate((id) => document.querySelector(`#${id} canvas`).__texts
      .map((t) => t.text).filter((t) => /^[\d.,]+$/.test(t) && !/^\d+$/.test(t)), id);
    assert.ok(numbers.length >= 3, `${id}: ${numbers}`);
    assert.equal(new Set(numbers).size, numbers.length, `${id}: ${numbers}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('notices about a link speak the page\'s language and follow a switch', async () => {
  const { page, problems, context } = await openApp(env, '?pue=abc&count=0&cooling=warp&lang=fr');
  const notice = (name) => page.locator(`.notice[data-param=${name}]`).innerText();
  assert.match(await notice('pue'), /\(pas un nombre\)$/);
  assert.match(await notice('cooling'), /\(technologie de refroidissement inconnue\)$/);
  // The model's refusal names the field by its label and writes numbers as the page does.
  assert.match(await notice('count'), /\(«\sNombre d'accélérateurs\s»\s: valeur attendue entre 1 et 10\s000\s000 \(reçu\s: 0\)\)$/u);
  await page.click('.lang-switch button[lang=en]');
  await page.waitForFunction(() => /not a number/.test(document.querySelector('.notice[data-param=pue]').innerText));
  assert.match(await notice('count'), /\(“Accelerator count” must be between 1 and 10,000,000, got 0\)$/);
  assert.deepEqual(problems, []);
  await context.close();
});
