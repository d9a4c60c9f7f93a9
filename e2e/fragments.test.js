// The method, the sources and the published checks are not in the first visit:
// the release ships them as fragments (fragments/*.html, named by content, listed
// in index.html's <meta name="fragment:…">), and each panel fetches its own, in
// the page's language, once it comes within a screen of view. The service
// worker keeps them, so an offline reload still shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useBrowser, openApp, settle, reloadOffline, frames } from './helpers-ui.js';
import { strictPage, waitForMetrics } from './browser.js';

const env = useBrowser();
const DIST = process.env.DIST || resolve(import.meta.dirname, '..', 'dist');

/** The fragments the page itself fetches (not the service worker), as "method.en" or "checks.fr". */
function recordFragments(page) {
  const asked = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/fragments\/(\w+\.\w+)-[0-9a-f]{16}\.html$/);
    if (m && !r.serviceWorker()) asked.push(m[1]);
  });
  return asked;
}

/** Scroll `selector` into view and wait until `loaded` (a selector inside it) is there. */
async function reach(page, selector, loaded) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.locator(`${selector} ${loaded}`).first().waitFor();
}

/** Scroll to the foot of the page, where the method and the sources are. */
async function showAll(page) {
  await reach(page, '#checks', 'tr[data-check]');
  await reach(page, '#sources', '[data-source]');
  await page.locator('#method [data-model-version]').waitFor();
}

test('the release ships one fragment per panel and language, outside the first visit', () => {
  const names = readdirSync(join(DIST, 'fragments')).map((f) => f.replace(/-[0-9a-f]{16}(\.html|\.svg|\.js|\.css|_bg\.wasm)$/, '$1')).sort();
  assert.deepEqual(names, [
    'checks.en.html', 'checks.fr.html', 'explore.css', 'explore.js', 'explore_bg.wasm', 'map.svg', 'method.en.html', 'method.fr.html',
  ]);
  // scripts/size.mjs counts the html, js, css and wasm at the root of dist/ only.
  assert.ok(!readdirSync(DIST).some((f) => /^(checks|method|map|explore)[.-]/.test(f)));
});

test('no fragment until its panel comes near; then it loads once, in the page\'s language, and again in French', async () => {
  const { page, problems, close } = await openApp(env, '?lang=en', { serviceWorkers: 'block' });
  try {
    const asked = recordFragments(page);
    await settle(page);
    // Frames for anything eager to show itself.
    await frames(page, 30);
    assert.deepEqual(asked, [], 'nothing fetched at the top of the page');
    assert.match(await page.locator('#method').innerText(), /Loading…/);
    assert.match(await page.locator('#checks').innerText(), /Loading…/);
    assert.equal(await page.locator('[data-source], tr[data-check]').count(), 0);

    await reach(page, '#checks', 'tr[data-check]');
    assert.ok((await page.locator('#checks tr[data-check]').count()) >= 6);
    assert.ok(asked.includes('checks.en'), asked.join(' '));
    await showAll(page);
    assert.deepEqual([...asked].sort(), ['checks.en', 'method.en'], 'each fetched once');
    assert.match(await page.locator('#method').innerText(), /^Method\s+Model \d/);
    assert.ok((await page.locator('#sources li[data-source]').count()) > 40);
    assert.equal(await page.locator('#src-nvidia-hopper a[href^="https://"]').count(), 1);
    assert.equal(await page.locator('#method [data-model-version]').getAttribute('data-model-version'), await page.locator('#method [data-model-version]').innerText().then((t) => t.replace(/^Model /, '')));

    // The language changes while they are loaded: the French ones come.
    await page.click('.lang-switch button[lang=fr]');
    await page.waitForFunction(() => /Modèle/.test(document.querySelector('#method').innerText) && /Charger/.test(document.querySelector('#checks').innerText));
    assert.deepEqual([...asked].sort(), ['checks.en', 'checks.fr', 'method.en', 'method.fr']);
    // And back: already here, not fetched again.
    await page.click('.lang-switch button[lang=en]');
    await page.waitForFunction(() => /Model \d/.test(document.querySelector('#method').innerText));
    assert.equal(asked.length, 4);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a French page fetches the French fragments only', async () => {
  const { page, problems, close } = await openApp(env, '?lang=fr', { serviceWorkers: 'block' });
  try {
    const asked = recordFragments(page);
    await showAll(page);
    assert.deepEqual([...asked].sort(), ['checks.fr', 'method.fr']);
    assert.match(await page.locator('#method').innerText(), /Modèle[\s\S]*Entraînement/);
    assert.match(await page.locator('#checks tr[data-check="llama31-405b-gpu-hours"] th').innerText(), /heures-H100/);
    assert.match(await page.locator('#sources').innerText(), /estimation/i);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('after a first visit that never scrolled to them, an offline reload still shows the fragments, in both languages', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
  try {
    page.setDefaultTimeout(20_000);
    const asked = recordFragments(page);
    await page.goto(`${env.server.url}/?lang=en`);
    await waitForMetrics(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
    assert.deepEqual(asked, []);
    await reloadOffline(page, context, `${env.server.url}/?lang=en`);
    await showAll(page);
    assert.match(await page.locator('#method').innerText(), /Model \d/);
    await page.click('.lang-switch button[lang=fr]');
    await page.waitForFunction(() => /Modèle/.test(document.querySelector('#method').innerText) && /Charger/.test(document.querySelector('#checks').innerText));
    await context.setOffline(false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a fragment that cannot be fetched is said in its panel, the page runs on, and it loads when it comes back in view', async () => {
  const { page, problems, close } = await openApp(env, '?lang=en', { serviceWorkers: 'block' });
  try {
    let blocked = true;
    await page.route('**/fragments/**', (r) => (blocked ? r.abort('internetdisconnected') : r.continue()));
    await page.locator('#checks').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('#checks').innerText));
    assert.equal(await page.locator('[data-metric=accelerator_count]').getAttribute('data-value'), '100000');
    // Back online: away from the panel and back to it.
    blocked = false;
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page, 10);
    await reach(page, '#checks', 'tr[data-check]');
    // The only complaints are the browser's about the failed requests.
    for (const p of problems) assert.match(p, /Failed to load resource/);
  } finally {
    await close();
  }
});
