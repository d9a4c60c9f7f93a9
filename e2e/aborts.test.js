// Every abort is said: a wasm trap of the release build (here with the
// `probes` feature, which adds the panic hook below; a panic, which runs the
// app's hook and then traps; out of memory; `unreachable`; any other trap) shows
// #fatal once, in the page's language, with its reason, leaves the rest of the
// page inert and tells an embedding page.
//
// The traps are provoked through paths the release build really has: the
// allocator wasm-bindgen exports (an impossible request aborts, and requests
// beyond the 4 GiB address space are a genuine out-of-memory abort), its `free`
// given a pointer outside memory, and, for a panic, `panic_for_tests`, a
// one-line export of src/ui/fatal.rs that no URL parameter or message reaches.
// They are entered from a timer, an event listener or a promise job, as the
// app's own code is, so the trap reaches the loader as the page's error or
// unhandledrejection event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { PROBES_DIST, useServerAndBrowser } from './helpers-ui.js';
import { strictPage, waitForMetrics } from './browser.js';

assert.ok(existsSync(PROBES_DIST), `${PROBES_DIST} is missing: run \`make build-probes\``);
const env = useServerAndBrowser({}, PROBES_DIST);

const EN = /^Something went wrong and the planner stopped\. Reload the page to start again; your saved scenarios are kept\. /;
const FR = /^Une erreur a arrêté le planificateur\. Rechargez la page pour recommencer ; vos scénarios enregistrés sont conservés\. /;

// Run in the page (or frame): each provokes one trap, entered the way the app's code is.
const PROVOKE = {
  panic: (message) => setTimeout(() => window.wasmBindings.panic_for_tests(message)),
  // Two gigabytes at a time until the 4 GiB address space is exhausted: the allocator aborts.
  outOfMemory: () => {
    Promise.resolve().then(() => {
      for (let i = 0; i < 4; i++) window.__wasm.__wbindgen_malloc(0x7fff0000, 1);
    });
  },
  // An alignment that is no power of two: the allocator refuses it with `unreachable`.
  unreachable: () => {
    document.body.addEventListener('click', () => window.__wasm.__wbindgen_malloc(8, 3), { once: true });
    document.body.click();
  },
  outOfBounds: () => setTimeout(() => window.__wasm.__wbindgen_free(0xfffffff0, 16, 8)),
};

/** A strict page whose expected errors are the caller's to check; the wasm exports are kept as `__wasm`. */
async function open(query = '') {
  const { context, page, problems } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
  page.setDefaultTimeout(15_000);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.server.url + '/' + query);
  await waitForMetrics(page);
  return { context, page, problems };
}

/** The only console errors and uncaught errors are the ones the trap itself makes. */
function onlyExpected(problems, expected) {
  assert.ok(problems.length > 0, 'the trap reached the page as an uncaught error');
  for (const p of problems) assert.ok(expected.some((re) => re.test(p)), `unexpected: ${p}`);
}

/** The banner, and whether everything else on the page went inert. */
async function banner(page) {
  await page.locator('#fatal').waitFor({ state: 'visible' });
  return page.evaluate(() => {
    const fatal = document.getElementById('fatal');
    return {
      text: fatal.textContent,
      lang: fatal.lang,
      banners: document.querySelectorAll('.fatal:not([hidden])').length,
      live: [...document.body.children].filter((e) => e !== fatal && !e.inert).map((e) => e.tagName),
      sticky: getComputedStyle(fatal).position,
      csp: window.__cspViolations,
    };
  });
}

test('a panic is said once, in French, with its message; the page goes inert', async () => {
  const { page, problems, context } = await open('?lang=fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.evaluate(PROVOKE.panic, 'test panic: boom');
  const b = await banner(page);
  assert.match(b.text, FR);
  assert.ok(b.text.endsWith('(test panic: boom)'), b.text);
  assert.equal(b.lang, 'fr');
  assert.deepEqual(b.live, [], 'nothing but the banner answers');
  assert.equal(b.sticky, 'sticky', 'the banner stays in sight');
  assert.deepEqual(b.csp, []);
  // A second trap of the dead module adds nothing.
  // The click's listener throws during dispatch, and the error is reported to the
  // page's handlers before evaluate returns: nothing to wait for.
  await page.evaluate(PROVOKE.unreachable);
  const again = await banner(page);
  assert.equal(again.text, b.text);
  assert.equal(again.banners, 1);
  onlyExpected(problems, [/^console: panicked at .*\n?test panic: boom/s, /^pageerror: unreachable$/]);
  await context.close();
});

test('traps without a panic are said with their reason, in the language the app shows', async (t) => {
  const cases = [
    { name: 'out of memory in a promise job, after switching to French', provoke: 'outOfMemory', french: true, reason: 'RuntimeError: unreachable' },
    { name: '`unreachable` in an event listener', provoke: 'unreachable', reason: 'RuntimeError: unreachable' },
    { name: 'a memory access out of bounds in a timer', provoke: 'outOfBounds', reason: 'RuntimeError: memory access out of bounds' },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const { page, problems, context } = await open();
      if (c.french) {
        // The app's language, chosen in the page (not in the address it was opened with).
        await page.click('.lang-switch button[lang=fr]');
        await page.waitForFunction(() => document.documentElement.lang === 'fr');
      }
      await page.evaluate(PROVOKE[c.provoke]);
      const b = await banner(page);
      assert.match(b.text, c.french ? FR : EN);
      assert.ok(b.text.endsWith(`(${c.reason})`), b.text);
      assert.equal(b.lang, c.french ? 'fr' : 'en');
      assert.equal(b.banners, 1);
      assert.deepEqual(b.live, []);
      assert.deepEqual(b.csp, []);
      onlyExpected(problems, [new RegExp(`^pageerror: ${c.reason.replace('RuntimeError: ', '')}$`)]);
      await context.close();
    });
  }
});

test('an embedding page is told once, whether a panic or a bare trap stopped the planner', async (t) => {
  for (const kind of ['panic', 'outOfMemory']) {
    await t.test(kind, async () => {
      const { page, context } = await strictPage(env.browser, { viewport: { width: 1024, height: 800 } });
      page.setDefaultTimeout(15_000);
      await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
      await page.route(/\/host\.html$/, (r) => r.fulfill({
        contentType: 'text/html',
        body: `<script>window.msgs = []; addEventListener('message', (e) => msgs.push(e.data));</script><iframe src="${env.server.url}/?embed=1" width="900" height="700"></iframe>`,
      }));
      await page.goto(env.server.url + '/host.html');
      await page.waitForFunction(() => window.msgs.some((m) => m?.type === 'gigafactory-planner:results'));
      const frame = page.frames().find((f) => f.url().includes('embed=1'));
      await frame.evaluate(PROVOKE[kind], 'test panic: embedded');
      await page.waitForFunction(() => window.msgs.some((m) => m?.type === 'gigafactory-planner:error'));
      // Then the dead module traps again: nothing more is said.
      await frame.evaluate(PROVOKE.unreachable);
      // Messages from one window arrive in order: once a sentinel posted after
      // the trap is in, any error message the trap caused would be too.
      await frame.evaluate(() => parent.postMessage({ type: 'test:sentinel' }, '*'));
      await page.waitForFunction(() => window.msgs.some((m) => m?.type === 'test:sentinel'));
      const errors = await page.evaluate(() => window.msgs.filter((m) => m?.type === 'gigafactory-planner:error'));
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.deepEqual(errors[0], {
        type: 'gigafactory-planner:error',
        version: 1,
        errors: [{ name: 'fatal', value: '', reason: kind === 'panic' ? 'test panic: embedded' : 'RuntimeError: unreachable' }],
      });
      assert.match(await frame.locator('#fatal').innerText(), EN);
      await context.close();
    });
  }
});
