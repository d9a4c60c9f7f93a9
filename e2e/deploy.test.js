// Deploys that cannot mix releases: every asset is named by its content, and the
// service worker serves a page only with its own assets, across a deploy, online
// and offline, whether or not the new worker could be fetched.
//
// Release 1 is the build under test; release 2 is the same build with a changed
// glue (as a release that changes only the build tooling ships), renamed by the
// build's own steps (nameByContent, writeServiceWorker of scripts/post-build.mjs).
// Its glue sets a marker, so the page says which release it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useBrowser } from './helpers-ui.js';
import { strictPage, waitForMetrics } from './browser.js';
import { serve } from './server.js';
import { nameByContent, writeServiceWorker } from '../scripts/post-build.mjs';

const env = useBrowser();
const DIST = process.env.DIST || resolve(import.meta.dirname, '..', 'dist');
const GLUE = /^gigafactory-planner-[0-9a-f]+\.js$/;
let tmp, r1, r2;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'planner-deploy-'));
  r1 = join(tmp, 'r1');
  r2 = join(tmp, 'r2');
  cpSync(DIST, r1, { recursive: true });
  cpSync(DIST, r2, { recursive: true });
  const glue = readdirSync(r2).find((f) => GLUE.test(f));
  writeFileSync(join(r2, glue), 'globalThis.plannerRelease = 2;\n' + readFileSync(join(r2, glue), 'utf8'));
  nameByContent(r2);
  writeServiceWorker(r2);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const file = (dir, re) => readdirSync(dir).find((f) => re.test(f));
const cacheName = (dir) => readFileSync(join(dir, 'sw.js'), 'utf8').match(/const CACHE = PREFIX \+ '([0-9a-f]+)'/)[1];

/** Each asset's name carries the hash of its bytes, and each integrity attribute matches the file it names. */
function assertNamedByContent(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const f of readdirSync(dir).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== 'sw.js')) {
    const [, h] = f.match(/-([0-9a-f]{16})(?:_bg\.wasm|\.js|\.css)$/) ?? assert.fail(`${f} carries no hash`);
    assert.equal(createHash('sha256').update(readFileSync(join(dir, f))).digest('hex').slice(0, 16), h, f);
    assert.ok(html.includes(`./${f}`), `index.html links ${f}`);
  }
  const tags = html.match(/<(?:link|script)\b[^>]*\bintegrity=[^>]*>/g) ?? [];
  assert.ok(tags.length >= 2, 'the glue and the stylesheet carry integrity');
  for (const tag of tags) {
    const ref = tag.match(/\b(?:href|src)=["']?\.\/([^"'\s>]+)/)[1];
    const sri = tag.match(/\bintegrity=["']?(sha384-[A-Za-z0-9+/=]+)/)[1];
    assert.equal(sri, 'sha384-' + createHash('sha384').update(readFileSync(join(dir, ref))).digest('base64'), ref);
  }
}

test('every asset is named by a hash of its content, and a changed glue gets new names all the way up', () => {
  assertNamedByContent(DIST);
  assertNamedByContent(r2);
  const names = (dir) => readdirSync(dir).sort();
  const [a, b] = [names(r1), names(r2)];
  // The same wasm and stylesheet; a new glue, and a new loader, since it imports the glue by name.
  for (const re of [/_bg\.wasm$/, /^main-.*\.css$/]) assert.equal(file(r1, re), file(r2, re));
  for (const re of [GLUE, /^init-.*\.js$/]) assert.notEqual(file(r1, re), file(r2, re));
  assert.equal(a.length, b.length);
  const loader = readFileSync(join(r2, file(r2, /^init-.*\.js$/)), 'utf8');
  assert.ok(loader.includes(`./${file(r2, GLUE)}`), 'the loader imports the new glue');
  assert.ok(loader.includes(`./${file(r2, /_bg\.wasm$/)}`), 'the loader loads the wasm');
  assert.notEqual(cacheName(r1), cacheName(r2), 'one cache per release');
});

/** A fresh context on release 1, with its service worker installed and in control. */
async function openRelease1(server) {
  const { page, problems, context } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
  page.setDefaultTimeout(20_000);
  await page.goto(server.url + '/?count=30000');
  await waitForMetrics(page);
  assert.equal(await release(page), 1);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { page, problems, context };
}

/** Poll `check` (async; page.waitForFunction does not wait for a promise's value) until it holds. */
async function until(check, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out: ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const release = (page) => page.evaluate(() => globalThis.plannerRelease ?? 1);
/** The name of the glue the page runs. */
const glueRun = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)).find((p) => /^gigafactory-planner-[0-9a-f]+\.js$/.test(p)));
/** Each release cache's kept page, by cache name: which loader it links. */
const keptPages = (page) => page.evaluate(async () => {
  const out = {};
  for (const k of await caches.keys()) {
    const res = await (await caches.open(k)).match('./');
    out[k.replace('gigafactory-planner-', '')] = res ? (await res.text()).match(/init-[0-9a-f]+\.js/)?.[0] : null;
  }
  return out;
});

/**
 * Reload with the network cut. A request through the worker first, so that it is
 * running: on this loaded 2-core machine Chrome sometimes gives up starting it in
 * time and sends the navigation to the (offline) network; such a reload is tried
 * once more (see security.test.js).
 */
async function reloadOffline(page, context, url) {
  // Controlled by a worker, and that worker running (a request through it).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(() => fetch('./sw.js').then((r) => r.text()).catch(() => {}));
  await context.setOffline(true);
  try {
    await page.reload();
  } catch (e) {
    if (!/ERR_INTERNET_DISCONNECTED/.test(e.message)) throw e;
    // The failed attempt started the worker: the second one finds it running.
    await page.goto(url);
  }
  await waitForMetrics(page);
}

test('after a deploy the page runs the new release, online and then offline from the new worker', async (t) => {
  const server = await serve(r1);
  t.after(() => server.close());
  const { page, problems, context } = await openRelease1(server);
  server.setRoot(r2);

  // Online: the network's page, with its own assets (the old worker lacks them).
  await page.reload();
  await waitForMetrics(page);
  assert.equal(await release(page), 2);
  assert.equal(await glueRun(page), file(r2, GLUE));
  // The browser checks for a new worker after a navigation: release 2's installs and takes over.
  await until(() => page.evaluate(async (name) => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' && !reg.installing && !reg.waiting && (await caches.keys()).includes(name);
  }, 'gigafactory-planner-' + cacheName(r2)), 'the new worker is active');
  // Each cache holds its own release's page: the old worker did not keep the new page.
  assert.deepEqual(await keptPages(page), {
    [cacheName(r1)]: file(r1, /^init-.*\.js$/),
    [cacheName(r2)]: file(r2, /^init-.*\.js$/),
  });

  await reloadOffline(page, context, server.url + '/?count=30000');
  assert.equal(await release(page), 2);
  assert.equal(await glueRun(page), file(r2, GLUE));
  assert.equal(await page.locator('[data-metric=accelerator_count]').getAttribute('data-value'), '30000');
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the new worker cannot be fetched, the new release runs online and the old one, whole, offline', async (t) => {
  const routes = {};
  const server = await serve(r1, { extraRoutes: routes });
  t.after(() => server.close());
  const { page, problems, context } = await openRelease1(server);
  server.setRoot(r2);
  routes['/sw.js'] = ['text/plain', 'not found', 404];

  await page.reload();
  await waitForMetrics(page);
  assert.equal(await release(page), 2);
  const update = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => 'updated', (e) => e.name));
  assert.notEqual(update, 'updated', 'the update failed');
  // Release 1's worker is still in charge, and kept nothing of release 2.
  assert.deepEqual(await keptPages(page), { [cacheName(r1)]: file(r1, /^init-.*\.js$/) });

  await reloadOffline(page, context, server.url + '/?count=30000');
  assert.equal(await release(page), 1);
  assert.equal(await glueRun(page), file(r1, GLUE));
  assert.equal(await page.locator('[data-metric=accelerator_count]').getAttribute('data-value'), '30000');
  await context.setOffline(false);
  // The only complaints are the browser's about the missing worker script.
  for (const p of problems) assert.match(p, /^console: Failed to load resource: the server responded with a status of 404/);
  await context.close();
});
