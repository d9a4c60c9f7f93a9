// axe-core over the other two views: the comparison of saved scenarios and the
// embedded view, light and dark. Zero serious or critical violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, axeSerious, describeViolations, settle } from './helpers-ui.js';
import { saveAs } from './helpers-scenarios.js';

const env = useBrowser();

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: the compare view (${colorScheme})`, async () => {
    const { page, problems, context } = await openApp(env, '', { colorScheme });
    for (const [name, country] of [['Frankfurt', 'DE'], ['Luleå region', 'SE']]) {
      await page.selectOption('select[name=country]', country);
      await saveAs(page, name);
    }
    for (const name of ['Frankfurt', 'Luleå region']) await page.check(`li.saved[data-name="${name}"] input.pick`);
    await page.waitForSelector('#compare td.differs');
    await settle(page);
    const violations = await axeSerious(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`axe-core: the embedded view (${colorScheme})`, async () => {
    const { page, problems, context } = await openApp(env, '?embed=1&count=20000&country=FR', {
      colorScheme,
      viewport: { width: 480, height: 900 },
    });
    await page.waitForSelector('main.embed');
    await settle(page);
    const violations = await axeSerious(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(problems, []);
    await context.close();
  });
}
