// Every state honest and in view: a refusal is marked on its inputs and said
// where the eye is, figures of other inputs are marked stale or withdrawn, and
// half-typed values never drive the results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, settle, frames } from './helpers-ui.js';

const env = useBrowser();

const WIDTHS = [390, 1440];
const LANGS = ['en', 'fr'];

/** Every headline element: its metric, data-value and data-stale. */
const cards = (page) =>
  page.$$eval('[data-metric]', (els) => els.map((e) => ({ m: e.dataset.metric, v: e.dataset.value, stale: e.dataset.stale })));

/** Whether some element matching `selector` is visible and inside the viewport. */
const inViewport = (page, selector) =>
  page.$$eval(selector, (els) => els.some((e) => {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return style.display !== 'none' && style.visibility !== 'hidden' && r.height > 0
      && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }));

for (const width of WIDTHS) {
  for (const lang of LANGS) {
    test(`a refused combination is marked, said in view and greys every figure (${width} px, ${lang})`, async () => {
      const { page, problems, close } = await openApp(env, `?lang=${lang}`, { viewport: { width, height: 850 } });
      try {
        // Scrolled far from the results, as a planner reading the charts.
        await page.locator('#chart-cumulative').scrollIntoViewIfNeeded();
        await settle(page);
        await page.selectOption('#in-accelerator', 'gb200');
        await page.selectOption('#in-cooling', 'air');
        await page.locator('.model-error').waitFor();
        for (const id of ['in-cooling', 'in-accelerator']) {
          assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', `${id} is marked`);
          const said = await page.locator(`#${id}-error`).innerText();
          assert.match(said, lang === 'fr' ? /refroidissement/ : /cooling/, `${id} says why beside it`);
          assert.match(await page.getAttribute(`#${id}`, 'aria-describedby'), new RegExp(`${id}-error`));
        }
        assert.equal(await page.locator('.model-error').getAttribute('role'), 'alert', 'announced');
        // The reason is on screen wherever the page is: where the charts are…
        assert.ok(await inViewport(page, '.stale-note, .summary-bar.shown .summary-stale'), 'in view at the charts');
        // …and where the offending input is.
        await page.locator('#in-cooling').scrollIntoViewIfNeeded();
        await frames(page, 3);
        assert.ok(await inViewport(page, '.stale-note, .summary-bar.shown .summary-stale'), 'in view at the input');
        // Every figure belongs to the last valid inputs and says so.
        for (const c of await cards(page)) {
          assert.ok(c.stale === 'true' || c.v === undefined, `${c.m} is marked stale or withdrawn`);
        }
        const note = await page.locator('.stale-note').first().innerText();
        assert.match(note, lang === 'fr' ? /diffèrent par .*Refroidissement|diffèrent par .*refroidissement/i : /differ in .*Cooling/i, 'names the inputs that differ');
        // The summary bar of a phone never repeats the old figures (it follows
        // the inputs once they settle when it is off screen, as here at 1440 px).
        await settle(page);
        assert.equal(await page.locator('.summary-bar [data-summary]').count(), 0);
        // A valid choice again: marks and notes go.
        await page.selectOption('#in-cooling', 'dlc');
        await page.locator('.stale-note').first().waitFor({ state: 'detached' });
        assert.equal(await page.getAttribute('#in-cooling', 'aria-invalid'), 'false');
        for (const c of await cards(page)) assert.equal(c.stale, undefined, `${c.m} is current again`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}

test('a link to a refused scenario shows its own inputs, the refusal and no figures', async () => {
  for (const lang of LANGS) {
    const { page, problems, close } = await openApp(env, `?accelerator=gb200&cooling=air&count=5000&country=SE&lang=${lang}`, { wait: false });
    try {
      await page.locator('.model-error').waitFor();
      assert.equal(await page.inputValue('#in-count'), '5000');
      assert.equal(await page.inputValue('#in-cooling'), 'air');
      assert.equal(await page.inputValue('#in-country'), 'SE');
      const all = await cards(page);
      assert.ok(all.length >= 17);
      for (const c of all) assert.equal(c.v, undefined, `${c.m} shows no figure`);
      const values = await page.$$eval('.kpi-value, .kpi-range', (els) => els.map((e) => e.textContent).join(' '));
      assert.doesNotMatch(values, /\d/, 'no digit in the cards');
      assert.match(await page.locator('.model-error').innerText(), lang === 'fr' ? /Aucun chiffre/ : /No figures/);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  }
});

test('typing 1e9 into the count never shows figures computed for 1, and the field waits', async () => {
  for (const width of WIDTHS) {
    const { page, problems, close } = await openApp(env, '?lang=en', { viewport: { width, height: 850 } });
    try {
      // Record every value the count card takes from now on.
      await page.evaluate(() => {
        const el = document.querySelector('[data-metric="accelerator_count"]');
        window.__seen = [el.dataset.value];
        new MutationObserver(() => window.__seen.push(el.dataset.value)).observe(el, { attributes: true });
      });
      await page.fill('#in-count', '');
      await page.locator('#in-count').pressSequentially('1e9', { delay: 60 });
      // Once the typing pauses, the field says the value is refused.
      await page.waitForFunction(() => document.querySelector('#in-count').getAttribute('aria-invalid') === 'true');
      await settle(page);
      const seen = await page.evaluate(() => window.__seen);
      assert.ok(seen.every((v) => v === '100000'), `only the last valid count was shown: ${seen}`);
      assert.equal(await page.getAttribute('#in-count', 'aria-invalid'), 'true');
      for (const c of await cards(page)) assert.equal(c.stale, 'true', `${c.m} is marked stale`);
      assert.match(await page.locator('.stale-note').first().innerText(), /Accelerator count/);
      // A complete valid value is used once the typing pauses…
      await page.fill('#in-count', '5000');
      await page.waitForFunction(() => document.querySelector('[data-metric="accelerator_count"]').dataset.value === '5000');
      await settle(page);
      for (const c of await cards(page)) assert.equal(c.stale, undefined, `${c.m} is current`);
      // …or at once on Enter.
      await page.fill('#in-count', '7000');
      await page.press('#in-count', 'Enter');
      assert.equal(await page.locator('[data-metric="accelerator_count"]').getAttribute('data-value'), '7000');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  }
});

test('a half-typed MFU leaves the figures marked, not recomputed', async () => {
  const { page, problems, close } = await openApp(env, '?lang=fr');
  try {
    const before = await cards(page);
    await page.fill('#in-mfu', '1,5');
    await page.locator('#in-mfu-error').waitFor();
    await settle(page);
    await frames(page, 10);
    const after = await cards(page);
    for (const [i, c] of after.entries()) {
      assert.equal(c.v, before[i].v, `${c.m} not recomputed`);
      assert.equal(c.stale, 'true', `${c.m} marked`);
    }
    assert.match(await page.locator('.stale-note').first().innerText(), /Pas encore pris en compte/);
    await page.fill('#in-mfu', '0,4');
    await page.locator('.stale-note').first().waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('budget fields group their digits as the page\'s language does, and read back the same', async () => {
  for (const [lang, grouped] of [['en', /^\d{1,3}(,\d{3})+$/], ['fr', /^\d{1,3}(\u202f\d{3})+$/]]) {
    const { page, problems, close } = await openApp(env, `?lang=${lang}`);
    try {
      const count = await page.getAttribute('[data-metric="accelerator_count"]', 'data-value');
      await page.selectOption('#in-size-by', 'capex_eur');
      await page.locator('#in-capex').waitFor();
      const shown = await page.inputValue('#in-capex');
      assert.match(shown, grouped, `grouped: ${shown}`);
      // The grouped budget sizes the same factory, and typing it grouped works too.
      await settle(page);
      assert.equal(await page.getAttribute('[data-metric="accelerator_count"]', 'data-value'), count);
      await page.fill('#in-capex', shown);
      await page.press('#in-capex', 'Enter');
      assert.equal(await page.getAttribute('#in-capex', 'aria-invalid'), 'false');
      assert.equal(await page.getAttribute('[data-metric="accelerator_count"]', 'data-value'), count);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  }
});
