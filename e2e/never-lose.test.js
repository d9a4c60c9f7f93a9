// The attack on storage, imports and messages, replayed against the release
// build: each reproduction must end with the data intact and the page alive.
// (Aborts and deploys have their own files: aborts.test.js, deploy.test.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, openPlanner, KEYS, storageDump, backups, listed, listedNames, item, waitForCount, saveAs,
  download, fillStorage, clearFiller, hostPage, frameOf, finiteMetrics, nextMessage, messages,
} from './helpers-scenarios.js';
import { metric } from './browser.js';

const EMBED = '/?embed=1&count=20000&country=DE&lang=en';
const env = useServerAndBrowser({
  extraRoutes: { '/host.html': ['text/html; charset=utf-8', hostPage([{ id: 'planner', src: EMBED, width: 400, height: 600 }])] },
});

/** A stored envelope (schema 1) around `payload`. */
const envelope = (payload, schema = 1) => JSON.stringify({ schema, data_version: '2026.11', saved_at: 1_764_000_000_000, payload });
/** A saved-list entry. */
const entry = (id, name, scenario = {}) => ({ id, name, created: 1, updated: 1, scenario });

/**
 * Seed storage before the app's first load, then fill what is left of the
 * quota so that no backup of the seeded data can be written.
 */
async function openOnFullStorage(seed) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((entries) => {
    if (window.top !== window || sessionStorage.getItem('__seeded')) return;
    sessionStorage.setItem('__seeded', '1');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    let size = 1 << 20;
    let n = 0;
    while (size >= 8) {
      try { localStorage.setItem(`filler.${n++}`, 'x'.repeat(size)); } catch { size = Math.floor(size / 4); }
    }
  }, seed);
  return openPlanner(env, '', { context });
}

test('a newer release\'s list on a full storage is held: no false claim, downloadable, never overwritten', async () => {
  const scenarios = Array.from({ length: 500 }, (_, i) => ({ name: `Future ${i}`, inputs: { count: 1000 + i } }));
  const future = JSON.stringify({ schema: 2, data_version: '2027.1', saved_at: 1, payload: { lists: [{ scenarios }] } });
  const { page, problems, context } = await openOnFullStorage({ [KEYS.saved]: future });
  try {
    const note = page.locator('#unreadable-note');
    await note.waitFor();
    const said = await note.innerText();
    assert.match(said, /no room for a copy/, said);
    assert.doesNotMatch(said, /kept aside/, 'it never claims a backup that does not exist');
    assert.deepEqual(backups(await storageDump(page)), {}, 'no backup could be written');
    const file = await download(page, '#download-unreadable');
    assert.ok(file.text.includes(future), 'the download holds the unreadable text');

    // A save is refused, said, and kept in this tab; the stored list is untouched.
    await page.fill('#scenario-name', 'Made today');
    await page.click('#save-scenario');
    await waitForCount(page, 1);
    assert.match(await page.locator('#scenario-status').innerText(), /Not saved/);
    assert.equal(await item(page, 'Made today').getAttribute('data-unsaved'), 'true');
    assert.equal((await storageDump(page))[KEYS.saved], future, 'the newer list is untouched');

    // After a reload (what the list held is still the newer release's) it is found again.
    await page.reload();
    await page.locator('#unreadable-note').waitFor();
    assert.equal((await storageDump(page))[KEYS.saved], future);

    // Room again: the next save keeps a backup first, then writes.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    await saveAs(page, 'With room');
    const dump = await storageDump(page);
    assert.deepEqual(Object.values(backups(dump)), [future], 'kept byte for byte under a backup key');
    assert.deepEqual(JSON.parse(dump[KEYS.saved]).payload.map((s) => s.name), ['With room']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a held list is replaced only when the planner chooses to', async () => {
  const corrupt = '{"schema":1,' + 'x'.repeat(200_000);
  const { page, problems, context } = await openOnFullStorage({ [KEYS.saved]: corrupt });
  try {
    await page.locator('#replace-unreadable').waitFor();
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    await page.click('#replace-unreadable');
    // The first press only asks.
    assert.match(await page.locator('#replace-unreadable').innerText(), /Press again/);
    assert.equal((await storageDump(page))[KEYS.saved], corrupt);
    await page.click('#replace-unreadable');
    await page.locator('#unreadable-note').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#scenario-status').innerText(), 'The unreadable data was replaced.');
    await page.waitForFunction(() => document.activeElement?.id === 'scenario-name');
    const stored = JSON.parse((await storageDump(page))[KEYS.saved]);
    assert.deepEqual(stored.payload, [], 'replaced by this tab\'s (empty) list');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a working copy no backup can hold pauses autosave until it is downloaded or replaced', async () => {
  const future = JSON.stringify({ schema: 3, data_version: '2028.1', saved_at: 1, payload: { inputs: { count: 123 } } });
  const { page, problems, context } = await openOnFullStorage({ [KEYS.working]: future });
  try {
    const held = page.locator('#working-held');
    assert.match(await held.innerText(), /newer version.*autosave is paused/s);
    const file = await download(page, '#download-working');
    assert.ok(file.text.includes(future));
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    // Edits do not touch the key while it is held.
    await page.fill('#in-count', '30000');
    await page.press('#in-count', 'Tab');
    await page.waitForFunction(() => location.search.includes('count=30000'));
    assert.equal((await storageDump(page))[KEYS.working], future);
    await page.click('#replace-working');
    assert.match(await page.locator('#replace-working').innerText(), /Press again/);
    await page.click('#replace-working');
    await held.waitFor({ state: 'detached' });
    assert.equal(JSON.parse((await storageDump(page))[KEYS.working]).payload.sizing.value, 30000);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a working copy out of range is set aside and the page computes the defaults, reload after reload', async () => {
  const bad = envelope({ accelerator: 'b200', years: 1e9 });
  const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.working]: bad } });
  try {
    const notice = page.locator('.notices .notice', { hasText: 'working scenario' });
    assert.match(await notice.innerText(), /not valid/);
    assert.equal(await metric(page, 'accelerator_count'), 100_000, 'the defaults');
    assert.deepEqual(Object.values(backups(await storageDump(page))), [bad], 'the stored copy is kept');
    await page.reload();
    await finiteMetrics(page);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a saved scenario out of range is shown as invalid, never opened; an unreadable entry is kept', async () => {
  const list = [
    entry('good', 'Good plan', { accelerator: 'h100' }),
    entry('huge', 'Endless horizon', { years: 1e8 }),
    { id: 'odd', name: 'Odd', scenario: { wacc: 'x' } },
  ];
  const raw = envelope(list);
  const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.saved]: raw } });
  try {
    await waitForCount(page, 2);
    const huge = item(page, 'Endless horizon');
    assert.match(await huge.locator('.saved-invalid').innerText(), /Cannot be opened/);
    assert.ok(await huge.locator('button.open').isDisabled());
    assert.ok(await huge.locator('input.pick').isDisabled());
    assert.match(await page.locator('li.bad-entry').innerText(), /Odd.*Unreadable entry.*wacc/s);
    // Deleting it is said and can be undone.
    await page.click('li.bad-entry button.delete');
    await page.locator('li.bad-entry').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#scenario-status span').first().innerText(), 'Deleted “Odd”.');
    await page.click('#undo-delete');
    await page.locator('li.bad-entry').waitFor();
    // A save keeps the unreadable entry as it was.
    await saveAs(page, 'New');
    const stored = JSON.parse((await storageDump(page))[KEYS.saved]).payload;
    assert.deepEqual(stored.find((e) => e.id === 'odd'), list[2]);
    assert.equal(stored.find((e) => e.id === 'huge').scenario.years, 1e8, 'kept as stored');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('another tab\'s delete does not drop this tab\'s unsaved scenario', async () => {
  const list = [entry('a', 'Shared A'), entry('b', 'Shared B')];
  const a = await openPlanner(env, '', { seed: { [KEYS.saved]: envelope(list) } });
  try {
    const b = await openPlanner(env, '', { context: a.context });
    await waitForCount(b.page, 2);
    // Tab A cannot write: its save stays in the tab.
    const filler = await fillStorage(a.page);
    await a.page.fill('#scenario-name', 'Unsaved A plan');
    await a.page.click('#save-scenario');
    await waitForCount(a.page, 3);
    await clearFiller(a.page, filler);
    // Tab B deletes "Shared A" and writes; tab A hears of it.
    await item(b.page, 'Shared A').locator('button.delete').click();
    await waitForCount(a.page, 2);
    assert.deepEqual(await listedNames(a.page), ['Shared B', 'Unsaved A plan']);
    assert.equal(await item(a.page, 'Unsaved A plan').getAttribute('data-unsaved'), 'true');
    // Its next change stores it, and B hears of that.
    await saveAs(a.page, 'Another');
    await waitForCount(b.page, 3);
    assert.deepEqual(await listedNames(b.page), ['Shared B', 'Unsaved A plan', 'Another']);
    assert.deepEqual([...a.problems, ...b.problems], []);
  } finally {
    await a.close();
  }
});

test('6,000 scenarios named alike import at once, drawn a page at a time', async (t) => {
  const { page, problems, close } = await openPlanner(env);
  try {
    const file = JSON.stringify({ format: 'gigafactory-planner/scenarios', schema: 1, scenarios: Array.from({ length: 6000 }, (_, i) => ({ name: 'Same', scenario: { sizing: { mode: 'count', value: 1000 + i } } })) });
    const started = Date.now();
    await page.setInputFiles('#import-file', { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.locator('#scenario-status', { hasText: 'Imported 6,000 scenarios.' }).waitFor({ timeout: 60_000 });
    t.diagnostic(`6,000 alike names imported and drawn in ${Date.now() - started} ms`);
    assert.equal(await page.locator('ul.saved-list > li.saved').count(), 100, 'the first page is drawn');
    assert.match(await page.locator('#show-more-saved').innerText(), /5,900 not shown/);
    const stored = JSON.parse((await storageDump(page))[KEYS.saved]).payload;
    assert.equal(stored.length, 6000);
    assert.equal(new Set(stored.map((s) => s.name)).size, 6000, 'names unique');
    assert.equal(stored[5999].name, 'Same (6000)');
    await page.click('#show-more-saved');
    await waitForCount(page, 200);
    // The keyboard lands on the first item drawn, and the count is said.
    await page.waitForFunction(() => document.activeElement?.closest('li.saved') === document.querySelectorAll('ul.saved-list > li.saved')[100]);
    assert.equal(await page.locator('#scenario-status').innerText(), '100 more shown.');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('an import above the cap, or with a schema that is not a number, is refused whole', async () => {
  const { page, problems, close } = await openPlanner(env);
  try {
    const over = JSON.stringify(Array.from({ length: 10_001 }, () => ({ name: 'x', scenario: {} })));
    await page.setInputFiles('#import-file', { name: 'over.json', mimeType: 'application/json', buffer: Buffer.from(over) });
    await page.locator('#scenario-status', { hasText: 'at most 10,000' }).waitFor();
    // A 50 MB file froze the page for minutes: above 20 MB it is not even read.
    const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
    await page.setInputFiles('#import-file', { name: 'big.json', mimeType: 'application/json', buffer: big });
    await page.locator('#scenario-status', { hasText: /the file is 21(\.0)? MB; at most 20 MB/ }).waitFor();
    for (const schema of ['"2"', '18446744073709551616']) {
      const text = `{"schema":${schema},"scenarios":[{"name":"n","scenario":{}}]}`;
      await page.setInputFiles('#import-file', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.locator('#scenario-status', { hasText: 'schema version is not a whole number' }).waitFor();
    }
    assert.deepEqual(await listed(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('repeated ids in a stored list are re-keyed once, so Delete and Rename act on the right item', async () => {
  const list = [entry('same', 'First'), entry('same', 'Second'), entry('same', 'Third')];
  const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.saved]: envelope(list) } });
  try {
    await waitForCount(page, 3);
    assert.match(await page.locator('#rekeyed-note').innerText(), /new ones/);
    const ids = (await listed(page)).map((s) => s.id);
    assert.equal(new Set(ids).size, 3);
    await item(page, 'Second').locator('button.delete').click();
    await waitForCount(page, 2);
    assert.deepEqual(await listedNames(page), ['First', 'Third']);
    const stored = JSON.parse((await storageDump(page))[KEYS.saved]).payload;
    assert.deepEqual(stored.map((s) => s.name), ['First', 'Third']);
    assert.equal(new Set(stored.map((s) => s.id)).size, 2, 'unique ids are stored');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the embedded view touches no storage, even with unreadable data in it', async () => {
  const seed = { [KEYS.saved]: '<<< not json >>>', [KEYS.working]: '{"schema":7}' };
  const { page, problems, close } = await openPlanner(env, EMBED.slice(1), { seed });
  try {
    // An edit: the address is rewritten in the same step as the working copy
    // would be, so once it follows, a write would have happened.
    await page.fill('#in-count', '30000');
    await page.press('#in-count', 'Tab');
    await page.waitForFunction(() => location.search.includes('count=30000'));
    assert.deepEqual(await storageDump(page), seed, 'nothing read into backups, nothing written');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a message of shared references is ignored at once when foreign, refused when ours', async (t) => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.url}/host.html`);
    const frame = await frameOf(page, 'planner');
    await finiteMetrics(frame);
    await nextMessage(page, 'planner', 'results');
    // Foreign: nothing is walked, and the next message is answered at once.
    const before = (await messages(page, 'planner', 'results')).length;
    const took = await page.evaluate(async (type) => {
      let o = { type };
      for (let i = 0; i < 23; i++) o = { type, a: o, b: o };
      const t0 = performance.now();
      window.send('planner', o);
      window.send('planner', { type: 'gigafactory-planner:set', params: { count: 30000 } });
      await new Promise((r) => { const check = () => (window.__messages.some((m) => m.data?.type === 'gigafactory-planner:results' && m.data.query?.includes('count=30000')) ? r() : setTimeout(check, 5)); check(); });
      return performance.now() - t0;
    }, 'another-app:ping');
    assert.ok((await messages(page, 'planner', 'results')).length > before);
    t.diagnostic(`a foreign 2^23-path message, then a set message: answered in ${took.toFixed(0)} ms`);
    // Ours: walked within a budget and answered with an error.
    const errors = (await messages(page, 'planner', 'error')).length;
    await page.evaluate((type) => {
      let o = { type, params: {} };
      for (let i = 0; i < 23; i++) o = { type, params: {}, a: o, b: o };
      window.send('planner', o);
    }, 'gigafactory-planner:set');
    const reply = await nextMessage(page, 'planner', 'error', errors);
    assert.match(reply.errors[0].reason, /more than 100000 values|nested too deeply/);
    await finiteMetrics(frame);
  } finally {
    await context.close();
  }
});
