// Model v2 on the page: headlines inside their own P10–P90, the new metrics,
// finance that follows the WACC, and the published checks that open their case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, settle, METRICS } from './helpers-ui.js';

const env = useBrowser();

/** [metric, value, p10, p90] of every card that shows a range, once the ranges are current. */
async function ranges(page) {
  await settle(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-p10]').length >= 8);
  return page.$$eval('[data-p10]', (els) => els.map((e) => [e.dataset.metric, +e.dataset.value, +e.dataset.p10, +e.dataset.p90]));
}

for (const query of ['', '?accelerator=gb200&country=SE&count=50000', '?accelerator=h100&cooling=air&country=GR&redundancy=2n&utilization=0.3',
  '?accelerator=mi300x&country=ES&heat_rejection=tower&price_eur_per_mwh=60&renewable_share=0.7']) {
  test(`every headline lies within its own P10–P90 (${query || 'defaults'})`, async () => {
    const { page, problems, close } = await openApp(env, query);
    try {
      const all = await ranges(page);
      assert.ok(all.length >= 8, `${all.length} cards with a range`);
      for (const [m, v, lo, hi] of all) {
        const slack = 1e-9 * Math.max(1, Math.abs(v));
        assert.ok(lo - slack <= v && v <= hi + slack, `${m}: ${v} outside ${lo} – ${hi}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

test('the new metrics are on the page, and a higher WACC changes the TCO but not its plain sum', async () => {
  const { page, problems, close } = await openApp(env, '?lang=en');
  try {
    const read = () => page.$$eval('[data-metric]', (els) => Object.fromEntries(els.map((e) => [e.dataset.metric, +e.dataset.value])));
    const before = await read();
    for (const m of METRICS) assert.ok(Number.isFinite(before[m]), `${m} = ${before[m]}`);
    assert.ok(before.grid_connection_mw > 0 && before.grid_connection_mw <= before.facility_power_mw + 1e-9, 'grid without redundancy');
    assert.ok(Math.abs(before.cost_per_used_gpu_hour_eur * 0.8 - before.cost_per_gpu_hour_eur) < 1e-9, 'per used hour at 80 %');
    assert.ok(before.co2_t_per_year > before.co2_location_t_per_year, 'Germany\'s residual mix is dirtier than its grid average');
    await page.fill('#in-wacc', '0.12');
    await page.press('#in-wacc', 'Enter');
    await page.waitForFunction((t) => +document.querySelector('[data-metric=tco_eur]').dataset.value !== t, before.tco_eur);
    const after = await read();
    assert.ok(after.tco_eur < before.tco_eur, `a higher discount rate lowers the present value: ${before.tco_eur} → ${after.tco_eur}`);
    assert.equal(after.tco_undiscounted_eur, before.tco_undiscounted_eur, 'the plain sum does not discount');
    assert.ok(after.cost_per_gpu_hour_eur > before.cost_per_gpu_hour_eur, 'capital costs more per hour');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the published checks: six or more cases within their bands, each opening its own inputs', async () => {
  for (const lang of ['en', 'fr']) {
    const { page, problems, close } = await openApp(env, `?lang=${lang}`);
    try {
      // The panel fetches its table when it comes near the screen.
      await page.locator('#checks').scrollIntoViewIfNeeded();
      const rows = page.locator('#checks tr[data-check]');
      await rows.first().waitFor();
      assert.ok((await rows.count()) >= 6, 'six or more cases');
      assert.equal(await page.locator('#checks tr[data-within="false"]').count(), 0, 'all within their bands');
      const llama = page.locator('#checks tr[data-check="llama31-405b-gpu-hours"]');
      assert.match(await llama.locator('th').innerText(), lang === 'fr' ? /heures-H100/ : /H100-hours/);
      await llama.locator('a.load-check').click();
      await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]')?.dataset.value === '16384');
      assert.equal(await page.inputValue('#in-accelerator'), 'h100');
      assert.equal(await page.inputValue('#in-country'), 'FR');
      assert.equal(new URL(page.url()).searchParams.get('lang'), lang, 'in the same language');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]')?.dataset.value === '100000');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  }
});

test('the decarbonisation path lowers the yearly CO₂ and says by how much; a link carries it', async () => {
  const off = await openApp(env, '?lang=en');
  const on = await openApp(env, '?lang=en&decarbonise=1');
  try {
    const co2 = (page) => page.$eval('[data-metric=co2_t_per_year]', (e) => +e.dataset.value);
    const [a, b] = [await co2(off.page), await co2(on.page)];
    assert.ok(b < a, `path on: ${b} < frozen ${a}`);
    assert.equal(await on.page.inputValue('#in-decarbonise'), '1');
    // Opening 2028 over ten years: the average of a straight line to zero in 2050 is 0.68 of today.
    assert.ok(Math.abs(b / a - 0.68) < 1e-6, `ratio ${b / a}`);
    await on.page.locator('#panel-carbon').scrollIntoViewIfNeeded();
    await settle(on.page);
    assert.match(await on.page.locator('#panel-carbon').innerText(), /Lower with the decarbonisation path\s+32%/);
    // Switched off on the page, the link drops it.
    await on.page.selectOption('#in-decarbonise', '0');
    await on.page.waitForFunction(() => !new URLSearchParams(location.search).has('decarbonise'));
    assert.deepEqual([...off.problems, ...on.problems], []);
  } finally {
    await off.close();
    await on.close();
  }
});

test('an air-side economiser saves energy with air cooling and is refused with liquid cooling', async () => {
  const dry = await openApp(env, '?lang=en&accelerator=h100&cooling=air&country=FI&heat_rejection=dry');
  const eco = await openApp(env, '?lang=en&accelerator=h100&cooling=air&country=FI&heat_rejection=economiser');
  try {
    const energy = (page) => page.$eval('[data-metric=annual_energy_gwh]', (e) => +e.dataset.value);
    assert.ok((await energy(eco.page)) < (await energy(dry.page)), 'outside air instead of fans and chillers');
    await eco.page.selectOption('#in-cooling', 'dlc');
    await eco.page.locator('.model-error').waitFor();
    assert.equal(await eco.page.getAttribute('#in-heat-rejection', 'aria-invalid'), 'true');
    assert.deepEqual([...dry.problems, ...eco.problems], []);
  } finally {
    await dry.close();
    await eco.close();
  }
});
