// The static site under a strict Content-Security-Policy, with no third-party
// requests, published from any directory of a host, and still working offline
// after the first visit (service worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, reloadOffline } from './helpers-ui.js';
import { strictPage, waitForMetrics, metric } from './browser.js';
import { serve } from './server.js';

const env = useBrowser();

test('index.html has a strict CSP and no inline script', () => {
  const html = readFileSync(resolve(process.env.DIST || resolve(import.meta.dirname, '..', 'dist'), 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta present');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
});

test('the page runs under its CSP, asks nothing of other origins, fetches each asset once and warns of nothing', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1280, height: 900 } });
  const foreign = [], fetched = [], warnings = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== env.server.url) foreign.push(r.url());
    else if (u.protocol.startsWith('http')) fetched.push(u.pathname);
  });
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.server.url);
  await waitForMetrics(page);
  await page.fill('input[name=count]', '20000');
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '20000');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(foreign, []);
  // The page itself fetches each asset once: the preloaded glue and wasm are the
  // ones the loader uses. (The service worker fetches them again to cache them.)
  assert.deepEqual(fetched.filter((p, i) => fetched.indexOf(p) !== i), [], `fetched twice: ${fetched.join(' ')}`);
  assert.ok(fetched.some((p) => p.endsWith('.wasm')), 'the wasm was fetched');
  assert.deepEqual(warnings, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after a first visit the page reloads offline', async () => {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
  await page.goto(`${env.server.url}/?count=30000&country=FI`);
  await waitForMetrics(page);
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
  const before = await metric(page, 'facility_power_mw');
  await reloadOffline(page, context, `${env.server.url}/?count=30000&country=FI`);
  assert.equal(await metric(page, 'facility_power_mw'), before);
  assert.equal(await metric(page, 'accelerator_count'), 30000);
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('published below the root of a host, the page loads, links to itself there and caches its scope only', async (t) => {
  const base = '/tools/planner/';
  // Another page of the host's directory, which the service worker must leave alone.
  const other = ['text/html', '<!doctype html><title>Other</title><p>Another page of the host</p>'];
  const server = await serve(undefined, { base, extraRoutes: { '/other.html': other } });
  t.after(() => server.close());
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  // Without its trailing slash the directory redirects, as static hosts do.
  page.setDefaultTimeout(15_000);
  await page.goto(server.url.slice(0, -1) + '?count=30000&country=FI');
  await waitForMetrics(page).catch((e) => assert.fail(`no numbers (${e.message.split('\n')[0]}); failed requests: ${missing.join(', ')}`));
  assert.equal(new URL(page.url()).pathname, base);
  assert.equal(await metric(page, 'accelerator_count'), 30000);
  // The stylesheet applied (its grid lays the cards side by side at this width).
  const tops = await page.evaluate(() => [...document.querySelectorAll('.kpi')].slice(0, 2).map((e) => Math.round(e.getBoundingClientRect().top)));
  assert.equal(tops[0], tops[1], 'the stylesheet lays the first two cards side by side');
  await page.click('#copy-link');
  await page.locator('#share-status').waitFor();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(link.pathname, base, 'the shared link points at the same directory');
  assert.equal(link.searchParams.get('count'), '30000');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, base, 'the service worker covers the directory it is served from');
  assert.deepEqual(missing, []);
  assert.deepEqual(problems, []);
  // Visiting the other page under the worker's control keeps the planner as the page kept for offline use.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(server.url + 'other.html');
  assert.equal(await page.title(), 'Other');
  const kept = await page.evaluate(async () => (await caches.match(new URL('./', location.href).href))?.text());
  assert.match(kept ?? '', /Content-Security-Policy/, 'the kept page is still the planner');
  await context.close();
});

test('when the wasm cannot load or compile, the page says so (in its language) and tells an embedding page', async (t) => {
  const cases = [
    { name: 'the wasm download fails', query: '', block: (p) => p.route(/_bg\.wasm$/, (r) => r.abort('internetdisconnected')), text: /could not start.*reload the page/i },
    // The last valid lang parameter counts, as in the app.
    { name: 'the glue is missing, in French', query: '?lang=fr&lang=xx', lang: 'fr', block: (p) => p.route(/planner-[0-9a-f]+\.js$/, (r) => r.fulfill({ status: 404, body: 'not found' })), text: /n'a pas pu démarrer.*rechargez la page/i },
    {
      name: "the host's policy forbids compiling wasm",
      query: '',
      block: (p) => p.route((u) => u.pathname.endsWith('/'), async (r) => {
        const res = await r.fetch();
        r.fulfill({ response: res, body: (await res.text()).replace(" 'wasm-unsafe-eval'", '') });
      }),
      text: /could not start.*security policy must allow WebAssembly.*\(.*WebAssembly/i,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const { page, context } = await strictPage(env.browser, { viewport: { width: 800, height: 600 } });
      page.setDefaultTimeout(15_000);
      await c.block(page);
      await page.goto(env.server.url + '/' + c.query);
      const fatal = page.locator('#fatal');
      await fatal.waitFor({ state: 'visible' });
      assert.match(await fatal.innerText(), c.text);
      assert.equal(await fatal.getAttribute('lang'), c.lang ?? 'en');
      assert.equal(await page.locator('[data-metric]').count(), 0);
      await context.close();
    });
  }
  await t.test('embedded', async () => {
    const { page, context } = await strictPage(env.browser, { viewport: { width: 800, height: 600 } });
    page.setDefaultTimeout(15_000);
    await page.route(/_bg\.wasm$/, (r) => r.abort('internetdisconnected'));
    await page.route(/\/host\.html$/, (r) => r.fulfill({
      contentType: 'text/html',
      body: `<script>window.msgs = []; addEventListener('message', (e) => msgs.push(e.data));</script><iframe src="${env.server.url}/?embed=1"></iframe>`,
    }));
    await page.goto(env.server.url + '/host.html');
    await page.waitForFunction(() => window.msgs.length > 0);
    const [m] = await page.evaluate(() => window.msgs);
    assert.equal(m.type, 'gigafactory-planner:error');
    assert.equal(m.errors[0].name, 'startup');
    assert.match(m.errors[0].reason, /\S/);
    await context.close();
  });
});
