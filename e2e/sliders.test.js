// Sliders for hands and keys: each moves by a step that means something, one
// per arrow and ten per page, and writes values rounded to it into its field
// and into the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPlanner } from './helpers-scenarios.js';

const env = useServerAndBrowser();
const slider = (page, id) => page.locator(`.field:has(#${id}) input.slider`);

/** Press `key` `n` times on the slider of field `id`; wait for the field and the link to say `value`. */
async function press(page, id, key, n, param, value) {
  await slider(page, id).focus();
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
  await page.waitForFunction(([id, value]) => document.getElementById(id).value === value, [id, value]);
  await page.waitForFunction(([param, value]) => new URLSearchParams(location.search).get(param) === value, [param, value]);
}

test('arrow keys move sliders by their step, pages by ten, and links carry rounded values', async () => {
  const { page, problems, close } = await openPlanner(env, '?lang=en');
  try {
    await press(page, 'in-utilization', 'ArrowRight', 3, 'utilization', '0.83');
    await press(page, 'in-utilization', 'ArrowLeft', 1, 'utilization', '0.82');
    await press(page, 'in-years', 'PageUp', 1, 'years', '20');
    await press(page, 'in-wacc', 'ArrowUp', 1, 'wacc', '0.075');
    // The count's log slider: the second significant digit, whole accelerators.
    await press(page, 'in-count', 'ArrowUp', 1, 'count', '110000');
    await press(page, 'in-count', 'ArrowDown', 1, 'count', '100000');
    // Below 100,000 the second digit is the thousands.
    await press(page, 'in-count', 'ArrowDown', 1, 'count', '99000');
    await press(page, 'in-count', 'PageDown', 1, 'count', '89000');
    assert.equal(await slider(page, 'in-count').getAttribute('aria-valuetext'), '89,000');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the size field\'s help follows the sizing mode, in both languages', async () => {
  const { page, problems, close } = await openPlanner(env, '?lang=fr');
  try {
    assert.match(await page.locator('#in-count-help').innerText(), /accélérateurs/);
    await page.selectOption('#in-size-by', 'capex_eur');
    await page.locator('#in-capex-help', { hasText: 'budget d\'investissement' }).waitFor();
    await page.click('button[lang=en]');
    await page.locator('#in-capex-help', { hasText: 'capital budget' }).waitFor();
    await page.selectOption('#in-size-by', 'power_mw');
    await page.locator('#in-power-help', { hasText: 'peak draw' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
