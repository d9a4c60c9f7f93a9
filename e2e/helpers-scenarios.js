// Shared helpers of the scenario and embedding end-to-end tests
// (scenarios.test.js, embed.test.js): pages with seeded storage, the saved
// list, downloads, storage dumps, host pages that frame the planner and the
// messages they exchange with it.
import { readFile } from 'node:fs/promises';
import { METRICS, EMBED_METRICS, openApp } from './helpers-ui.js';

// Shared with the UI tests, and exported here too for the files that import them from here.
export { watch } from './browser.js';
export { useServerAndBrowser, horizontalOverflow } from './helpers-ui.js';

/** The planner's local-storage keys (src/storage.rs, src/library.rs). */
export const KEYS = {
  working: 'gigafactory-planner.working',
  saved: 'gigafactory-planner.saved',
  backupPrefix: 'gigafactory-planner.backup.',
};

/**
 * A fresh context (or a new tab in `context`) and a watched page on `query`,
 * with storage seeded by `seed` ({key: text}): helpers-ui's openApp.
 */
export const openPlanner = openApp;

/** Every local-storage entry of the page's origin. */
export async function storageDump(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

/** The backup entries ({key: text}) in a storage dump. */
export function backups(dump) {
  return Object.fromEntries(Object.entries(dump).filter(([k]) => k.startsWith(KEYS.backupPrefix)));
}

/** The saved list as shown: [{id, name}] in order. */
export async function listed(page) {
  return page.$$eval('ul.saved-list > li.saved', (els) => els.map((e) => ({ id: e.dataset.id, name: e.dataset.name })));
}

/** The names of the saved list as shown. */
export async function listedNames(page) {
  return (await listed(page)).map((s) => s.name);
}

/** The list item of the scenario named `name`. */
export function item(page, name) {
  return page.locator(`ul.saved-list > li.saved[data-name="${name.replace(/"/g, '\\"')}"]`);
}

/** Wait until the saved list shows exactly `n` items. */
export async function waitForCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('ul.saved-list > li.saved').length === n, n);
}

/** Type a name and save the current scenario; returns the new item ({id, name}). */
export async function saveAs(page, name) {
  const before = await listed(page);
  await page.fill('#scenario-name', name);
  await page.click('#save-scenario');
  await waitForCount(page, before.length + 1);
  const after = await listed(page);
  return after.find((s) => !before.some((b) => b.id === s.id));
}

/** Click `selector` and return the download it starts: {name, text}. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

/**
 * Fill the origin's local storage with filler keys until it refuses even small
 * writes; returns the filler keys (for `clearFiller`).
 */
export async function fillStorage(page) {
  return page.evaluate(() => {
    const keys = [];
    let size = 1 << 20;
    let n = 0;
    while (size >= 8) {
      const key = `filler.${n++}`;
      try {
        localStorage.setItem(key, 'x'.repeat(size));
        keys.push(key);
      } catch {
        size = Math.floor(size / 4);
      }
    }
    return keys;
  });
}

/** Remove filler keys written by `fillStorage`. */
export async function clearFiller(page, keys) {
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), keys);
}

/**
 * Every metric of the page (or frame) is present and finite; returns them as
 * numbers. Waits (up to 10 s) for the app to start first: the page's `load`
 * event can come before the wasm has started and drawn its cards.
 */
export async function finiteMetrics(target) {
  // The embedded view shows fewer cards (its results message carries them all).
  const embed = await target.evaluate(() => new URLSearchParams(location.search).get('embed') === '1');
  const names = embed ? EMBED_METRICS : METRICS;
  await target
    .waitForFunction((names) => names.every((m) => Number.isFinite(parseFloat(document.querySelector(`[data-metric=${m}]`)?.dataset.value))), names, { timeout: 10_000 })
    .catch(() => {});
  const values = await target.$$eval('[data-metric]', (els) => Object.fromEntries(els.map((e) => [e.dataset.metric, e.dataset.value])));
  const bad = names.filter((m) => !Number.isFinite(parseFloat(values[m])));
  if (bad.length) throw new Error(`metrics missing or not finite: ${bad.map((m) => `${m}=${values[m]}`).join(', ')}`);
  return Object.fromEntries(names.map((m) => [m, parseFloat(values[m])]));
}

/**
 * A host page framing the planner. `frames`: [{id, src, sandbox?, width?, height?}]
 * (or srcdoc for a same-origin helper frame). The host records every message
 * it receives in window.__messages as {from: frame id or '?', data}, and
 * exposes send(id, message) to post into a frame.
 */
export function hostPage(frames, extra = '') {
  const iframes = frames
    .map((f) => {
      const attrs = [`id="${f.id}"`, `title="${f.id}"`];
      if (f.src) attrs.push(`src="${f.src}"`);
      if (f.srcdoc) attrs.push(`srcdoc="${f.srcdoc.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
      if (f.sandbox != null) attrs.push(`sandbox="${f.sandbox}"`);
      attrs.push(`style="display:block;border:0;width:${f.width ?? 400}px;height:${f.height ?? 600}px"`);
      return `<iframe ${attrs.join(' ')}></iframe>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title></head>
<body style="margin:0">
${iframes}
<script>
window.__messages = [];
addEventListener('message', (e) => {
  const f = [...document.querySelectorAll('iframe')].find((x) => x.contentWindow === e.source);
  window.__messages.push({ from: f ? f.id : '?', origin: e.origin, data: e.data });
});
window.send = (id, message) => document.getElementById(id).contentWindow.postMessage(message, '*');
</script>
${extra}
</body></html>`;
}

/** The messages a host page received from frame `from` whose type ends with `kind`. */
export async function messages(page, from, kind) {
  return page.evaluate(([from, kind]) => window.__messages
    .filter((m) => m.from === from && m.data && m.data.type === `gigafactory-planner:${kind}`)
    .map((m) => ({ ...m.data, origin: m.origin })), [from, kind]);
}

/** Wait until the host has more than `after` messages of `kind` from `from`; returns the newest. */
export async function nextMessage(page, from, kind, after = 0, timeout = 10_000) {
  await page.waitForFunction(([from, kind, after]) => window.__messages
    .filter((m) => m.from === from && m.data && m.data.type === `gigafactory-planner:${kind}`).length > after,
  [from, kind, after], { timeout });
  const all = await messages(page, from, kind);
  return all[all.length - 1];
}

/** The Playwright frame of the iframe with this id. */
export async function frameOf(page, id) {
  const handle = await page.waitForSelector(`iframe#${id}`);
  return handle.contentFrame();
}

/**
 * Wait for the planner's reply to `gigafactory-planner:<name>`, a type of ours it
 * does not know: an error whose reason names it.
 */
export async function waitForUnknownReply(page, from, name) {
  await page.waitForFunction(([from, reason]) => window.__messages.some((m) => m.from === from && m.data
    && m.data.type === 'gigafactory-planner:error' && Array.isArray(m.data.errors) && m.data.errors[0]?.reason === reason),
  [from, `unknown message type "gigafactory-planner:${name}"`]);
}

/**
 * Post `gigafactory-planner:<name>` (unknown to the planner) into frame `to` and
 * wait for its error reply. The planner answers its parent's messages in order,
 * and its messages reach the parent in order: once this reply is in, so is
 * everything it sent because of the messages posted before.
 */
export async function roundTrip(page, to, name) {
  await page.evaluate(([to, type]) => window.send(to, { type }), [to, `gigafactory-planner:${name}`]);
  await waitForUnknownReply(page, to, name);
}
