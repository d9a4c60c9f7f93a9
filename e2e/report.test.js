// The printed report says what it describes: the scenario's name, every input,
// the model version, the date and the link back; its charts keep their shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPlanner, saveAs } from './helpers-scenarios.js';
import { CHARTS, SCREENSHOTS, drawAllCharts, waitForInk, settle } from './helpers-ui.js';

const env = useServerAndBrowser();

for (const lang of ['en', 'fr']) {
  test(`the printed report starts with the scenario, and its charts keep their aspect ratio (${lang})`, async () => {
    const { page, problems, close } = await openPlanner(env, `?lang=${lang}&accelerator=h100&country=SE&count=20000`);
    try {
      await saveAs(page, 'Stockholm pilot');
      await settle(page);
      await page.emulateMedia({ media: 'print' });
      await drawAllCharts(page);
      await page.locator('#print-head').waitFor();
      const head = page.locator('#print-head');
      assert.ok(await head.isVisible(), 'shown in print');
      assert.equal(await head.locator('h2').innerText(), 'Stockholm pilot');
      const text = await head.innerText();
      assert.match(text, /H100/);
      assert.match(text, lang === 'fr' ? /Suède/ : /Sweden/);
      assert.match(text, /20[,\u202f\u00a0 ]?000/);
      assert.match(text, lang === 'fr' ? /modèle \d+\.\d+/ : /model \d+\.\d+/);
      assert.match(text, /\d{4}-\d{2}-\d{2}/, 'dated');
      const link = await head.locator('a').getAttribute('href');
      const params = new URL(link).searchParams;
      assert.equal(params.get('count'), '20000');
      assert.equal(params.get('accelerator'), 'h100');
      assert.equal(params.get('country'), 'SE');
      // Inputs: one row each, as the compare view lists them.
      assert.ok((await head.locator('tr').count()) >= 20);
      // Every chart is drawn at print width and shown at its own proportions.
      await waitForInk(page, CHARTS);
      const shapes = await page.$$eval('.chart canvas', (cs) => cs.map((c) => {
        const r = c.getBoundingClientRect();
        return { id: c.closest('figure').id, bitmap: c.width / c.height, box: r.width / r.height };
      }));
      assert.equal(shapes.length, CHARTS.length);
      for (const s of shapes) {
        assert.ok(Math.abs(s.box / s.bitmap - 1) < 0.02, `${s.id}: shown ${s.box.toFixed(3)}, drawn ${s.bitmap.toFixed(3)}`);
      }
      // The first printed page, as a person would look at it.
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: resolve(SCREENSHOTS, `print-${lang}.png`) });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.ok(pdf.length > 20_000, 'a PDF is printed');
      writeFileSync(resolve(SCREENSHOTS, `print-${lang}.pdf`), pdf);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

test('an unsaved scenario prints as such, and the head is never on screen', async () => {
  const { page, problems, close } = await openPlanner(env, '?lang=en');
  try {
    await drawAllCharts(page);
    await page.locator('#print-head').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#print-head').isVisible(), false, 'hidden on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#print-head h2').innerText(), 'Unsaved scenario');
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.locator('#print-head').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
