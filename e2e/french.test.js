// French throughout: the French page, walked through its main view, every
// panel, compare, a refused scenario and corrupt storage, shows no text of the
// English table (src/i18n.rs) that French says differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPlanner, KEYS, item, waitForCount } from './helpers-scenarios.js';

const env = useServerAndBrowser();

/** The string fields of one table (`pub const EN: Text = Text { … };`) of src/i18n.rs. */
function table(source, name) {
  const start = source.indexOf(`pub const ${name}: Text = Text {`);
  const end = source.indexOf('\n};', start);
  const body = source.slice(start, end);
  const fields = {};
  for (const m of body.matchAll(/^\s+(\w+): "((?:[^"\\]|\\.)*)",?$/gm)) fields[m[1]] = JSON.parse(`"${m[2].replace(/\\u\{([0-9a-fA-F]{1,4})\}/g, (_, h) => `\\u${h.padStart(4, '0')}`)}"`);
  return fields;
}

/**
 * Fragments of English that must not appear on the French page: each English
 * string that French writes otherwise, cut at its `{}` holes, keeping the
 * pieces long enough to be telling (a word of two letters could be French too).
 */
function englishFragments() {
  const source = readFileSync(resolve(import.meta.dirname, '..', 'src', 'i18n.rs'), 'utf8');
  const en = table(source, 'EN');
  const fr = table(source, 'FR');
  assert.ok(Object.keys(en).length > 200, 'the English table was read');
  const out = new Set();
  for (const [key, text] of Object.entries(en)) {
    if (fr[key] === text) continue;
    for (const piece of text.split('{}')) {
      const p = piece.trim();
      if (p.length >= 12 && /[a-z]{3}/.test(p) && !Object.values(fr).some((f) => f.includes(p))) out.add(p);
    }
  }
  return [...out];
}

/** Every text a person can meet on the page: visible text, labels, placeholders, titles. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const texts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) if (el.hasAttribute(a)) texts.push(el.getAttribute(a));
    }
    for (const el of document.querySelectorAll('figcaption, caption, .sr-only')) texts.push(el.textContent);
    // Sources keep their own titles (Eurostat's, Ember's …), in their language.
    let all = texts.join('\n');
    for (const a of document.querySelectorAll('#sources li a')) all = all.split(a.textContent).join('');
    return all;
  });
}

function assertFrench(texts, where, fragments) {
  const found = fragments.filter((f) => texts.includes(f));
  assert.deepEqual(found, [], `${where}: English on the French page`);
}

test('the French page shows no text of the English table: main view, panels, compare, a refusal, corrupt storage', async (t) => {
  const fragments = englishFragments();
  const list = JSON.stringify({
    schema: 1, data_version: '2026.11', saved_at: 1,
    payload: [
      { id: 'a', name: 'Allemagne', created: 1, updated: 1, scenario: {} },
      { id: 'b', name: 'Suède', created: 1, updated: 1, scenario: { country: 'SE' } },
      { id: 'c', name: 'Horizon', created: 1, updated: 1, scenario: { years: 1e8 } },
      { id: 'd', name: 'Illisible', scenario: { wacc: 'x' } },
    ],
  });
  const { page, problems, close } = await openPlanner(env, '?lang=fr', {
    seed: { [KEYS.saved]: list, [KEYS.working]: '<<< illisible >>>' },
    viewport: { width: 1440, height: 900 },
  });
  try {
    await t.test('main view, with every panel drawn and a corrupt working copy', async () => {
      // Panels below the fold draw when near the screen: scroll through the page.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      // The method, the sources and the checks are fetched as they come near: in French.
      await page.locator('#checks tr[data-check]').first().waitFor();
      await page.locator('#sources [data-source]').first().waitFor();
      assert.match(await page.locator('#method').innerText(), /Modèle/);
      for (const d of await page.$$('details')) await d.evaluate((e) => { e.open = true; });
      assertFrench(await pageTexts(page), 'main view', fragments);
    });

    await t.test('compare', async () => {
      await waitForCount(page, 3);
      await item(page, 'Allemagne').locator('input.pick').check();
      await item(page, 'Suède').locator('input.pick').check();
      await page.locator('#compare table, #compare [role="region"]').first().waitFor();
      assertFrench(await pageTexts(page), 'compare', fragments);
    });

    await t.test('a refused scenario, and a refused results file', async () => {
      await page.selectOption('select[name=accelerator]', 'gb200');
      await page.selectOption('select[name=cooling]', 'air');
      await page.locator('.model-error').waitFor();
      await page.click('#download-csv');
      await page.locator('#share [role="status"], #share .status').first().waitFor();
      assertFrench(await pageTexts(page), 'refused scenario', fragments);
    });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
