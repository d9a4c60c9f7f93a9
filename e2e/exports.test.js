// Files the planner writes cannot attack their reader: a scenario named like a
// spreadsheet formula is written as text in the results CSV, and the file is
// named after the scenario and the day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPlanner, item, waitForCount, download } from './helpers-scenarios.js';

const env = useServerAndBrowser();

/** The cells of one CSV row (RFC 4180 quoting). */
function cells(row) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted) {
      if (c !== '"') cur += c;
      else if (row[i + 1] === '"') { cur += '"'; i++; } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

test('a scenario named =HYPERLINK(…) is written as text in the results CSV, which is named after it', async () => {
  const { page, problems, close } = await openPlanner(env);
  try {
    const name = '=HYPERLINK("http://x")';
    const file = JSON.stringify({ format: 'gigafactory-planner/scenarios', schema: 1, scenarios: [{ name, scenario: { sizing: { mode: 'count', value: 5000 }, country: 'SE' } }] });
    await page.setInputFiles('#import-file', { name: 'attack.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await waitForCount(page, 1);
    await item(page, name).locator('button.open').click();
    await page.waitForFunction(() => document.querySelector('[data-metric="accelerator_count"]')?.dataset.value === '5000');
    const csv = await download(page, '#download-csv');
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(csv.name, `gigafactory-hyperlink-http-x-${today}.csv`);
    const line = csv.text.split('\n').find((l) => l.startsWith('input,scenario_name,'));
    assert.equal(line, `input,scenario_name,"'=HYPERLINK(""http://x"")",,`);
    // No cell of the file starts a formula.
    for (const row of csv.text.trim().split('\n')) {
      for (const text of cells(row)) {
        assert.ok(!/^[=+@\t\r]/.test(text) && !/^-(?![\d.])/.test(text), `cell ${JSON.stringify(text)} in ${row}`);
      }
    }
    // Numbers stay numbers.
    assert.match(csv.text, /^result,accelerator_count,5000,/m);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
