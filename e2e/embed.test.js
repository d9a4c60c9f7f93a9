// The embedded view (?embed=1) in iframes: it renders in sandboxed frames whose
// storage throws, talks to its parent page only (results, height, set, error),
// fits narrow frames, and the embed code and docs/embed-example.html work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { METRICS, EMBED_METRICS, settle, snapshot, ensureScreenshotDir } from './helpers-ui.js';
import {
  useServerAndBrowser, openPlanner, hostPage, messages, nextMessage, frameOf, finiteMetrics, horizontalOverflow,
  roundTrip,
} from './helpers-scenarios.js';

const EMBED = '/?embed=1&count=20000&country=DE&lang=en';

const env = useServerAndBrowser({
  extraRoutes: {
    '/host-opaque.html': ['text/html; charset=utf-8', hostPage([{ id: 'planner', src: EMBED, sandbox: 'allow-scripts' }])],
    '/host-sandboxed-same-origin.html': ['text/html; charset=utf-8',
      hostPage([{ id: 'planner', src: EMBED, sandbox: 'allow-scripts allow-same-origin' }])],
    // The planner and a sibling frame (same origin as the host) that tries to drive it.
    '/host.html': ['text/html; charset=utf-8', hostPage([
      { id: 'planner', src: EMBED, width: 400, height: 600 },
      { id: 'other', srcdoc: '<!doctype html><title>other</title><p>another frame</p>', width: 200, height: 50 },
    ], `<script>
// Fit the planner's frame to its content, as docs/embed-example.html does.
addEventListener('message', (e) => {
  const f = document.getElementById('planner');
  if (e.source === f.contentWindow && e.data && e.data.type === 'gigafactory-planner:height') f.style.height = Math.ceil(e.data.height) + 'px';
});
</script>`)],
    '/blank.html': ['text/html; charset=utf-8', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body style="margin:0"></body></html>'],
  },
  extraFiles: { '/embed-example.html': resolve(import.meta.dirname, '..', 'docs', 'embed-example.html') },
});

/** A watched page on the host page at `path` ('/host.html'). */
const openHost = (path) => openPlanner(env, path.slice(1), { wait: false });

/** A results message agrees with the metrics shown in the frame. */
function assertSameMetrics(message, shown, what) {
  assert.deepEqual(Object.keys(message.metrics).sort(), [...METRICS].sort(), `${what}: every metric`);
  for (const m of Object.keys(shown)) {
    const a = message.metrics[m];
    const b = shown[m];
    assert.ok(Number.isFinite(a) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${m} ${a} vs shown ${b}`);
  }
}

for (const [label, path, opaque] of [
  ['sandbox="allow-scripts" (opaque origin, storage throws)', '/host-opaque.html', true],
  ['sandbox="allow-scripts allow-same-origin"', '/host-sandboxed-same-origin.html', false],
]) {
  test(`embedded in an iframe with ${label}: renders, posts results and height, accepts set`, async (t) => {
    const { context, page, problems } = await openHost(path);
    const frame = await frameOf(page, 'planner');
    const shown = await finiteMetrics(frame);
    assert.equal(shown.accelerator_count, 20000, 'the URL presets the embedded scenario');
    assert.equal(await page.frameLocator('#planner').locator('main.embed').count(), 1, 'the compact view');
    assert.equal(await page.frameLocator('#planner').locator('[data-metric]').count(), EMBED_METRICS.length);

    const storage = await frame.evaluate(() => { try { void localStorage.length; return 'usable'; } catch (e) { return e.name; } });
    assert.equal(storage, opaque ? 'SecurityError' : 'usable', 'touching localStorage in the frame');

    const results = await nextMessage(page, 'planner', 'results');
    assert.equal(results.version, 1);
    assert.equal(results.origin, opaque ? 'null' : env.server.url);
    assertSameMetrics(results, shown, 'results message');
    assert.match(results.query, /(^|&)count=20000(&|$)/);
    const height = await nextMessage(page, 'planner', 'height');
    assert.equal(height.version, 1);
    assert.ok(Number.isFinite(height.height) && height.height > 200, `height ${height.height}`);

    // The app still works: a set message from the parent changes the results.
    const n = (await messages(page, 'planner', 'results')).length;
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { count: 5000, country: 'FR' } }));
    await frame.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '5000');
    const after = await nextMessage(page, 'planner', 'results', n);
    // Cards below the frame's screen (600 px of a taller page) take their new
    // values once the inputs settle (120 ms), as on the full page.
    await frame.waitForFunction((m) => Object.entries(m).every(([k, v]) => {
      const e = document.querySelector(`[data-metric="${k}"]`);
      return e && Math.abs(parseFloat(e.dataset.value) - v) <= 1e-9 * Math.max(1, Math.abs(v));
    }), after.metrics, { timeout: 5000 }).catch(() => {});
    assertSameMetrics(after, await finiteMetrics(frame), 'results after set');
    assert.match(after.query, /(^|&)country=FR(&|$)/);

    await t.test('the embedded view is styled', async () => {
      const display = await frame.evaluate(() => getComputedStyle(document.querySelector('main.embed')).display);
      assert.equal(display, 'flex', 'main.css applies (main.embed is a flex column)');
    });
    await t.test('no console errors or page errors', async () => {
      assert.deepEqual(problems, []);
    });
    await context.close();
  });
}

test('embedded: messages to and from the parent page only; fits 400 and 800 px frames', async (t) => {
  const { context, page, problems } = await openHost('/host.html');
  const frame = await frameOf(page, 'planner');
  const other = await frameOf(page, 'other');
  const fl = page.frameLocator('#planner');
  await finiteMetrics(frame);
  const count = () => frame.evaluate(() => document.querySelector('[data-metric=accelerator_count]').dataset.value);

  await t.test('height and results messages arrive', async () => {
    const results = await nextMessage(page, 'planner', 'results');
    assertSameMetrics(results, await finiteMetrics(frame), 'first results');
    const h = await nextMessage(page, 'planner', 'height');
    assert.ok(h.height > 200, `height ${h.height}`);
  });

  await t.test('a set message from the parent changes the data-values and the next results message', async () => {
    const before = await finiteMetrics(frame);
    const n = (await messages(page, 'planner', 'results')).length;
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { count: 5000, country: 'FR' } }));
    await frame.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '5000');
    await settle(frame);
    const shown = await finiteMetrics(frame);
    assert.notEqual(shown.co2_t_per_year, before.co2_t_per_year, 'the country changed the CO2');
    assert.equal(await fl.locator('select[name=country]').inputValue(), 'FR', 'the compact inputs follow');
    const next = await nextMessage(page, 'planner', 'results', n);
    assertSameMetrics(next, shown, 'results after set');
    assert.match(next.query, /(^|&)count=5000(&|$)/);
    assert.match(next.query, /(^|&)country=FR(&|$)/);
    const url = new URL(frame.url());
    assert.equal(url.searchParams.get('embed'), '1', 'the frame keeps embed=1 in its URL');
  });

  await t.test('an invalid set message gets an error reply and changes nothing', async () => {
    const shown = await snapshot(frame);
    const e0 = (await messages(page, 'planner', 'error')).length;
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { utilization: 7, country: 'XX' } }));
    const reply = await nextMessage(page, 'planner', 'error', e0);
    assert.equal(reply.version, 1);
    assert.deepEqual(reply.errors.map((e) => e.name).sort(), ['country', 'utilization']);
    for (const e of reply.errors) {
      assert.equal(typeof e.value, 'string');
      assert.ok(typeof e.reason === 'string' && e.reason.length > 0, `a reason for ${e.name}`);
    }
    // A malformed message of ours is answered too; a foreign one is not.
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: 'count=1' }));
    const malformed = await nextMessage(page, 'planner', 'error', e0 + 1);
    assert.equal(malformed.errors[0].name, 'message');
    await page.evaluate(() => window.send('planner', { type: 'someone-else:hello', params: {} }));
    // A reply to the foreign message would come before the reply to a later one of ours.
    await roundTrip(page, 'planner', 'after-foreign');
    const replies = (await messages(page, 'planner', 'error')).slice(e0 + 2);
    assert.deepEqual(replies.map((r) => r.errors[0].reason), ['unknown message type "gigafactory-planner:after-foreign"'],
      'no reply to a foreign message');
    assert.deepEqual(await snapshot(frame), shown, 'the data-values are unchanged');
  });

  await t.test('inputs the model refuses get an error, never the last figures under the new query', async () => {
    const n = (await messages(page, 'planner', 'results')).length;
    const e0 = (await messages(page, 'planner', 'error')).length;
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { accelerator: 'gb200', cooling: 'air' } }));
    const reply = await nextMessage(page, 'planner', 'error', e0);
    assert.deepEqual(reply.errors.map((e) => e.name), ['model']);
    assert.match(reply.errors[0].reason, /air|cool/i, reply.errors[0].reason);
    // The refusal is posted where results would be (one step answers either); a later message's reply shows none followed.
    await roundTrip(page, 'planner', 'after-refusal');
    assert.equal((await messages(page, 'planner', 'results')).length, n, 'no results message for inputs without an estimate');
    // Back to what the frame showed: results again.
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { accelerator: 'b200', cooling: 'dlc' } }));
    const back = await nextMessage(page, 'planner', 'results', n);
    assert.match(back.query, /(^|&)accelerator=b200(&|$)/);
    await frame.waitForFunction(() => document.querySelector('select[name=cooling]').value === 'dlc');
    await settle(frame);
    assertSameMetrics(back, await finiteMetrics(frame), 'results once the model accepts the inputs again');
  });

  await t.test('the error reply echoes the rejected values', async () => {
    const e0 = (await messages(page, 'planner', 'error')).length;
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { utilization: 7, country: 'XX' } }));
    const reply = await nextMessage(page, 'planner', 'error', e0);
    assert.equal(reply.errors.find((e) => e.name === 'country')?.value, 'XX');
    assert.equal(reply.errors.find((e) => e.name === 'utilization')?.value, '7');
  });

  await t.test('messages from another window than the parent are ignored', async () => {
    const n = (await messages(page, 'planner', 'results')).length;
    const e0 = (await messages(page, 'planner', 'error')).length;
    // Our listener in the planner's window, added after the planner's own: when it
    // has seen a message, the planner has handled it.
    await frame.evaluate(() => {
      window.__seen = [];
      addEventListener('message', (e) => window.__seen.push(e.data?.params?.count));
    });
    // A sibling frame, then the planner's own window, try to drive it.
    await other.evaluate(() => {
      const planner = parent.document.getElementById('planner').contentWindow;
      planner.postMessage({ type: 'gigafactory-planner:set', params: { count: 7776 } }, '*');
      planner.postMessage({ type: 'gigafactory-planner:set', params: { count: -1 } }, '*');
    });
    await frame.evaluate(() => window.postMessage({ type: 'gigafactory-planner:set', params: { count: 7768 } }, '*'));
    await frame.waitForFunction(() => [7776, -1, 7768].every((c) => window.__seen.includes(c)));
    // Then the parent: its message is applied after theirs.
    await page.evaluate(() => window.send('planner', { type: 'gigafactory-planner:set', params: { count: 6000 } }));
    await frame.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '6000');
    await settle(frame);
    const counts = (await messages(page, 'planner', 'results')).slice(n).map((m) => m.metrics.accelerator_count);
    assert.deepEqual(counts, [6000], 'only the parent\'s change produced results');
    assert.equal((await messages(page, 'planner', 'error')).length, e0, 'no error reply to another window');
  });

  await t.test('the embed view fits 400 and 800 px wide frames without horizontal scrolling', async () => {
    for (const width of [400, 800]) {
      await page.evaluate((w) => { document.getElementById('planner').style.width = `${w}px`; }, width);
      await frame.waitForFunction((w) => document.documentElement.clientWidth === w, width);
      await settle(frame);
      assert.deepEqual(await horizontalOverflow(frame), [], `nothing sticks out at ${width} px`);
      const kpi = await frame.$eval('[data-metric=facility_power_mw]', (e) => e.getBoundingClientRect().width);
      assert.ok(kpi > 100, `KPI cards keep a legible width at ${width} px (${kpi} px)`);
    }
  });

  await t.test('the height messages follow the content as the frame widens and narrows', async () => {
    for (const width of [400, 800, 400, 800]) {
      const h0 = (await messages(page, 'planner', 'height')).length;
      await page.evaluate((w) => { document.getElementById('planner').style.width = `${w}px`; }, width);
      await frame.waitForFunction((w) => document.documentElement.clientWidth === w, width);
      await settle(frame);
      // The page's height is posted when it changes: wait (up to 5 s) for the last message to fit the content.
      await page.waitForFunction(() => {
        const f = document.getElementById('planner');
        const main = f.contentDocument.querySelector('main.embed');
        const content = Math.ceil(main.getBoundingClientRect().bottom + f.contentWindow.scrollY);
        const last = window.__messages.filter((m) => m.from === 'planner' && m.data?.type === 'gigafactory-planner:height').at(-1);
        return last && Math.abs(last.data.height - content) <= 24;
      }, null, { timeout: 5000 }).catch(() => {});
      const content = await frame.evaluate(() => Math.ceil(document.querySelector('main.embed').getBoundingClientRect().bottom + window.scrollY));
      const all = await messages(page, 'planner', 'height');
      const last = all[all.length - 1].height;
      assert.ok(all.length >= h0, 'height messages');
      assert.ok(Math.abs(last - content) <= 24, `at ${width} px the last height message (${last}) fits the content (${content})`);
    }
  });

  await t.test('on a 400 px screen the frame, sized by its height messages, shows the whole embed view (screenshot saved)', async () => {
    await page.evaluate(() => { document.getElementById('planner').style.width = '400px'; });
    await frame.waitForFunction(() => document.documentElement.clientWidth === 400);
    await page.evaluate(() => { document.getElementById('other').style.display = 'none'; });
    await settle(frame);
    await page.setViewportSize({ width: 400, height: 900 });
    // The host page sets the frame's height from the last height message.
    await page.waitForFunction(() => {
      const d = document.getElementById('planner').contentDocument.documentElement;
      return d.scrollHeight - d.clientHeight <= 2;
    }, null, { timeout: 5000 }).catch(() => {});
    const fit = await frame.evaluate(() => {
      const main = document.querySelector('main.embed').getBoundingClientRect();
      const d = document.documentElement;
      return { inner: d.scrollHeight - d.clientHeight, frame: d.clientHeight, main: Math.ceil(main.bottom) };
    });
    assert.ok(fit.inner <= 2, `the frame does not scroll inside (${fit.inner} px more than its ${fit.frame} px)`);
    assert.ok(fit.main <= fit.frame + 1, `the embed view ends inside the frame (${fit.main} of ${fit.frame} px)`);
    assert.deepEqual(await horizontalOverflow(frame), [], 'nothing sticks out of the frame at 400 px');
    assert.deepEqual(await horizontalOverflow(page), [], 'nor does the frame stick out of the 400 px screen');
    await page.locator('#planner').screenshot({ path: join(ensureScreenshotDir(), 'embed-400.png') });
  });

  assert.deepEqual(problems, [], 'no console errors');
  await context.close();
});

test('"copy embed code" yields an <iframe> with embed=1 that shows the same results', async () => {
  const { context, page, problems } = await openPlanner(env, '?count=12000&country=NL&cooling=immersion', { wait: false });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]')?.dataset.value === '12000');
  await settle(page);
  const values = await snapshot(page);

  await page.click('#copy-embed');
  await page.locator('#share-status').waitFor();
  const snippet = await page.locator('#share-text').count()
    ? await page.inputValue('#share-text')
    : await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /^<iframe\s[^>]*><\/iframe>$/, `one iframe element: ${snippet}`);

  // Pasted into another page (parsed there: the planner's CSP forbids its inline style)…
  await page.goto(env.server.url + '/blank.html');
  const attrs = await page.evaluate((html) => {
    document.body.innerHTML = html;
    const f = document.querySelector('iframe');
    f.id = 'pasted';
    return { src: f.getAttribute('src'), title: f.getAttribute('title') };
  }, snippet);
  const src = new URL(attrs.src);
  assert.equal(src.searchParams.get('embed'), '1', `src has embed=1: ${attrs.src}`);
  assert.equal(src.origin, env.server.url);
  assert.equal(src.searchParams.get('country'), 'NL');
  assert.ok(attrs.title && attrs.title.length > 0, 'the iframe has a title');

  // … it shows the same numbers.
  const frame = await frameOf(page, 'pasted');
  await finiteMetrics(frame);
  const shown = await snapshot(frame);
  assert.deepEqual(Object.keys(shown).sort(), [...EMBED_METRICS].sort(), 'the embed\'s cards');
  for (const m of EMBED_METRICS) assert.equal(shown[m], values[m], `the embed shows the same ${m}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('docs/embed-example.html: fits the frame to its content, shows two numbers, and its button sets the planner', async () => {
  const { context, page, problems } = await openHost('/embed-example.html');
  const frame = await frameOf(page, 'planner');
  const shown = await finiteMetrics(frame);
  await page.waitForFunction(() => document.getElementById('tco').dataset.value !== '');
  const read = () => page.evaluate(() => ['facility-power', 'tco'].map((id) => {
    const o = document.getElementById(id);
    return { value: parseFloat(o.dataset.value), text: o.textContent };
  }));
  let [power, tco] = await read();
  assert.equal(power.value, shown.facility_power_mw);
  assert.equal(tco.value, shown.tco_eur);
  assert.match(power.text, /MW$/);
  assert.match(tco.text, /€/);

  // The frame is sized to its content: no inner vertical scrolling.
  await page.waitForFunction(() => {
    const f = document.getElementById('planner');
    const d = f.contentDocument?.documentElement;
    return d && Math.abs(f.getBoundingClientRect().height - d.scrollHeight) <= 2 && d.scrollHeight > 300;
  });
  const inner = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  assert.ok(inner <= 2, `the frame does not scroll inside (${inner} px)`);

  await page.click('#try-france');
  await frame.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '5000');
  const after = await finiteMetrics(frame);
  await page.waitForFunction((v) => parseFloat(document.getElementById('tco').dataset.value) === v, after.tco_eur);
  [power, tco] = await read();
  assert.equal(power.value, after.facility_power_mw);
  assert.ok(tco.value < shown.tco_eur, 'fewer accelerators cost less');
  assert.equal(await page.frameLocator('#planner').locator('select[name=country]').inputValue(), 'FR');
  assert.equal(await page.locator('#planner-error').isHidden(), true);
  assert.deepEqual(problems, [], 'no console errors');
  await context.close();
});
