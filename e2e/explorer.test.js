// The site explorer ("Where in Europe?", issue 17): the design in the 27 member
// states as a sortable table and a map, the sweep of one input, the EU call in
// scale. Its rows are the headlines each site shows; sorting, a row and a map
// country (click or Enter) act; the map loads only when the explorer opens and
// stays offline; its state lives in the link and the embed API opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasHash, strictPage, waitForMetrics } from './browser.js';
import {
  useServerAndBrowser, openApp, settle, numbers, change, axeSerious, describeViolations, reloadOffline,
  waitForInk, waitForRedraw, assertClose, frames,
} from './helpers-ui.js';
import { hostPage, frameOf, saveAs, item } from './helpers-scenarios.js';

const EMBED = '/?embed=1&count=20000&country=DE&lang=en';
const env = useServerAndBrowser({
  extraRoutes: {
    '/host-explorer.html': ['text/html; charset=utf-8', hostPage([{ id: 'planner', src: EMBED, width: 480, height: 900 }])],
  },
});

/** The design of the ranking tests: everything but the site. */
const DESIGN = 'count=50000&accelerator=gb200&cooling=dlc';

/** The ranked results that are headline metrics too (national_demand_share is the explorer's own). */
const HEADLINE_RANKED = [
  'facility_power_mw', 'pue', 'annual_energy_gwh', 'water_m3_per_year', 'capex_eur', 'cost_per_gpu_hour_eur',
  'cost_per_used_gpu_hour_eur', 'co2_t_per_year',
];
const RANKED = [...HEADLINE_RANKED, 'national_demand_share'];

/** The EU-27 by ISO 3166-1 alpha-2 (GR for Greece). */
const EU27 = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

/**
 * Bring the (open) explorer into view and wait until its table has 27 rows and,
 * unless `map: false`, its map is loaded with every country named.
 */
async function showExplorer(page, { map = true } = {}) {
  await page.locator('#explorer').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#site-table tbody tr[data-country]').length === 27);
  if (map) {
    await page.waitForFunction(() => {
      const paths = [...document.querySelectorAll('#eu-map svg [data-country]')];
      return paths.length > 0 && paths.every((p) => (p.getAttribute('aria-label') || '').trim() !== '');
    });
  }
  await settle(page);
}

/** The table as shown: [{country, values: {metric: number}}] in row order. */
async function tableRows(page) {
  return page.$$eval('#site-table tbody tr[data-country]', (trs) => trs.map((tr) => ({
    country: tr.dataset.country,
    values: Object.fromEntries([...tr.querySelectorAll('td[data-rank-metric]')]
      .map((td) => [td.dataset.rankMetric, td.dataset.value == null ? NaN : parseFloat(td.dataset.value)])),
  })));
}

/** The values of column `metric`, in row order. */
async function column(page, metric) {
  return (await tableRows(page)).map((r) => r.values[metric]);
}

function assertSorted(xs, descending, what) {
  assert.ok(xs.length === 27 && xs.every(Number.isFinite), `${what}: 27 finite values: ${xs.join(', ')}`);
  for (let i = 1; i < xs.length; i++) {
    const ok = descending ? xs[i - 1] >= xs[i] : xs[i - 1] <= xs[i];
    assert.ok(ok, `${what}: ${descending ? 'descending' : 'ascending'} order broken at row ${i + 1}: ${xs[i - 1]} then ${xs[i]}`);
  }
}

/** Wait until the table is sorted by `metric` (th aria-sort says `order`). */
async function waitForSort(page, metric, order) {
  await page.waitForFunction(([m, o]) => document.querySelector(`#site-table th[data-rank-metric="${m}"]`)?.getAttribute('aria-sort') === o, [metric, order]);
  await settle(page);
}

/** Wait until the page's link has `name` = `value` (null: absent). */
async function waitForParam(page, name, value) {
  try {
    await page.waitForFunction(([n, v]) => new URLSearchParams(location.search).get(n) === v, [name, value], { timeout: 5000 });
  } catch {
    assert.fail(`the link should have ${name}=${value}: ${page.url()}`);
  }
}

/** The map files the page itself fetches (not its service worker), and the origin of every request. */
function recordRequests(page) {
  const rec = { map: [], origins: new Set() };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'http:' || u.protocol === 'https:') rec.origins.add(u.origin);
    if (/\/fragments\/map-[0-9a-f]+\.svg$/.test(u.pathname) && !r.serviceWorker()) rec.map.push(u.pathname);
  });
  return rec;
}

test('the table ranks the design in the 27 member states; five rows equal the headlines of ?country=XX', async () => {
  const { page, problems, close } = await openApp(env, `?${DESIGN}&country=DE&explore=1&lang=en`);
  try {
    await showExplorer(page, { map: false });
    const rows = await tableRows(page);
    assert.equal(rows.length, 27);
    assert.deepEqual(rows.map((r) => r.country).sort(), EU27, 'one row per member state, by ISO code');
    for (const r of rows) {
      for (const m of RANKED) assert.ok(Number.isFinite(r.values[m]), `${r.country} ${m}: ${r.values[m]}`);
    }
    const cells = await page.$$eval('#site-table td[data-rank-metric][data-value]', (tds) => tds.map((td) => td.dataset.value));
    for (const v of cells) assert.match(v, /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'a plain number');
    assert.deepEqual(problems, []);

    const byCountry = Object.fromEntries(rows.map((r) => [r.country, r.values]));
    for (const code of ['DE', 'SE', 'FR', 'PL', 'GR']) {
      const site = await openApp(env, `?${DESIGN}&country=${code}&lang=en`);
      try {
        await settle(site.page);
        assert.equal(await site.page.inputValue('select[name=country]'), code);
        const headline = await numbers(site.page);
        for (const m of HEADLINE_RANKED) {
          assert.ok(Number.isFinite(headline[m]), `${code}: headline ${m} ${headline[m]}`);
          assertClose(byCountry[code][m], headline[m], 1e-9, `${code} ${m}: row vs ?country=${code} headline`);
        }
        assert.deepEqual(site.problems, []);
      } finally {
        await site.close();
      }
    }
    // Rows flagged where the factory draws over the stated share of the national demand, and only those.
    const stated = (await page.locator('#site-table-notes').innerText()).match(/(\d+(?:[.,]\d+)?)\s*%/);
    assert.ok(stated, 'the notes state the share above which a row is flagged');
    const limit = parseFloat(stated[1].replace(',', '.')) / 100;
    const flags = await page.$$eval('#site-table tbody tr[data-country]', (trs) => trs.map((tr) => ({
      share: parseFloat(tr.querySelector('td[data-rank-metric="national_demand_share"]').dataset.value),
      flagged: tr.classList.contains('flagged'),
      country: tr.dataset.country,
    })));
    for (const f of flags) assert.equal(f.flagged, f.share > limit, `${f.country}: share ${f.share}, flagged ${f.flagged} (limit ${limit})`);
    assert.ok(flags.some((f) => f.flagged), `a 50,000-accelerator factory is over ${limit} of some small country's demand`);
    assert.ok(flags.some((f) => !f.flagged), 'and not of every country\'s');
  } finally {
    await close();
  }
});

test('sorting: a header sorts ascending, again descending, by keyboard too; the link gets rank_by', async () => {
  const { page, problems, close } = await openApp(env, '?explore=1&lang=en');
  try {
    await showExplorer(page, { map: false });
    // The default: the installed accelerator-hour's cost, cheapest first.
    assert.equal(await page.inputValue('#rank-by'), 'cost_per_gpu_hour_eur');
    assertSorted(await column(page, 'cost_per_gpu_hour_eur'), false, 'default ranking');
    assert.equal(await page.locator('#site-table th[aria-sort]').count(), 1, 'one column carries aria-sort');

    await page.click('#site-table button[data-sort="pue"]');
    await waitForSort(page, 'pue', 'ascending');
    assertSorted(await column(page, 'pue'), false, 'pue after one click');
    assert.equal(await page.locator('#site-table th[aria-sort]').count(), 1);
    await waitForParam(page, 'rank_by', 'pue');
    assert.equal(await page.inputValue('#rank-by'), 'pue', 'the rank-by select follows');

    await page.click('#site-table button[data-sort="pue"]');
    await waitForSort(page, 'pue', 'descending');
    assertSorted(await column(page, 'pue'), true, 'pue after a second click');
    await waitForParam(page, 'rank_by', '-pue');

    // Keyboard: focus a header's button, Enter, and Enter again on it.
    await page.focus('#site-table button[data-sort="co2_t_per_year"]');
    await page.keyboard.press('Enter');
    await waitForSort(page, 'co2_t_per_year', 'ascending');
    assertSorted(await column(page, 'co2_t_per_year'), false, 'CO2 after Enter');
    await waitForParam(page, 'rank_by', 'co2_t_per_year');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('#site-table button[data-sort="co2_t_per_year"]')),
      'the focus stays on the header\'s button once the table is drawn again');
    await page.keyboard.press('Enter');
    await waitForSort(page, 'co2_t_per_year', 'descending');
    assertSorted(await column(page, 'co2_t_per_year'), true, 'CO2 after a second Enter');
    await waitForParam(page, 'rank_by', '-co2_t_per_year');

    // The select ranks too (in the direction the table had: it names a result, not an order).
    await page.selectOption('#rank-by', 'water_m3_per_year');
    await page.waitForFunction(() => document.querySelector('#site-table th[data-rank-metric="water_m3_per_year"]')?.hasAttribute('aria-sort'));
    await settle(page);
    const order = await page.getAttribute('#site-table th[data-rank-metric="water_m3_per_year"]', 'aria-sort');
    assertSorted(await column(page, 'water_m3_per_year'), order === 'descending', `water chosen in the select (${order})`);
    await waitForParam(page, 'rank_by', `${order === 'descending' ? '-' : ''}water_m3_per_year`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a row\'s name and a map country (Enter or click) set the site; the map names 27 countries and loads only when opened', async () => {
  const { page, problems, close } = await openApp(env, '?country=DE&lang=en', { serviceWorkers: 'block' });
  try {
    const rec = recordRequests(page);
    // The first visit: closed, in view, and nothing of the map fetched.
    const toggle = page.locator('#explorer-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await page.locator('#explorer').scrollIntoViewIfNeeded();
    await settle(page);
    await frames(page, 30);
    assert.deepEqual(rec.map, [], 'no map file before the explorer opens');
    assert.equal(await page.locator('#eu-map svg').count(), 0);
    assert.ok(await page.locator('#explorer-body').isHidden());
    assert.equal(new URL(page.url()).searchParams.get('explore'), null);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await showExplorer(page);
    assert.equal(rec.map.length, 1, `the map fetched once: ${rec.map.join(' ')}`);
    await waitForParam(page, 'explore', '1');

    // The map: 27 member states, buttons named "Country: value"; the rest is hidden context.
    const countries = await page.$$eval('#eu-map [data-country]', (els) => els.map((e) => ({
      code: e.dataset.country, role: e.getAttribute('role'), tabindex: e.getAttribute('tabindex'),
      label: e.getAttribute('aria-label'), value: e.dataset.value, pressed: e.getAttribute('aria-pressed'),
    })));
    assert.equal(countries.length, 27);
    assert.deepEqual(countries.map((c) => c.code).sort(), EU27);
    const names = Object.fromEntries(await page.$$eval('#site-table button[data-pick]', (bs) => bs.map((b) => [b.dataset.pick, b.textContent.trim()])));
    const ranked = Object.fromEntries((await tableRows(page)).map((r) => [r.country, r.values.cost_per_gpu_hour_eur]));
    for (const c of countries) {
      assert.equal(c.role, 'button', `${c.code} role`);
      assert.equal(c.tabindex, '0', `${c.code} tabindex`);
      assert.ok(c.label && c.label.startsWith(`${names[c.code]}: `) && c.label.length > names[c.code].length + 2,
        `${c.code}: the label "${c.label}" is its name and value`);
      assertClose(parseFloat(c.value), ranked[c.code], 1e-12, `${c.code}: the map's value is the table's`);
      assert.equal(c.pressed, c.code === 'DE' ? 'true' : 'false', `${c.code} aria-pressed`);
    }
    assert.ok((await page.locator('#eu-map g.map-ctx').count()) >= 1, 'context countries');
    assert.equal(await page.locator('#eu-map g.map-ctx').first().getAttribute('aria-hidden'), 'true');
    assert.equal(await page.locator('#eu-map g.map-ctx [data-country]').count(), 0);

    // A row's name sets the site.
    const [before, after] = await change(page, 'co2_t_per_year', () => page.click('#site-table button[data-pick="SE"]'));
    assert.notEqual(after.co2_t_per_year, before.co2_t_per_year);
    assert.equal(await page.inputValue('select[name=country]'), 'SE');
    await page.waitForSelector('#site-table tr[data-country="SE"][aria-current="true"]');
    assert.ok(await page.locator('#site-table tr[data-country="SE"]').evaluate((tr) => tr.classList.contains('current')));
    assert.equal(await page.locator('#site-table tr[aria-current="true"]').count(), 1, 'one current row');
    await page.waitForSelector('#eu-map [data-country="SE"][aria-pressed="true"]');
    assert.equal(await page.locator('#eu-map [aria-pressed="true"]').count(), 1);
    await waitForParam(page, 'country', 'SE');

    // Enter on a focused map country sets the site.
    await page.focus('#eu-map [data-country="FR"]');
    await change(page, 'co2_t_per_year', () => page.keyboard.press('Enter'));
    assert.equal(await page.inputValue('select[name=country]'), 'FR');
    await page.waitForSelector('#site-table tr[data-country="FR"][aria-current="true"]');
    await page.waitForSelector('#eu-map [data-country="FR"][aria-pressed="true"]');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('#eu-map [data-country="FR"]')), 'the focus stays on France');

    // A click inside a country's shape (where the page hit-tests it) sets the site.
    const point = await page.evaluate((code) => {
      const path = document.querySelector(`#eu-map [data-country="${code}"]`);
      path.scrollIntoView({ block: 'center' });
      const b = path.getBoundingClientRect();
      for (let i = 1; i < 24; i++) {
        for (let j = 1; j < 24; j++) {
          const x = b.left + (b.width * i) / 24;
          const y = b.top + (b.height * j) / 24;
          const hit = document.elementFromPoint(x, y);
          if (hit && (hit === path || path.contains(hit))) return { x, y };
        }
      }
      return null;
    }, 'PL');
    assert.ok(point, 'a point of Poland on the map can be clicked');
    await change(page, 'co2_t_per_year', () => page.mouse.click(point.x, point.y));
    assert.equal(await page.inputValue('select[name=country]'), 'PL');
    await page.waitForSelector('#eu-map [data-country="PL"][aria-pressed="true"]');

    // Closing hides it and takes explore out of the link.
    await page.locator('#explorer-toggle').click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await waitForParam(page, 'explore', null);
    assert.ok(await page.locator('#explorer-body').isHidden());
    assert.equal(rec.map.length, 1, 'the map is fetched once');
    assert.deepEqual([...rec.origins], [env.server.url], 'no request to another origin');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

for (const lang of ['en', 'fr']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core: the explorer open, map loaded (${lang}, ${colorScheme})`, async () => {
      const { page, problems, close } = await openApp(env, `?explore=1&country=FR&lang=${lang}`, { colorScheme });
      try {
        await showExplorer(page);
        await page.locator('#sweep-chart').scrollIntoViewIfNeeded();
        await waitForInk(page, ['sweep-chart']);
        await page.locator('#eu-scale tr[data-scale]').first().waitFor();
        if (lang === 'fr') assert.match(await page.locator('#explorer-toggle').innerText(), /Où en Europe/);
        else assert.match(await page.locator('#explorer-toggle').innerText(), /Where in Europe/);
        await settle(page);
        const violations = await axeSerious(page);
        assert.equal(violations.length, 0, describeViolations(violations));
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}

test('offline reload keeps the map (explorer open), and a visit that never opened it can open it offline', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  try {
    page.setDefaultTimeout(20_000);
    const url = `${env.server.url}/?explore=1&country=FI&lang=en`;
    await page.goto(url);
    await waitForMetrics(page);
    await showExplorer(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
    await reloadOffline(page, context, url);
    await showExplorer(page);
    assert.equal(await page.locator('#eu-map [data-country][role=button][aria-label]').count(), 27);
    assert.ok(await page.locator('#explorer .fragment-status').isHidden(), 'no "map could not load" note');
    await context.setOffline(false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  const second = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = second;
    page.setDefaultTimeout(20_000);
    const rec = recordRequests(page);
    const url = `${env.server.url}/?country=FI&lang=en`;
    await page.goto(url);
    await waitForMetrics(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
    assert.deepEqual(rec.map, []);
    await reloadOffline(page, second.context, url);
    await page.locator('#explorer-toggle').click();
    await showExplorer(page);
    assert.equal(await page.locator('#eu-map [data-country][role=button][aria-label]').count(), 27);
    await second.context.setOffline(false);
    assert.deepEqual(second.problems, []);
  } finally {
    await second.context.close();
  }
});

test('the link: explore, rank_by (descending) and sweep open the explorer as asked; bad values get notices and defaults', async () => {
  const good = await openApp(env, '?explore=1&rank_by=-pue&sweep=wacc&lang=en');
  try {
    const { page } = good;
    assert.equal(await page.locator('#explorer-toggle').getAttribute('aria-expanded'), 'true');
    await showExplorer(page, { map: false });
    assert.equal(await page.inputValue('#rank-by'), 'pue');
    assert.equal(await page.inputValue('#sweep-input'), 'wacc');
    assert.equal(await page.locator('#site-table th[data-rank-metric="pue"]').getAttribute('aria-sort'), 'descending');
    assertSorted(await column(page, 'pue'), true, 'rank_by=-pue');
    assert.equal(await page.locator('.notices [data-param]').count(), 0, 'no notice for a good link');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('explore'), '1');
    assert.equal(url.searchParams.get('rank_by'), '-pue');
    assert.equal(url.searchParams.get('sweep'), 'wacc');
    // The sweep follows its select, into the link.
    await page.selectOption('#sweep-input', 'utilization');
    await waitForParam(page, 'sweep', 'utilization');
    // Back to the defaults: they leave the link.
    await page.selectOption('#sweep-input', 'price_eur_per_mwh');
    await waitForParam(page, 'sweep', null);
    // (a header sorts a new column ascending: the default ranking)
    await page.click('#site-table button[data-sort="cost_per_gpu_hour_eur"]');
    await waitForSort(page, 'cost_per_gpu_hour_eur', 'ascending');
    await waitForParam(page, 'rank_by', null);
    assert.equal(new URL(page.url()).searchParams.get('explore'), '1', 'explore=1 while open');
    assert.deepEqual(good.problems, []);
  } finally {
    await good.close();
  }

  const bad = await openApp(env, '?rank_by=nope&sweep=zzz&explore=2&lang=en');
  try {
    const { page } = bad;
    for (const p of ['rank_by', 'sweep', 'explore']) {
      const notice = page.locator(`.notices [data-param="${p}"]`);
      assert.equal(await notice.count(), 1, `a notice for ${p}`);
      assert.ok((await notice.innerText()).includes(p), `the notice names ${p}`);
      assert.ok(await notice.isVisible(), `the notice for ${p} is visible`);
    }
    // explore=2 is ignored: closed, as by default; opened, the defaults rank and sweep.
    assert.equal(await page.locator('#explorer-toggle').getAttribute('aria-expanded'), 'false');
    await page.locator('#explorer-toggle').click();
    await showExplorer(page, { map: false });
    assert.equal(await page.inputValue('#rank-by'), 'cost_per_gpu_hour_eur');
    assert.equal(await page.inputValue('#sweep-input'), 'price_eur_per_mwh');
    assert.equal(await page.locator('#site-table th[data-rank-metric="cost_per_gpu_hour_eur"]').getAttribute('aria-sort'), 'ascending');
    assertSorted(await column(page, 'cost_per_gpu_hour_eur'), false, 'the default ranking');
    await waitForParam(page, 'explore', '1');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('rank_by'), null, 'the bad rank_by is not written back');
    assert.equal(url.searchParams.get('sweep'), null, 'the bad sweep is not written back');
    assert.deepEqual(bad.problems, []);
  } finally {
    await bad.close();
  }
});

test('the sweep offers the form\'s inputs by their link names, each labelled with its unit once', async () => {
  for (const lang of ['en', 'fr']) {
    const { page, problems, close } = await openApp(env, `?explore=1&lang=${lang}`);
    try {
      await showExplorer(page, { map: false });
      const options = await page.$$eval('#sweep-input option', (os) => os.map((o) => ({ value: o.value, text: o.textContent.trim() })));
      assert.ok(options.length >= 10, `${options.length} sweepable inputs`);
      for (const o of options) {
        if (o.value !== 'count') {
          assert.ok((await page.locator(`[name="${o.value}"]:not(#sweep-input):not(#rank-by)`).count()) >= 1, `a field named ${o.value}`);
        }
        const units = o.text.match(/\([^)]*\)/g) ?? [];
        assert.ok(units.length <= 1, `${lang}: "${o.text}" (sweep=${o.value}) says its unit once`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  }
});

test('embedded: ?embed=1&explore=1 shows the map and the table compactly; a set message opens it in a frame', async () => {
  const direct = await openApp(env, '?embed=1&explore=1&country=DE&lang=en', { viewport: { width: 480, height: 900 } });
  try {
    const { page } = direct;
    await page.waitForSelector('main.embed');
    assert.equal(await page.locator('#explorer.compact').count(), 1, 'the compact explorer');
    await showExplorer(page);
    assert.ok(await page.locator('#explorer').isVisible());
    assert.equal(await page.locator('#eu-map [data-country]').count(), 27);
    assert.equal(await page.locator('#sweep-chart').count(), 0, 'no sweep in the compact explorer');
    assert.equal(await page.locator('#eu-scale').count(), 0, 'no EU scale in the compact explorer');
    assert.equal(await page.locator('#explorer-toggle').count(), 0, 'no toggle: the embedding page opens it');
    assert.deepEqual(direct.problems, []);
  } finally {
    await direct.close();
  }

  const host = await openApp(env, 'host-explorer.html', { wait: false });
  try {
    const { page } = host;
    const frame = await frameOf(page, 'planner');
    await waitForMetrics(frame);
    const fl = page.frameLocator('#planner');
    assert.ok(await fl.locator('#explorer').isHidden(), 'closed in the embedded view until asked');
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { explore: 1 } }));
    await fl.locator('#explorer.compact').waitFor({ state: 'visible' });
    await showExplorer(frame);
    assert.equal(await fl.locator('#eu-map [data-country][aria-label]').count(), 27);
    assert.equal(await fl.locator('#sweep-chart').count(), 0);
    await page.waitForFunction(() => new URLSearchParams(document.getElementById('planner').contentWindow.location.search).get('explore') === '1')
      .catch(() => assert.fail(`the frame's link should have explore=1: ${frame.url()}`));
    assert.deepEqual(host.problems, []);
  } finally {
    await host.close();
  }
});

test('the sweep redraws after an edit; the EU scale is the headline times the factories', async () => {
  const { page, problems, close } = await openApp(env, '?explore=1&country=DE&lang=en');
  try {
    await showExplorer(page, { map: false });
    await page.locator('#sweep-chart').scrollIntoViewIfNeeded();
    await waitForInk(page, ['sweep-chart']);
    await settle(page);
    const caption = await page.locator('#sweep-chart figcaption').innerText();
    assert.ok(caption.trim().length > 0, 'the sweep has a caption');

    let hash = await canvasHash(page, '#sweep-chart canvas');
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '40000'));
    assert.ok(await waitForRedraw(page, 'sweep-chart', hash), 'the sweep redraws after the count changes');

    hash = await canvasHash(page, '#sweep-chart canvas');
    await page.selectOption('#sweep-input', 'wacc');
    assert.ok(await waitForRedraw(page, 'sweep-chart', hash), 'the sweep redraws for another input');
    await page.waitForFunction((c) => document.querySelector('#sweep-chart figcaption')?.innerText !== c, caption);

    // The EU scale. Empty: as many factories as hold the call's 3 million accelerators.
    await page.locator('#eu-scale').scrollIntoViewIfNeeded();
    await settle(page);
    const scale = () => page.$$eval('#eu-scale tr[data-scale]', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.scale, parseFloat(tr.dataset.value)])));
    const h = await numbers(page);
    assert.equal(h.accelerator_count, 40000);
    const byDefault = await scale();
    const n0 = Math.ceil(3e6 / h.accelerator_count);
    assertClose(byDefault.accelerators, n0 * h.accelerator_count, 1e-12, 'empty: accelerators of ⌈3 M ÷ count⌉ factories');

    await page.fill('#eu-factories', '10');
    await page.waitForFunction(() => parseFloat(document.querySelector('#eu-scale tr[data-scale="accelerators"]')?.dataset.value) === 400000);
    const s = await scale();
    assert.deepEqual(Object.keys(s).sort(), ['accelerators', 'capex_eur', 'co2_mt_per_year', 'energy_twh', 'grid_connection_gw', 'share_of_eu', 'water_m3_per_year']);
    assertClose(s.accelerators, 10 * h.accelerator_count, 1e-12, 'accelerators');
    assertClose(s.energy_twh, (10 * h.annual_energy_gwh) / 1000, 1e-9, 'energy_twh');
    assertClose(s.grid_connection_gw, (10 * h.grid_connection_mw) / 1000, 1e-9, 'grid_connection_gw');
    assertClose(s.co2_mt_per_year, (10 * h.co2_t_per_year) / 1e6, 1e-9, 'co2_mt_per_year');
    assertClose(s.water_m3_per_year, 10 * h.water_m3_per_year, 1e-9, 'water_m3_per_year');
    assertClose(s.capex_eur, 10 * h.capex_eur, 1e-9, 'capex_eur');
    assertClose(s.share_of_eu / s.energy_twh, byDefault.share_of_eu / byDefault.energy_twh, 1e-9, 'share_of_eu ∝ energy');
    assert.ok(s.share_of_eu > 0 && s.share_of_eu < 1, `share_of_eu ${s.share_of_eu}`);
    assert.equal(await page.getAttribute('#eu-factories', 'aria-invalid'), 'false');

    // Invalid text: marked, said, and the last valid totals kept.
    for (const text of ['abc', '0', '10001']) {
      await page.fill('#eu-factories', text);
      await page.waitForFunction(() => document.querySelector('#eu-factories').getAttribute('aria-invalid') === 'true');
      assert.ok((await page.locator('#eu-factories-error').innerText()).trim().length > 0, `"${text}": a message`);
    }
    await page.fill('#eu-factories', '10000');
    await page.waitForFunction(() => document.querySelector('#eu-factories').getAttribute('aria-invalid') === 'false');
    assert.equal((await page.locator('#eu-factories-error').innerText()).trim(), '');
    assertClose((await scale()).accelerators, 10000 * h.accelerator_count, 1e-12, '10,000 factories');
    // Totals follow the headline: another count, the same factories.
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '20000'));
    await page.waitForFunction(() => parseFloat(document.querySelector('#eu-scale tr[data-scale="accelerators"]')?.dataset.value) === 2e8);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// Issue 17: a saved scenario keeps the explorer's view (src/library.rs, `explore`).
test('a scenario saved with the explorer open reopens it, ranked and swept as saved', async () => {
  const { page, problems, close } = await openApp(env, '?explore=1&rank_by=-pue&sweep=wacc&country=SE&lang=en');
  try {
    await showExplorer(page, { map: false });
    await saveAs(page, 'Explorer view');
    // Away: closed, the defaults, another site.
    await page.selectOption('#rank-by', 'co2_t_per_year');
    await page.selectOption('#sweep-input', 'price_eur_per_mwh');
    await page.locator('#explorer-toggle').click();
    await waitForParam(page, 'explore', null);
    await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'PL'));
    // Open the saved one.
    await item(page, 'Explorer view').locator('button.open').click();
    await page.waitForFunction(() => document.querySelector('select[name=country]').value === 'SE');
    await settle(page);
    const state = {
      open: await page.locator('#explorer-toggle').getAttribute('aria-expanded'),
      rank: await page.inputValue('#rank-by'),
      sweep: await page.inputValue('#sweep-input'),
    };
    assert.deepEqual(state, { open: 'true', rank: 'pue', sweep: 'wacc' }, 'the saved scenario restores the explorer');
    assert.equal(await page.locator('#site-table th[data-rank-metric="pue"]').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
