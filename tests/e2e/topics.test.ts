import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

interface Hooks {
  visibleLabels(): string[];
  view(): { target: [number, number]; zoom: number } | null;
}

const labels = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.visibleLabels());

const view = (page: Page) =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.view());

/** Waits until the labels on screen stop changing (after a zoom or a fly) and returns them. */
async function settledLabels(page: Page): Promise<string[]> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = (await labels(page)).join('\n');
    if (now === last && now) return now.split('\n');
    last = now;
  }
  return last ? last.split('\n') : [];
}

/** Scrolls the wheel over the map's centre (right of the topic list) `steps` times. */
async function zoomIn(page: Page, steps: number, delta = 100): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.58, box.y + box.height * 0.5);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, -delta);
    await page.waitForTimeout(120);
  }
}

describe('the topic map in Chromium', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('labels regions zoomed out, finer topics zoomed in, and flies to a topic from the list', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);

    const list = page.getByTestId('topic-list');
    const regions = (await list.locator(':scope > ul > li > .row .label').allTextContents()).map(
      (t) => t.trim(),
    );
    assert.ok(regions.length >= 3, `only ${regions.length} regions`);

    const first = await settledLabels(page);
    assert.ok(first.length >= 2, `only ${first.length} labels at the first zoom`);
    await screenshot(page, 'topics-zoom-1');
    for (const label of first) assert.ok(regions.includes(label), `"${label}" is not a region`);

    await zoomIn(page, 3);
    const second = await settledLabels(page);
    await screenshot(page, 'topics-zoom-2');
    const finer = second.filter((l) => !regions.includes(l));
    assert.ok(finer.length > 0, `no finer labels after zooming in: ${second.join(' | ')}`);

    await zoomIn(page, 1, 50);
    const third = await settledLabels(page);
    await screenshot(page, 'topics-zoom-3');
    assert.ok(third.length > 0, 'no labels at the third zoom');

    // Open the largest region and fly to its first topic.
    const before = await view(page);
    assert.ok(before);
    const region = list.locator(':scope > ul > li').first();
    await region.locator('.toggle').first().click();
    const child = region.locator('ul > li').first();
    const childLabel = (await child.locator('.label').first().textContent())?.trim();
    assert.ok(childLabel);
    await child.getByTestId('topic-item').first().click();
    await page.waitForTimeout(1200);
    const flown = await view(page);
    assert.ok(flown);
    assert.ok(Math.abs(flown.zoom - before.zoom) > 0.1, `zoom ${before.zoom} → ${flown.zoom}`);
    const moved = Math.hypot(
      flown.target[0] - before.target[0],
      flown.target[1] - before.target[1],
    );
    assert.ok(moved > 0, 'the view did not move');
    await settledLabels(page);
    await screenshot(page, 'topics-flown');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
