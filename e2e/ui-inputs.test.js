// Every input group moves the results it should, and only those; every public
// metric is on the page once with a finite, plain data-value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openApp, change, snapshot, settle, assertClose, METRICS, PLAIN_NUMBER, axeSerious, describeViolations,
} from './helpers-ui.js';

const env = useBrowser();

test('every public data-metric is present exactly once with a finite plain data-value', async () => {
  const { page, problems, context } = await openApp(env);
  const found = await page.$$eval('[data-metric]', (els) => els.map((e) => [e.dataset.metric, e.dataset.value]));
  for (const name of METRICS) {
    const hits = found.filter(([m]) => m === name);
    assert.equal(hits.length, 1, `data-metric="${name}" appears ${hits.length} times`);
    const v = hits[0][1];
    assert.match(String(v), PLAIN_NUMBER, `${name} data-value "${v}" is a plain number`);
    assert.ok(Number.isFinite(Number(v)), `${name} data-value "${v}" is finite`);
  }
  const unknown = found.map(([m]) => m).filter((m) => !METRICS.includes(m));
  assert.deepEqual(unknown, [], 'no data-metric outside the public list');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hardware: accelerator, utilisation and sizing by power budget', async (t) => {
  const { page, problems, context } = await openApp(env, '?accelerator=h100');

  await t.test('accelerator h100 → gb200 changes IT power and peak compute', async () => {
    assert.equal(await page.inputValue('select[name=accelerator]'), 'h100');
    const [b, a] = await change(page, 'compute_pflops_bf16', () => page.selectOption('select[name=accelerator]', 'gb200'));
    assert.notEqual(a.it_power_mw, b.it_power_mw, 'it_power_mw changed');
    assert.ok(a.compute_pflops_bf16 > b.compute_pflops_bf16, `GB200 has more BF16 compute: ${b.compute_pflops_bf16} -> ${a.compute_pflops_bf16}`);
    assert.equal(a.accelerator_count % 72, 0, 'GB200 NVL72 comes in whole racks of 72');
  });

  await t.test('utilisation changes annual energy but not design IT power', async () => {
    const [b, a] = await change(page, 'annual_energy_gwh', () => page.fill('input[name=utilization]', '0.5'));
    assert.ok(a.annual_energy_gwh < b.annual_energy_gwh, `energy falls with load: ${b.annual_energy_gwh} -> ${a.annual_energy_gwh}`);
    assert.equal(a.it_power_mw, b.it_power_mw, 'design IT power does not depend on utilisation');
    assert.equal(a.facility_power_mw, b.facility_power_mw, 'peak facility power does not depend on utilisation');
    assert.equal(a.capex_eur, b.capex_eur, 'capex does not depend on utilisation');
  });

  await t.test('size by power budget: the facility fits the typed budget', async () => {
    await page.selectOption('select[name=size_by]', 'power_mw');
    const budget = page.locator('input[name=power_mw]');
    await budget.waitFor();
    await settle(page);
    const [b, a] = await change(page, 'facility_power_mw', () => budget.fill('50'));
    assert.ok(a.facility_power_mw <= 50, `facility ${a.facility_power_mw} MW ≤ 50 MW budget`);
    // Within one system (an NVL72 rack of 72 GB200) of the budget.
    const perAccelerator = b.facility_power_mw / b.accelerator_count;
    assert.ok(a.facility_power_mw >= 50 - 72 * perAccelerator * 1.01, `facility ${a.facility_power_mw} MW is within one rack of 50 MW`);
    assert.ok(a.accelerator_count < b.accelerator_count, 'fewer accelerators fit the smaller budget');
    await settle(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('power_mw'), '50', `URL carries the budget: ${url.search}`);
    assert.equal(url.searchParams.get('count'), null, 'URL no longer carries a count');
  });

  assert.deepEqual(problems, []);
  await context.close();
});

test('site and cooling: country, cooling technology, heat rejection', async (t) => {
  const { page, problems, context } = await openApp(env, '?country=DE&cooling=dlc&heat_rejection=dry');

  // The cooling panel's month-by-month table: [month, °C, share %] per row.
  const months = () => page.$$eval('#panel-cooling table.months tbody tr', (rows) => rows.map((r) => [
    r.querySelector('th').textContent,
    parseFloat(r.cells[1].textContent),
    parseFloat(r.cells[2].textContent),
  ]));

  await t.test('country DE → SE changes CO2 and PUE, and the free cooling by month', async () => {
    const de = await months();
    assert.equal(de.length, 12, 'one row per month');
    assert.deepEqual(de.map((r) => r[0]), ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    assert.ok(de.every(([, c, s]) => Number.isFinite(c) && s >= 0 && s <= 100), JSON.stringify(de));
    assert.ok(de[6][1] > de[0][1] + 10, `Frankfurt's July is warmer than its January: ${JSON.stringify(de)}`);
    assert.ok(de[6][2] < de[0][2], `fewer chiller-free hours in July than in January: ${JSON.stringify(de)}`);
    const [b, a] = await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'SE'));
    await page.waitForFunction((jan) => parseFloat(document.querySelector('#panel-cooling table.months tbody td').textContent) !== jan, de[0][1]);
    const se = await months();
    assert.ok(se[6][1] < de[6][1], `Stockholm's July is cooler than Frankfurt's: ${se[6][1]} vs ${de[6][1]}`);
    assert.ok(se[6][2] >= de[6][2], `so at least as many chiller-free hours: ${se[6][2]} vs ${de[6][2]}`);
    assert.ok(a.co2_t_per_year < b.co2_t_per_year, `Sweden's grid is cleaner: ${b.co2_t_per_year} -> ${a.co2_t_per_year}`);
    assert.notEqual(a.pue, b.pue, 'PUE follows the climate');
    assert.ok(a.pue < b.pue, `Sweden is cooler, so PUE falls: ${b.pue} -> ${a.pue}`);
    assert.equal(a.it_power_mw, b.it_power_mw, 'IT power does not depend on the site');
  });

  await t.test('cooling air → immersion lowers PUE', async () => {
    await change(page, 'pue', () => page.selectOption('select[name=cooling]', 'air'));
    const [b, a] = await change(page, 'pue', () => page.selectOption('select[name=cooling]', 'immersion'));
    assert.ok(a.pue < b.pue, `immersion PUE ${a.pue} < air PUE ${b.pue}`);
    assert.ok(a.pue >= 1, 'PUE ≥ 1');
  });

  await t.test('heat rejection dry → tower uses water', async () => {
    assert.equal((await snapshot(page)).water_m3_per_year, '0', 'dry coolers use no water');
    const [, a] = await change(page, 'water_m3_per_year', () => page.selectOption('select[name=heat_rejection]', 'tower'));
    assert.ok(a.water_m3_per_year > 0, `a cooling tower evaporates water: ${a.water_m3_per_year} m³/yr`);
  });

  assert.deepEqual(problems, []);
  await context.close();
});

test('economics: price override and horizon', async (t) => {
  const { page, problems, context } = await openApp(env);

  await t.test('a price override changes opex but not capex', async () => {
    const [b, a] = await change(page, 'opex_eur_per_year', () => page.fill('input[name=price_eur_per_mwh]', '250'));
    assert.ok(a.opex_eur_per_year > b.opex_eur_per_year, `dearer power raises opex: ${b.opex_eur_per_year} -> ${a.opex_eur_per_year}`);
    assert.equal(a.capex_eur, b.capex_eur, 'capex does not depend on the electricity price');
    assert.ok(a.tco_eur > b.tco_eur, 'TCO follows opex');
  });

  await t.test('years changes TCO', async () => {
    const [b, a] = await change(page, 'tco_eur', () => page.fill('input[name=years]', '15'));
    assert.ok(a.tco_eur > b.tco_eur, `a longer horizon costs more: ${b.tco_eur} -> ${a.tco_eur}`);
    assert.equal(a.capex_eur, b.capex_eur, 'capex does not depend on the horizon');
    assert.equal(a.opex_eur_per_year, b.opex_eur_per_year, 'yearly opex does not depend on the horizon');
  });

  assert.deepEqual(problems, []);
  await context.close();
});

test('energy & carbon and training run', async (t) => {
  const { page, problems, context } = await openApp(env, '?renewable_share=0&train_params_b=405');

  await t.test('renewable share lowers market-based CO2', async () => {
    const [b, a] = await change(page, 'co2_t_per_year', () => page.fill('input[name=renewable_share]', '0.5'));
    assert.ok(a.co2_t_per_year < b.co2_t_per_year, `${b.co2_t_per_year} -> ${a.co2_t_per_year}`);
    assertClose(a.co2_t_per_year, b.co2_t_per_year * 0.5, 1e-9, 'half the power from PPAs halves market-based CO2');
    assert.equal(a.annual_energy_gwh, b.annual_energy_gwh, 'energy does not depend on the PPA share');
  });

  await t.test('doubling training parameters doubles training days', async () => {
    const [b, a] = await change(page, 'train_days', () => page.fill('input[name=train_params_b]', '810'));
    assertClose(a.train_days, 2 * b.train_days, 1e-9, 'train_days doubles with parameters (6·N·D)');
    assertClose(a.train_energy_mwh, 2 * b.train_energy_mwh, 1e-9, 'train_energy_mwh doubles too');
    assert.equal(a.it_power_mw, b.it_power_mw, 'the factory does not change');
  });

  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, three headline numbers follow the inputs at the foot of the screen once the cards scroll away', async () => {
  const { page, problems, context } = await openApp(env, '', { viewport: { width: 390, height: 844 } });
  const bar = page.locator('.summary-bar');
  const barText = (m) => page.locator(`[data-summary=${m}] .summary-value`).innerText();
  const cardText = (m) => page.locator(`[data-metric=${m}] .kpi-value`).innerText();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await frames();
  assert.equal(await bar.isVisible(), false, 'not while the cards are on screen');

  await page.locator('.area-inputs').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await bar.waitFor({ state: 'visible' });
  const box = await bar.boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(Math.abs(box.y + box.height - 844) < 1 && Math.abs(box.width - width) < 1, `at the foot of the screen: ${JSON.stringify(box)}`);
  for (const m of ['facility_power_mw', 'annual_energy_gwh', 'capex_eur']) assert.equal(await barText(m), await cardText(m), m);
  const violations = await axeSerious(page);
  assert.deepEqual(violations, [], describeViolations(violations));

  const before = await barText('facility_power_mw');
  await page.fill('input[name=count]', '25000');
  await page.waitForFunction((b) => document.querySelector('[data-summary=facility_power_mw] .summary-value').innerText !== b, before);
  await settle(page);
  for (const m of ['facility_power_mw', 'annual_energy_gwh', 'capex_eur']) assert.equal(await barText(m), await cardText(m), m);

  // A field reached by the keyboard from below the screen stops clear of the bar.
  await page.locator('input[name=years]').evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - innerHeight + 10));
  await page.locator('input[name=years]').focus();
  const field = await page.locator('input[name=years]').boundingBox();
  assert.ok(field.y + field.height <= box.y, `the focused field (bottom ${field.y + field.height}) stays above the bar (top ${box.y})`);

  await page.evaluate(() => scrollTo(0, 0));
  await bar.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone held sideways, the bar stays down while the cards it repeats are still below the screen', async () => {
  // Two notices about the link above the cards push them down.
  const { page, problems, context } = await openApp(env, '?count=many&country=XX', { viewport: { width: 844, height: 390 } });
  assert.equal(await page.locator('.notice').count(), 2);
  const capex = await page.locator('[data-metric=capex_eur]').boundingBox();
  assert.ok(capex.y > 390, `the capex card starts below the screen (${capex.y})`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('.summary-bar').isVisible(), false);
  await page.evaluate(() => document.querySelector('.area-inputs').scrollIntoView());
  await page.locator('.summary-bar').waitFor({ state: 'visible' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a wide screen the cards sit beside the inputs and there is no summary bar', async () => {
  const { page, problems, context } = await openApp(env);
  await page.evaluate(() => document.querySelector('#chart-capex').scrollIntoView());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('.summary-bar').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching "Size by" back and forth keeps the factory: the budget filled in sizes the same count', async () => {
  const { page, problems, context } = await openApp(env, '?count=50000');
  const count = () => page.locator('[data-metric=accelerator_count]').getAttribute('data-value');
  for (const mode of ['power_mw', 'capex_eur', 'compute_pflops', 'count']) {
    await page.selectOption('select[name=size_by]', mode);
    await settle(page);
    assert.equal(await count(), '50000', `after switching to ${mode}`);
  }
  assert.equal(await page.inputValue('input[name=count]'), '50000');
  // A capital budget below one system's price: the model says what one costs (as
  // for a link), not a field range of its own.
  await page.selectOption('select[name=size_by]', 'capex_eur');
  await page.fill('input[name=capex_eur]', '1000');
  await page.locator('.model-error').waitFor();
  assert.match(await page.locator('.model-error').innerText(), /too small for one system, which needs \d{1,3}(,\d{3})+ €/);
  // Said beside the field too, and the field is marked: the budget is what to change.
  assert.match(await page.locator('#in-capex-error').innerText(), /too small for one system/);
  assert.equal(await page.getAttribute('input[name=capex_eur]', 'aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
