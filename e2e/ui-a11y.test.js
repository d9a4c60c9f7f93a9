// French text and number formatting and the language switch; axe-core audits
// (light, dark, French); keyboard access from the top of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, snapshot, settle, axeSerious, describeViolations, PLAIN_NUMBER } from './helpers-ui.js';

const env = useBrowser();

const NNBSP = '\u202f';

test('?lang=fr shows French text and French numbers; the switch toggles the language', async () => {
  const { page, problems, context } = await openApp(env, '?lang=fr');
  assert.match(await page.locator('h1').innerText(), /Planificateur/);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('.lang-switch button[lang=fr]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.lang-switch button[lang=en]').getAttribute('aria-pressed'), 'false');

  const values = await snapshot(page);
  const shown = async (m) => (await page.locator(`[data-metric="${m}"] .kpi-value`).innerText()).trim();
  // 100 000 accelerators: grouped with a narrow no-break space, data-value plain.
  const count = await shown('accelerator_count');
  assert.ok(count.includes(NNBSP), `French grouping uses U+202F: ${JSON.stringify(count)}`);
  assert.equal(count.replace(/\s/g, ''), values.accelerator_count, 'grouping aside, the count is the data-value');
  // PUE 1,113: comma decimal.
  const pue = await shown('pue');
  assert.match(pue, /^1,\d{3}$/, `French decimal comma: ${JSON.stringify(pue)}`);
  assert.ok(Math.abs(parseFloat(pue.replace(',', '.')) - parseFloat(values.pue)) < 5e-4, 'shown PUE rounds the data-value');
  for (const [m, v] of Object.entries(values)) assert.match(v, PLAIN_NUMBER, `${m} data-value stays plain in French: ${v}`);
  assert.match(await shown('train_days'), /jours/);

  // Switch to English: text, numbers, <html lang>, aria-pressed and the link follow; values do not change.
  await page.click('.lang-switch button[lang=en]');
  await page.waitForFunction(() => document.querySelector('h1').textContent.includes('Planner'));
  await settle(page);
  assert.equal(await page.locator('h1').innerText(), 'AI Gigafactory Planner');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('.lang-switch button[lang=en]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.lang-switch button[lang=fr]').getAttribute('aria-pressed'), 'false');
  assert.equal(await shown('accelerator_count'), '100,000');
  assert.match(await shown('pue'), /^1\.\d{3}$/);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.deepEqual(await snapshot(page), values, 'the language does not change any data-value');

  // And back to French.
  await page.click('.lang-switch button[lang=fr]');
  await page.waitForFunction(() => document.querySelector('h1').textContent.includes('Planificateur'));
  await settle(page);
  assert.equal(await page.locator('.lang-switch button[lang=fr]').getAttribute('aria-pressed'), 'true');
  assert.equal(await shown('accelerator_count'), `100${NNBSP}000`);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'fr');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [label, query, options] of [
  ['light', '?lang=en', { colorScheme: 'light' }],
  ['dark', '?lang=en', { colorScheme: 'dark' }],
  ['French', '?lang=fr', { colorScheme: 'light' }],
]) {
  test(`axe-core: no serious or critical violations (${label})`, async () => {
    const { page, problems, context } = await openApp(env, query, options);
    await settle(page);
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(dark, options.colorScheme === 'dark', 'the colour scheme under audit is the one asked for');
    const violations = await axeSerious(page);
    assert.equal(violations.length, 0, `axe (${label}):\n${describeViolations(violations)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('axe-core: no serious or critical violations with link notices, an invalid field and a model error', async () => {
  const { page, problems, context } = await openApp(env, '?utilization=abc&cooling=lava&lang=en');
  await page.fill('input[name=count]', 'abc');
  await page.waitForFunction(() => document.querySelector('#in-count-error').textContent.trim() !== '');
  await page.selectOption('select[name=accelerator]', 'gb200');
  await page.selectOption('select[name=cooling]', 'air');
  await page.locator('.model-error').waitFor();
  await settle(page);
  assert.equal(await page.locator('p.notice').count(), 2);
  const violations = await axeSerious(page);
  assert.equal(violations.length, 0, `axe (error states):\n${describeViolations(violations)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: Import (JSON), a hidden file input, shows its focus on its visible label', async () => {
  const { page, problems, context } = await openApp(env, '?lang=en');
  const label = page.locator('label[for=import-file]');
  const outline = () => label.evaluate((l) => getComputedStyle(l).outlineStyle);
  assert.equal(await outline(), 'none', 'no outline before it is focused');
  await page.locator('#export-all').evaluate((b) => { b.disabled = false; });
  await page.focus('#export-all');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-file');
  assert.notEqual(await outline(), 'none', 'the label shows the focus');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: Tab reaches the skip link first, then controls, each with a visible focus outline', async () => {
  const { page, problems, context } = await openApp(env, '?lang=en');
  await settle(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const b = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.className,
      id: el.id,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      text: el.textContent.trim().slice(0, 40),
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      visible: b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight,
    };
  });
  await page.keyboard.press('Tab');
  const skip = await focused();
  assert.equal(skip.tag, 'a', `first Tab stop is the skip link, got ${JSON.stringify(skip)}`);
  assert.match(skip.cls, /\bskip\b/);
  assert.equal(skip.text, 'Skip to results');
  assert.ok(skip.visible, 'the skip link shows itself when focused');
  assert.notEqual(skip.outlineStyle, 'none', 'the skip link has a visible focus outline');
  assert.ok(skip.outlineWidth > 0);

  const controls = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    assert.ok(['a', 'button', 'input', 'select', 'textarea'].includes(f.tag), `Tab stop ${i + 2} is a control: ${JSON.stringify(f)}`);
    assert.notEqual(f.outlineStyle, 'none', `Tab stop ${i + 2} (${f.tag}#${f.id}${f.name ? '[name=' + f.name + ']' : ''}) has a visible focus outline`);
    assert.ok(f.outlineWidth > 0, `Tab stop ${i + 2} outline width > 0`);
    assert.ok(f.visible, `Tab stop ${i + 2} is scrolled into view`);
    controls.push(f);
  }
  // The language switch then the form: the first form fields are reached by keyboard.
  assert.ok(controls.some((c) => c.tag === 'button' && c.text === 'FR'), `language switch reachable: ${JSON.stringify(controls.map((c) => c.tag + (c.name ? ':' + c.name : '')))}`);
  assert.ok(controls.some((c) => c.name === 'size_by'), 'the sizing mode select is reachable');
  assert.ok(controls.some((c) => c.name === 'count'), 'the count field is reachable');

  // The skip link moves focus to the results.
  await page.keyboard.press('Shift+Tab'); // leave wherever we are, then go back to the top
  await page.evaluate(() => document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.focus('a.skip');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.deepEqual(problems, []);
  await context.close();
});
