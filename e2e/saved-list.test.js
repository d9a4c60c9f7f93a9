// The saved list's smaller promises: a rename says so and refuses an empty
// name with a reason; a file imported twice does not double the list; Undo
// after Delete gives back the compare tick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPlanner, listedNames, item, waitForCount, saveAs } from './helpers-scenarios.js';

const env = useServerAndBrowser();

test('a rename says its name, and an empty name is refused with a reason, the field kept open', async () => {
  const { page, problems, close } = await openPlanner(env);
  try {
    await saveAs(page, 'Alpha');
    await item(page, 'Alpha').locator('button.rename-btn').click();
    await page.fill('form.rename input', '   ');
    await page.press('form.rename input', 'Enter');
    const status = page.locator('#scenario-status');
    await status.filter({ hasText: 'cannot be empty' }).waitFor();
    assert.match(await status.getAttribute('class'), /error/);
    assert.equal(await page.locator('form.rename input').count(), 1, 'the field stays open');
    assert.deepEqual(await listedNames(page), ['Alpha']);
    await page.fill('form.rename input', 'Beta');
    await page.press('form.rename input', 'Enter');
    await item(page, 'Beta').waitFor();
    assert.equal(await status.innerText(), 'Renamed to “Beta”.');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a file imported twice is not saved twice: the second import says what it skipped', async () => {
  const { page, problems, close } = await openPlanner(env, '?lang=fr');
  try {
    const file = JSON.stringify({
      format: 'gigafactory-planner/scenarios', schema: 1,
      scenarios: [
        { name: 'Suède', scenario: { country: 'SE' } },
        { name: 'Suède', scenario: { country: 'SE' } },
        { name: 'Grèce', scenario: { country: 'GR' } },
      ],
    });
    const importIt = () => page.setInputFiles('#import-file', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await importIt();
    await page.locator('#scenario-status', { hasText: '2 scénarios importés. 1 déjà enregistrés, ignorés.' }).waitFor();
    await waitForCount(page, 2);
    await page.setInputFiles('#import-file', []);
    await importIt();
    await page.locator('#scenario-status', { hasText: 'Aucun scénario importé. 3 déjà enregistrés, ignorés.' }).waitFor();
    assert.deepEqual(await listedNames(page), ['Suède', 'Grèce']);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('Undo after Delete gives back the compare tick, in its place', async () => {
  const { page, problems, close } = await openPlanner(env);
  try {
    for (const name of ['One', 'Two', 'Three']) await saveAs(page, name);
    for (const name of ['One', 'Two', 'Three']) await item(page, name).locator('input.pick').check();
    await item(page, 'Two').locator('button.delete').click();
    await waitForCount(page, 2);
    await page.click('#undo-delete');
    await waitForCount(page, 3);
    await page.waitForFunction(() => document.querySelectorAll('ul.saved-list input.pick:checked').length === 3);
    assert.ok(await item(page, 'Two').locator('input.pick').isChecked());
    // Compare lists them in ticking order: Two is back between One and Three.
    const heads = await page.locator('#compare thead th, #compare [role="columnheader"]').allInnerTexts();
    const order = ['One', 'Two', 'Three'].map((n) => heads.findIndex((h) => h.includes(n)));
    assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], `compare columns: ${heads}`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('compare keeps a refused scenario\'s reason inside its column', async () => {
  const list = JSON.stringify({
    schema: 1, data_version: '2026.11', saved_at: 1,
    payload: [
      { id: 'a', name: 'Refused', created: 1, updated: 1, scenario: { accelerator: 'gb200', cooling: 'air' } },
      { id: 'b', name: 'Fine', created: 1, updated: 1, scenario: {} },
    ],
  });
  const { page, problems, close } = await openPlanner(env, '', { seed: { 'gigafactory-planner.saved': list }, viewport: { width: 1440, height: 900 } });
  try {
    await waitForCount(page, 2);
    await item(page, 'Refused').locator('input.pick').check();
    await item(page, 'Fine').locator('input.pick').check();
    const table = page.locator('table.compare-table.has-refusal');
    await table.waitFor();
    const [tableWidth, boxWidth] = await table.evaluate((t) => [t.getBoundingClientRect().width, t.closest('.table-scroll').clientWidth]);
    assert.ok(tableWidth <= boxWidth + 1, `the table (${tableWidth} px) fits its box (${boxWidth} px)`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
