import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

const MAP_TIMEOUT = 180_000;

interface Hooks {
  layers(): string[];
}

interface SeedPaper {
  date: string | null;
  source: string[];
  upvotes: number | null;
}

const corpus = JSON.parse(readFileSync('public/corpus/default.json', 'utf8')) as {
  papers: SeedPaper[];
};
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** "2015-09-14" → "Sep 2015", as the legend writes a month. */
const monthName = (date: string): string =>
  `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

const layers = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.layers());

/** A PNG of the map right of the side panels, after the frame settles. */
async function mapPixels(page: Page): Promise<Buffer> {
  await page.waitForTimeout(400);
  const box = (await page.getByTestId('map').boundingBox())!;
  return page.screenshot({
    clip: { x: box.x + 300, y: box.y + 20, width: box.width - 340, height: box.height - 40 },
  });
}

describe('colouring the map in Chromium', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('colours by date and by source with a legend, shades density and sizes by upvotes', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const legend = page.getByTestId('legend');
    await legend.waitFor();
    const select = page.getByTestId('colour-by');

    // The menu offers what the default corpus has: dates, upvotes, sources, organisations.
    const options = await select
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    assert.deepEqual(options, ['topic', 'date', 'upvotes', 'source', 'org']);

    // Density shading (with its contours) is drawn under the points, labels on top.
    const drawn = await layers(page);
    assert.ok(drawn.includes('density'), drawn.join());
    assert.ok(drawn.indexOf('density') < drawn.indexOf('papers'));
    assert.ok(drawn.indexOf('papers') < drawn.indexOf('topic-labels-regions'), drawn.join());
    await screenshot(page, 'colour-topic');
    const shaded = await mapPixels(page);
    await page.getByTestId('toggle-density').uncheck();
    assert.ok(!(await layers(page)).includes('density'));
    const plain = await mapPixels(page);
    assert.ok(!shaded.equals(plain), 'the map looks the same without density shading');
    await page.getByTestId('toggle-density').check();
    assert.ok((await layers(page)).includes('density'));

    // By date: a gradient from the corpus's first month to its last.
    await select.selectOption('date');
    const dates = corpus.papers.flatMap((p) => (p.date ? [p.date] : [])).sort();
    await legend.getByTestId('legend-gradient').waitFor();
    assert.equal(await legend.getByTestId('legend-min').textContent(), monthName(dates[0]!));
    assert.equal(await legend.getByTestId('legend-max').textContent(), monthName(dates.at(-1)!));
    await screenshot(page, 'colour-date');

    // By source: one swatch per seed page (a paper's first), counts summing to the corpus.
    await select.selectOption('source');
    const pages = new Set(corpus.papers.map((p) => p.source[0]));
    const entries = legend.getByTestId('legend-entry');
    await entries.first().waitFor();
    assert.equal(await entries.count(), pages.size);
    const counts = (await legend.getByTestId('legend-count').allTextContents()).map(Number);
    assert.equal(
      counts.reduce((s, c) => s + c, 0),
      corpus.papers.length,
    );
    const labels = (await entries.locator('.label').allTextContents()).map((t) => t.trim());
    assert.deepEqual(labels.sort(), [...pages].sort());
    await screenshot(page, 'colour-source');

    // Size by upvotes: some points grow, so the map changes; and back.
    await select.selectOption('upvotes');
    const even = await mapPixels(page);
    await page.getByTestId('toggle-size').check();
    const sized = await mapPixels(page);
    assert.ok(!even.equals(sized), 'sizing by upvotes changed nothing on the map');
    await screenshot(page, 'colour-upvotes-sized');
    await page.getByTestId('toggle-size').uncheck();
    assert.ok((await mapPixels(page)).equals(even), 'unsizing did not restore the map');

    // The link carries the colouring: a new browser opens coloured by date, without shading,
    // points sized by upvotes.
    await select.selectOption('date');
    await page.getByTestId('toggle-density').uncheck();
    await page.getByTestId('toggle-size').check();
    await page.getByTestId('copy-link').click();
    const link = page.url();
    assert.match(link, /colour=date&density=off&size=upvotes/);
    const other = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const receiver = await other.newPage();
    const receiverErrors = collectErrors(receiver);
    await receiver.goto(link);
    await receiver.getByTestId('legend-gradient').waitFor({ timeout: MAP_TIMEOUT });
    assert.equal(await receiver.getByTestId('colour-by').inputValue(), 'date');
    assert.equal(await receiver.getByTestId('toggle-density').isChecked(), false);
    assert.equal(await receiver.getByTestId('toggle-size').isChecked(), true);
    assert.ok(!(await layers(receiver)).includes('density'));
    assert.deepEqual(receiverErrors, []);
    await other.close();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
