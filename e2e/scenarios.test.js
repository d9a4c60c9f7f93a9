// Saved scenarios never lose a planner's work: save, reload, rename, duplicate,
// open and delete with undo; unreadable or future data is set aside, never
// overwritten; a full storage is said on screen; other tabs follow; 2–4
// scenarios compare side by side; links, JSON files and CSV carry the work out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inkedShare } from './browser.js';
import { change, snapshot, settle, METRICS } from './helpers-ui.js';
import {
  useServerAndBrowser, openPlanner, KEYS, storageDump, backups, listed, listedNames, item, waitForCount, saveAs,
  download, fillStorage, clearFiller, finiteMetrics,
} from './helpers-scenarios.js';

const env = useServerAndBrowser();

/** Wait until the page shows exactly `values` (a snapshot) in every data-value. */
async function waitForValues(page, values) {
  await page.waitForFunction((v) => Object.entries(v).every(
    ([m, x]) => document.querySelector(`[data-metric="${m}"]`)?.dataset.value === x,
  ), values);
}

/** The saved list's stored envelope. */
async function storedLibrary(page) {
  const raw = (await storageDump(page))[KEYS.saved];
  return raw == null ? null : JSON.parse(raw);
}

test('save, reload, rename, duplicate, open, delete with undo, delete for good', async (t) => {
  const { page, problems, close } = await openPlanner(env, '?count=12345&country=SE');
  assert.equal(await page.locator('#no-saved').count(), 1, 'an empty list says so');
  const sweden = await snapshot(page);
  const a = await saveAs(page, 'Sweden 12k');
  assert.equal(a.name, 'Sweden 12k');
  assert.match(await page.locator('#scenario-status').innerText(), /Sweden 12k/, 'the status names the saved scenario');
  assert.equal(await page.locator('#scenario-status').getAttribute('class'), 'status');
  assert.equal(await page.inputValue('#scenario-name'), '', 'the name field is emptied after saving');

  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '50000'));
  await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'FR'));
  const big = await snapshot(page);
  const b = await saveAs(page, 'Big');

  await t.test('the list and its ids survive a reload, in a versioned envelope', async () => {
    await page.reload();
    await waitForCount(page, 2);
    assert.deepEqual(await listed(page), [a, b]);
    const env1 = await storedLibrary(page);
    assert.equal(env1.schema, 1, 'stored with schema 1');
    assert.equal(typeof env1.data_version, 'string');
    assert.ok(Number.isFinite(env1.saved_at) && env1.saved_at > 0, `saved_at ${env1.saved_at}`);
    assert.deepEqual(env1.payload.map((s) => s.name), ['Sweden 12k', 'Big']);
  });

  await t.test('open loads the saved inputs and every data-value', async () => {
    await item(page, 'Sweden 12k').locator('button.open').click();
    await waitForValues(page, sweden);
    assert.deepEqual(await snapshot(page), sweden);
    assert.equal(await page.inputValue('input[name=count]'), '12345');
    assert.equal(await page.inputValue('select[name=country]'), 'SE');
    assert.ok(await item(page, 'Sweden 12k').evaluate((e) => e.classList.contains('open')), 'the open one is marked');
    assert.equal(await page.locator('#save-changes').count(), 0, 'nothing to save right after opening');
    await item(page, 'Big').locator('button.open').click();
    await waitForValues(page, big);
    assert.deepEqual(await snapshot(page), big);
  });

  await t.test('editing the open scenario offers "save changes", which updates it in place', async () => {
    await change(page, 'annual_energy_gwh', () => page.fill('input[name=utilization]', '0.55'));
    await page.locator('#save-changes').waitFor();
    const edited = await snapshot(page);
    await page.click('#save-changes');
    await page.locator('#save-changes').waitFor({ state: 'detached' });
    assert.deepEqual(await listed(page), [a, b], 'no new item, same ids');
    await item(page, 'Sweden 12k').locator('button.open').click();
    await waitForValues(page, sweden);
    await item(page, 'Big').locator('button.open').click();
    await waitForValues(page, edited);
  });

  await t.test('rename keeps the id and survives a reload', async () => {
    await item(page, 'Big').locator('button.rename-btn').click();
    const input = page.locator('form.rename input[name=rename]');
    assert.equal(await input.inputValue(), 'Big', 'the rename field starts with the current name');
    await input.fill('Big plan, France');
    await page.locator('form.rename button[type=submit]').click();
    await item(page, 'Big plan, France').waitFor();
    assert.equal(await page.locator('form.rename').count(), 0, 'the rename form closes');
    assert.deepEqual(await listed(page), [a, { id: b.id, name: 'Big plan, France' }]);
    assert.match(await page.locator('#scenario-status').innerText(), /Big plan, France/, 'the new name is said');
    // A name already taken gets a number, and the status says which.
    await item(page, 'Big plan, France').locator('button.rename-btn').click();
    await page.fill('form.rename input[name=rename]', 'Sweden 12k');
    await page.locator('form.rename button[type=submit]').click();
    await item(page, 'Sweden 12k (2)').waitFor();
    assert.match(await page.locator('#scenario-status').innerText(), /Sweden 12k \(2\)/);
    await item(page, 'Sweden 12k (2)').locator('button.rename-btn').click();
    await page.fill('form.rename input[name=rename]', 'Big plan, France');
    await page.locator('form.rename button[type=submit]').click();
    await item(page, 'Big plan, France').waitFor();
    await page.reload();
    await waitForCount(page, 2);
    assert.deepEqual(await listedNames(page), ['Sweden 12k', 'Big plan, France']);
  });

  let copy;
  await t.test('duplicate places a copy with a new id right after the original', async () => {
    await item(page, 'Sweden 12k').locator('button.duplicate').click();
    await waitForCount(page, 3);
    const list = await listed(page);
    copy = list[1];
    assert.deepEqual([list[0], list[2]], [a, { id: b.id, name: 'Big plan, France' }]);
    assert.notEqual(copy.id, a.id);
    assert.match(copy.name, /^Sweden 12k \(.+\)$/, `copy name "${copy.name}"`);
    assert.equal(await page.locator('#scenario-status').innerText(), `Saved as “${copy.name}”.`, 'the copy\'s name is said');
    await item(page, copy.name).locator('button.open').click();
    await waitForValues(page, sweden);
  });

  await t.test('delete then undo restores the same id at the same position, also after a reload', async () => {
    const before = await listed(page);
    await item(page, copy.name).locator('button.delete').click();
    await waitForCount(page, 2);
    assert.deepEqual(await listedNames(page), ['Sweden 12k', 'Big plan, France']);
    assert.match(await page.locator('#scenario-status').innerText(), new RegExp(copy.name.replace(/[()]/g, '\\$&')));
    await page.click('#undo-delete');
    await waitForCount(page, 3);
    assert.deepEqual(await listed(page), before);
    assert.equal(await page.locator('#undo-delete').count(), 0, 'undo is offered once');
    await page.reload();
    await waitForCount(page, 3);
    assert.deepEqual(await listed(page), before, 'the undone delete is stored');
  });

  await t.test('delete without undo is gone after a reload', async () => {
    await item(page, 'Big plan, France').locator('button.delete').click();
    await waitForCount(page, 2);
    await page.reload();
    await waitForCount(page, 2);
    assert.deepEqual(await listed(page), [a, copy]);
    assert.deepEqual((await storedLibrary(page)).payload.map((s) => s.id), [a.id, copy.id]);
  });

  assert.deepEqual(problems, [], 'no console errors');
  await close();
});

test('open never loses unsaved inputs: it offers undo until the opened inputs are edited', async (t) => {
  const { page, problems, close } = await openPlanner(env, '?count=12345&country=SE');
  const saved = await snapshot(page);
  await saveAs(page, 'Sweden 12k');
  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '50000'));
  await page.locator('#save-changes').waitFor();
  const unsaved = await snapshot(page);

  await t.test('opening the saved one says so and undo brings the unsaved inputs back, still unsaved', async () => {
    await item(page, 'Sweden 12k').locator('button.open').click();
    await waitForValues(page, saved);
    assert.match(await page.locator('#scenario-status').innerText(), /Opened “Sweden 12k”/);
    await page.click('#undo-open');
    await waitForValues(page, unsaved);
    assert.equal(await page.inputValue('input[name=count]'), '50000');
    await page.locator('#save-changes').waitFor();
    assert.ok(await item(page, 'Sweden 12k').evaluate((e) => e.classList.contains('open')), 'the same item is open again');
    assert.equal(await page.locator('#undo-open').count(), 0, 'undo is offered once');
  });

  await t.test('an edit after opening withdraws the undo (it would throw that edit away)', async () => {
    await item(page, 'Sweden 12k').locator('button.open').click();
    await waitForValues(page, saved);
    await page.locator('#undo-open').waitFor();
    await change(page, 'annual_energy_gwh', () => page.fill('input[name=utilization]', '0.55'));
    await page.locator('#undo-open').waitFor({ state: 'detached' });
    assert.match(await page.locator('#scenario-status').innerText(), /Opened “Sweden 12k”/, 'the message stays');
  });

  await t.test('an item deleted in another tab withdraws its undo (it would throw later edits away)', async () => {
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '40000'));
    await item(page, 'Sweden 12k').locator('button.open').click();
    await page.locator('#undo-open').waitFor();
    const other = await openPlanner(env, '', { context: page.context() });
    await waitForCount(other.page, 1);
    await item(other.page, 'Sweden 12k').locator('button.delete').click();
    await waitForCount(other.page, 0);
    await other.close();
    await page.locator('#no-saved').waitFor();
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '30000'));
    await settle(page);
    assert.equal(await page.locator('#undo-open').count(), 0);
    // Saved again for the next step.
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '12345'));
    await saveAs(page, 'Sweden 12k');
  });

  await t.test('opening the inputs already shown changes nothing and offers nothing to undo', async () => {
    assert.equal(await page.locator('#save-changes').count(), 0, 'the inputs are those saved');
    await item(page, 'Sweden 12k').locator('button.open').click();
    assert.doesNotMatch(await page.locator('#scenario-status').innerText(), /Opened/);
    assert.equal(await page.locator('#undo-open').count(), 0);
  });

  assert.deepEqual(problems, [], 'no console errors');
  await close();
});

test('keyboard: rename takes the focus and Escape gives it back unchanged; delete hands it to undo and undo back', async () => {
  const { page, problems, close } = await openPlanner(env, '?count=12345');
  const a = await saveAs(page, 'Alpha');
  await saveAs(page, 'Beta');
  const active = () => page.evaluate(() => {
    const e = document.activeElement;
    return `${e.closest('[data-id]')?.dataset.name ?? ''} ${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`.trim();
  });
  const onlyNames = () => listedNames(page);

  await item(page, 'Alpha').locator('button.rename-btn').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.name === 'rename');
  await page.keyboard.type(' renamed');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('form.rename') === null);
  assert.deepEqual(await onlyNames(), ['Alpha', 'Beta'], 'Escape changes nothing');
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename-btn'));
  assert.equal(await active(), 'Alpha button.rename-btn');

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.name === 'rename');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Gamma');
  await page.keyboard.press('Enter');
  await item(page, 'Gamma').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename-btn'));
  assert.equal(await active(), 'Gamma button.rename-btn');
  assert.deepEqual((await listed(page))[0], { id: a.id, name: 'Gamma' }, 'renamed in place, same id');

  await item(page, 'Beta').locator('button.delete').focus();
  await page.keyboard.press('Enter');
  await waitForCount(page, 1);
  await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
  await page.keyboard.press('Enter');
  await waitForCount(page, 2);
  await page.waitForFunction(() => document.activeElement?.classList.contains('delete'));
  assert.equal(await active(), 'Beta button.delete', 'the restored item\'s delete button has the focus');

  // The list is drawn anew on each change: Open, a second Rename and a tick keep the focus where it was.
  await item(page, 'Beta').locator('button.open').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('li.saved.open')?.dataset.name === 'Beta');
  await page.waitForFunction(() => document.activeElement?.classList.contains('open'));
  assert.equal(await active(), 'Beta button.open');
  await item(page, 'Beta').locator('button.rename-btn').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.name === 'rename');
  await item(page, 'Beta').locator('button.rename-btn').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('form.rename') === null);
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename-btn'));
  assert.equal(await active(), 'Beta button.rename-btn', 'a second press closes the field and keeps the focus');
  await item(page, 'Gamma').locator('input.pick').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.classList.contains('pick'));
  assert.equal(await active(), 'Gamma input.pick');
  assert.deepEqual(problems, [], 'no console errors');
  await close();
});

const GARBAGE = '{"payload": [oops this is not JSON \u00e9\u{1F600}';
const FUTURE = (payload) => JSON.stringify({ schema: 99, data_version: '2099.01', saved_at: 4102444800000, payload });
const FUTURE_LIST = FUTURE([{ id: 'f1', name: 'From the future', created: 1, updated: 1, scenario: { hyperdrive: true } }]);
const FUTURE_WORKING = FUTURE({ accelerator: 'b900', count: 1e9 });

for (const [label, raw] of [['garbage', GARBAGE], ['a future schema', FUTURE_LIST]]) {
  test(`saved list holding ${label}: the page works, the data is kept aside and saving does not lose it`, async () => {
    const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.saved]: raw } });
    await finiteMetrics(page);
    const note = page.locator('#unreadable-note');
    await note.waitFor();
    assert.ok(await note.isVisible(), 'the unreadable-data notice is visible');
    assert.match(await note.innerText(), label === 'garbage' ? /could not be read/ : /newer version/);
    assert.equal(await page.locator('#no-saved').count(), 1, 'an empty list is shown');

    const kept = backups(await storageDump(page));
    assert.deepEqual(Object.values(kept), [raw], `the data is kept byte for byte under a backup key: ${Object.keys(kept)}`);
    const [backupKey] = Object.keys(kept);
    assert.match(backupKey, /^gigafactory-planner\.backup\.[a-z]+\.\d+(-\d+)?$/);
    assert.equal((await storageDump(page))[KEYS.saved], raw, 'the original key is not overwritten before a change');

    const file = await download(page, '#unreadable-note button');
    assert.ok(file.text.includes(raw), 'the notice offers the unreadable data as a download');

    await saveAs(page, 'After the accident');
    const dump = await storageDump(page);
    assert.equal(dump[backupKey], raw, 'saving a new scenario keeps the backup');
    assert.deepEqual(JSON.parse(dump[KEYS.saved]).payload.map((s) => s.name), ['After the accident']);

    await page.reload();
    await finiteMetrics(page);
    await waitForCount(page, 1);
    assert.equal((await storageDump(page))[backupKey], raw, 'the backup survives a reload');
    assert.equal(await page.locator('#unreadable-note').count(), 0, 'a readable list raises no notice');
    assert.deepEqual(problems, [], 'no console errors');
    await close();
  });
}

for (const [label, raw, reason] of [['garbage', GARBAGE, /unreadable/], ['a future schema', FUTURE_WORKING, /newer version/]]) {
  test(`working scenario holding ${label}: defaults are used, the data is kept aside and the page says where`, async () => {
    const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.working]: raw } });
    const metrics = await finiteMetrics(page);
    assert.equal(metrics.accelerator_count, 100000, 'the default scenario is used');
    const kept = backups(await storageDump(page));
    assert.deepEqual(Object.values(kept), [raw], 'the data is kept byte for byte under a backup key');
    const [backupKey] = Object.keys(kept);
    const notice = page.locator('.notices p.notice');
    assert.equal(await notice.count(), 1, 'one notice about storage');
    const text = await notice.innerText();
    assert.match(text, reason);
    assert.ok(text.includes(backupKey), `the notice names the backup key ${backupKey}: "${text}"`);

    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '20000'));
    await saveAs(page, 'Fresh start');
    await page.reload();
    assert.equal((await finiteMetrics(page)).accelerator_count, 20000, 'the new working scenario is kept');
    assert.equal((await storageDump(page))[backupKey], raw, 'the backup survives edits, a save and a reload');
    assert.equal(await page.locator('.notices').count(), 0, 'no notice once the data is readable');
    assert.deepEqual(problems, [], 'no console errors');
    await close();
  });
}

test('two unreadable keys at once are both kept aside, even when the clock does not move', async (t) => {
  const other = '<<< another unreadable working scenario >>>';
  const seed = { [KEYS.saved]: GARBAGE, [KEYS.working]: other };
  await t.test('with the real clock', async () => {
    const { page, problems, close } = await openPlanner(env, '', { seed });
    await finiteMetrics(page);
    const kept = Object.values(backups(await storageDump(page))).sort();
    assert.deepEqual(kept, [GARBAGE, other].sort(), 'each unreadable value has its own backup');
    assert.deepEqual(problems, []);
    await close();
  });
  // Browsers that coarsen timers (Firefox's resistFingerprinting rounds to
  // 100 ms or more) give both set-asides the same millisecond.
  await t.test('with a coarse clock (Date.now frozen)', async () => {
    const { context, page, problems, close } = await openPlanner(env, '', { wait: false });
    await context.addInitScript(() => { Date.now = () => 1767225600000; });
    await page.evaluate((seed) => { localStorage.clear(); for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v); }, seed);
    await page.reload();
    await finiteMetrics(page);
    const kept = Object.values(backups(await storageDump(page))).sort();
    assert.deepEqual(kept, [GARBAGE, other].sort(), 'each unreadable value has its own backup');
    assert.deepEqual(problems, []);
    await close();
  });
});

test('a full storage: the browser\'s refusal is said with an error status, the scenarios stay listed in the tab', async (t) => {
  const { page, problems, close } = await openPlanner(env);
  const first = await saveAs(page, 'Before the storage filled');
  const filler = await fillStorage(page);
  assert.ok(filler.length > 0, 'storage was filled');
  const status = page.locator('#scenario-status');
  try {
    await change(page, 'accelerator_count', () => page.fill('input[name=count]', '30000'));
    const saved = await saveAs(page, 'Kept in this tab');
    assert.deepEqual(await listed(page), [first, saved], 'the new scenario stays listed in this tab');
    assert.deepEqual((await storedLibrary(page)).payload.map((s) => s.name), ['Before the storage filled'],
      'the stored list is the last one written, intact');

    await t.test('saving a new scenario shows the refusal', async () => {
      assert.equal(await status.getAttribute('class'), 'status error', `the status is an error: "${await status.innerText()}"`);
      assert.match(await status.innerText(), /refused/i);
    });

    await t.test('duplicating shows the refusal', async () => {
      await item(page, 'Kept in this tab').locator('button.duplicate').click();
      await waitForCount(page, 3);
      await page.waitForFunction(() => document.querySelector('#scenario-status')?.className === 'status error');
      assert.match(await status.innerText(), /refused.*QuotaExceededError/i, `status: "${await status.innerText()}"`);
      assert.equal(await status.getAttribute('role'), 'status');
    });

    await t.test('the unsaved scenarios still open from the list', async () => {
      await page.fill('input[name=count]', '40000');
      await item(page, 'Kept in this tab').locator('button.open').click();
      await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '30000');
      await finiteMetrics(page);
    });
    assert.deepEqual(problems, [], 'no console errors or page errors');
  } finally {
    await clearFiller(page, filler);
    await close();
  }
});

test('two tabs: a scenario saved in one appears in the other without a reload', async () => {
  const a = await openPlanner(env);
  const b = await openPlanner(env, '', { context: a.context });
  assert.equal(await b.page.locator('#no-saved').count(), 1);
  const saved = await saveAs(a.page, 'From tab A');
  await waitForCount(b.page, 1);
  assert.deepEqual(await listed(b.page), [saved]);
  // And back: a rename in B reaches A.
  await item(b.page, 'From tab A').locator('button.rename-btn').click();
  await b.page.fill('form.rename input[name=rename]', 'Renamed in B');
  await b.page.locator('form.rename button[type=submit]').click();
  await item(a.page, 'Renamed in B').waitFor();
  assert.deepEqual(await listed(a.page), [{ id: saved.id, name: 'Renamed in B' }]);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
});

test('compare: ticking 2 then 3 saved scenarios shows a chart and marks the differences; 1 hides it', async () => {
  const { page, problems, close } = await openPlanner(env, '?country=DE&count=20000');
  await saveAs(page, 'Germany');
  await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'SE'));
  await saveAs(page, 'Sweden');
  await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'PL'));
  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '40000'));
  await saveAs(page, 'Poland, twice the size');
  assert.equal(await page.locator('#compare').count(), 0, 'no comparison before ticking');

  await item(page, 'Germany').locator('input.pick').check();
  await settle(page);
  assert.equal(await page.locator('#compare').count(), 0, 'one ticked scenario is not a comparison');
  await item(page, 'Sweden').locator('input.pick').check();
  await page.locator('#compare').waitFor();
  await page.waitForFunction(() => {
    const c = document.querySelector('#chart-compare canvas');
    return c && c.width > 0;
  });
  await settle(page);
  assert.ok((await inkedShare(page, '#chart-compare canvas')) > 0.01, 'the comparison chart has ink');
  const head = await page.$$eval('#compare table.compare-table thead th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.deepEqual(head.slice(1), ['Germany', 'Sweden']);
  const row = (name) => page.$$eval('#compare table.compare-table tbody tr', (trs, name) => {
    const tr = trs.find((r) => r.querySelector('th')?.textContent.trim() === name);
    // The cell's visible text: a marked cell also tells screen readers it differs.
    const shown = (td) => [...td.childNodes].filter((n) => !n.classList?.contains('sr-only')).map((n) => n.textContent).join('').trim();
    return tr ? [...tr.querySelectorAll('td')].map((td) => ({
      text: shown(td), differs: td.classList.contains('differs'), said: td.querySelector('.sr-only')?.textContent.trim() ?? null,
    })).map(({ said, ...cell }) => {
      if ((said !== null) !== cell.differs) throw new Error(`a marked cell tells screen readers, an unmarked one does not: ${JSON.stringify({ said, ...cell })}`);
      return cell;
    }) : null;
  }, name);
  assert.deepEqual(await row('Country (EU member state)'), [{ text: 'Germany', differs: false }, { text: 'Sweden', differs: true }]);
  const count2 = await row('Accelerators');
  assert.deepEqual(count2, [{ text: '20,000', differs: false }, { text: '20,000', differs: false }], 'equal counts are not marked');
  const co2 = await row('CO₂ per year');
  assert.deepEqual(co2.map((c) => c.differs), [false, true], 'CO2 differs');
  assert.match(co2[1].text, /^[\d.,]+k?\st \(\u2212\d+(\.\d)?%\)$/, `Sweden's CO₂ with its change from Germany's: ${co2[1].text}`);
  assert.equal(await page.locator('#compare table.compare-table td.differs').count() > 1, true);

  await item(page, 'Poland, twice the size').locator('input.pick').check();
  await page.waitForFunction(() => document.querySelectorAll('#compare table.compare-table thead th').length === 4);
  await settle(page);
  assert.deepEqual((await row('Country (EU member state)')).map((c) => c.differs), [false, true, true]);
  assert.deepEqual(await row('Accelerators'), [
    { text: '20,000', differs: false }, { text: '20,000', differs: false }, { text: '40,000 (+100%)', differs: true },
  ]);
  assert.ok((await inkedShare(page, '#chart-compare canvas')) > 0.01, 'the chart still has ink with three');

  await item(page, 'Sweden').locator('input.pick').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('#compare table.compare-table thead th').length === 3);
  await item(page, 'Poland, twice the size').locator('input.pick').uncheck();
  await page.locator('#compare').waitFor({ state: 'detached' });
  assert.ok(await item(page, 'Germany').locator('input.pick').isChecked(), 'the last ticked one stays ticked');
  assert.deepEqual(problems, []);
  await close();
});

/** Click a share button and return what it produced: the clipboard text or the fallback text. */
async function shared(page, selector) {
  await page.click(selector);
  const status = page.locator('#share-status');
  await status.waitFor();
  if (await page.locator('#share-text').count()) return { how: 'fallback', text: await page.inputValue('#share-text') };
  assert.match(await status.innerText(), /copied/i);
  return { how: 'clipboard', text: await page.evaluate(() => navigator.clipboard.readText()) };
}

test('copy link reproduces every data-value in a new context, by clipboard or by the fallback text', async (t) => {
  const query = '?count=23456&country=FI&cooling=immersion&utilization=0.62&years=12';
  for (const mode of ['clipboard', 'fallback']) {
    await t.test(mode, async () => {
      const { context, page, problems, close } = await openPlanner(env, query);
      if (mode === 'clipboard') {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      } else {
        await page.evaluate(() => {
          navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
        });
      }
      const values = await snapshot(page);
      const got = await shared(page, '#copy-link');
      assert.equal(got.how, mode);
      const link = new URL(got.text);
      assert.equal(link.origin, env.server.url);
      assert.equal(link.searchParams.get('embed'), null, 'the link is for the full page');
      await close();
      const fresh = await openPlanner(env, link.search);
      assert.deepEqual(await snapshot(fresh.page), values, 'the link reproduces every data-value');
      assert.equal(await fresh.page.inputValue('select[name=country]'), 'FI');
      assert.deepEqual([...problems, ...fresh.problems], []);
      await fresh.close();
    });
  }
});

test('export then import round-trips the names; an invalid entry is rejected with its reason', async (t) => {
  const { page, problems, close } = await openPlanner(env, '?count=8000');
  await saveAs(page, 'Alpha');
  await change(page, 'co2_t_per_year', () => page.selectOption('select[name=country]', 'IE'));
  await saveAs(page, 'Beta "quoted", Ireland');
  await change(page, 'pue', () => page.selectOption('select[name=cooling]', 'immersion'));
  await saveAs(page, 'Γάμμα — ünïcödé');
  const names = await listedNames(page);
  const stored = (await storedLibrary(page)).payload;

  let exported;
  await t.test('export all downloads every scenario as versioned JSON', async () => {
    const file = await download(page, '#export-all');
    assert.equal(file.name, 'gigafactory-scenarios.json');
    exported = JSON.parse(file.text);
    assert.equal(exported.format, 'gigafactory-planner/scenarios');
    assert.equal(exported.schema, 1);
    assert.equal(typeof exported.data_version, 'string');
    assert.deepEqual(exported.scenarios.map((s) => s.name), names);
    assert.deepEqual(exported.scenarios.map((s) => s.scenario), stored.map((s) => s.scenario));
  });

  await t.test('import into an empty storage lists the same names with the same inputs', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#no-saved').waitFor();
    assert.equal(await page.locator('#export-all').isDisabled(), true, 'nothing to export');
    await page.setInputFiles('#import-file', {
      name: 'gigafactory-scenarios.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
    });
    await waitForCount(page, 3);
    assert.deepEqual(await listedNames(page), names);
    assert.equal(await page.locator('#scenario-status').innerText(), 'Imported 3 scenarios.');
    assert.deepEqual((await storedLibrary(page)).payload.map((s) => s.scenario), stored.map((s) => s.scenario));
  });

  await t.test('an invalid entry is rejected with its reason and the valid ones are imported', async () => {
    const file = {
      format: 'gigafactory-planner/scenarios', schema: 1, data_version: exported.data_version, exported_at: 0,
      scenarios: [
        { name: 'Valid one', scenario: exported.scenarios[0].scenario },
        { name: 'Too hot', scenario: { ...exported.scenarios[0].scenario, utilization: 1.7 } },
        { name: 'Valid two', scenario: exported.scenarios[1].scenario },
      ],
    };
    await page.setInputFiles('#import-file', {
      name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
    });
    await waitForCount(page, 5);
    assert.deepEqual((await listedNames(page)).slice(3), ['Valid one', 'Valid two']);
    const status = page.locator('#scenario-status');
    const text = await status.innerText();
    assert.match(text, /2/, `the status counts the imported ones: "${text}"`);
    const rejected = await status.locator('ul.rejected li').allInnerTexts();
    assert.equal(rejected.length, 1, `one rejection: ${rejected}`);
    assert.match(rejected[0], /Too hot/);
    assert.match(rejected[0], /utilization/);
    assert.match(rejected[0], /1\.7/);
  });

  await t.test('a file that is not JSON is an error and changes nothing', async () => {
    await page.setInputFiles('#import-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope{') });
    await page.waitForFunction(() => document.querySelector('#scenario-status')?.className === 'status error');
    assert.equal((await listed(page)).length, 5);
  });

  await t.test('the CSV download holds every metric with the page\'s values', async () => {
    await page.locator('li.saved').first().locator('button.open').click();
    await page.waitForFunction(() => document.querySelector('[data-metric=accelerator_count]').dataset.value === '8000');
    await settle(page);
    const values = await snapshot(page);
    const file = await download(page, '#download-csv');
    assert.match(file.name, /\.csv$/);
    const lines = file.text.trim().split('\n');
    assert.equal(lines[0], 'section,name,value,p10,p90');
    const results = Object.fromEntries(lines.filter((l) => l.startsWith('result,')).map((l) => l.split(',')).map((c) => [c[1], c[2]]));
    assert.deepEqual(Object.keys(results).sort(), [...METRICS].sort(), 'every metric once');
    for (const m of METRICS) {
      const a = parseFloat(results[m]);
      const b = parseFloat(values[m]);
      assert.ok(Number.isFinite(a) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${m}: CSV ${results[m]} vs page ${values[m]}`);
    }
    assert.ok(lines.some((l) => l === 'input,count,8000,,'), 'the inputs follow');
  });

  assert.deepEqual(problems, []);
  await close();
});

test('an unusable storage (it throws) leaves the full page working with a message', async () => {
  const { context, page, problems, close } = await openPlanner(env, '', { wait: false });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.reload();
  await finiteMetrics(page);
  await page.locator('.notices p.notice').waitFor();
  assert.match(await page.locator('.notices p.notice').innerText(), /unavailable/i);
  const saved = await saveAs(page, 'In memory only');
  assert.equal(saved.name, 'In memory only', 'the list still works in the tab');
  await change(page, 'accelerator_count', () => page.fill('input[name=count]', '16000'));
  assert.deepEqual(problems, []);
  await close();
});

test('unreadable data found again on each reload is kept aside once, not once per visit', async () => {
  const { page, problems, close } = await openPlanner(env, '', { seed: { [KEYS.saved]: GARBAGE } });
  await finiteMetrics(page);
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await finiteMetrics(page);
  }
  const dump = await storageDump(page);
  assert.equal(dump[KEYS.saved], GARBAGE, 'nothing was saved over it meanwhile');
  assert.deepEqual(Object.values(backups(dump)), [GARBAGE], `one backup: ${Object.keys(backups(dump))}`);
  assert.deepEqual(problems, []);
  await close();
});
