import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  selected(): number;
  pointAlpha(i: number): number | null;
}

const alphas = (page: Page, indices: number[]) =>
  page.evaluate(
    (list) =>
      list.map((i) => (window as unknown as { __papermap: Hooks }).__papermap.pointAlpha(i)),
    indices,
  );

/** Waits until the map is drawn and no stage is running. */
export async function waitForMap(page: Page): Promise<void> {
  await page.getByTestId('paper-count').waitFor({ timeout: 180_000 });
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 180_000 });
}

const positions = (page: Page, indices: number[]) =>
  page.evaluate(
    (list) =>
      list.map((i) => (window as unknown as { __papermap: Hooks }).__papermap.screenPosition(i)),
    indices,
  );

/**
 * The sharing check of the "Share a map" issue, on the site at `url`: zoom, select a paper,
 * search, filter by a source, copy the link, open it in a new browser context with empty storage,
 * and find the same paper selected, the same view, search and filter, and the points at the same
 * coordinates in the same colours.
 */
export async function checkSharedLink(browser: Browser, url: string, name: string): Promise<void> {
  const site = { url };
  const viewport = { width: 1300, height: 850 };
  const first = await browser.newContext({ viewport });
  const page = await first.newPage();
  const errors = collectErrors(page);
  await page.goto(site.url);
  await waitForMap(page);

  // Zoom in around the middle, then select a paper from the visible area.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(600);
  const pick = await page.evaluate(() => {
    const hooks = (window as unknown as { __papermap: Hooks }).__papermap;
    for (let i = 0; i < 236; i++) {
      const p = hooks.screenPosition(i);
      if (p && p[0] > 300 && p[0] < 800 && p[1] > 100 && p[1] < 700) return i;
    }
    return -1;
  });
  assert.ok(pick >= 0, 'a paper is visible after zooming');
  const [at] = await positions(page, [pick]);
  await page.mouse.click(box.x + at![0], box.y + at![1]);
  await page.getByTestId('paper-detail').waitFor();
  const title = await page.getByTestId('paper-title').textContent();
  const selected = await page.evaluate(() =>
    (window as unknown as { __papermap: Hooks }).__papermap.selected(),
  );

  // Search for a word of its title, and keep one source's papers only.
  const word = (title ?? '').split(/\W+/).find((w) => w.length > 5) ?? 'model';
  await page.getByTestId('search-input').fill(word);
  await page.getByTestId('search-results').waitFor();
  await page.getByTestId('filter-toggle').click();
  await page.getByTestId('facet-sources').locator('input').first().check();
  const kept = (await page.getByTestId('filter-count').textContent())?.trim();
  assert.doesNotMatch(kept ?? '', /^236 of 236/);
  // What the search found under the filter (the list holds only the papers the filter keeps).
  const found = await searchCount(page);

  await page.getByTestId('copy-link').click();
  await page.waitForFunction(() =>
    ['paper=', 'view=', 'q=', 'f='].every((piece) => location.hash.includes(piece)),
  );
  const link = page.url();
  const sample = [0, 17, 42, 99, 150, 235, selected];
  const before = await positions(page, sample);
  const colours = await alphas(page, sample);
  await screenshot(page, `${name}-sender`);

  const second = await browser.newContext({ viewport });
  const other = await second.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link);
  await waitForMap(other);
  await other.getByTestId('paper-detail').waitFor();
  assert.equal(await other.getByTestId('paper-title').textContent(), title);
  assert.match((await other.getByTestId('vectors-source').textContent()) ?? '', /map from bundle/);
  assert.equal(await other.getByTestId('search-input').inputValue(), word);
  assert.equal((await other.getByTestId('filter-count').textContent())?.trim(), kept);
  assert.equal(await searchCount(other), found);
  await other.waitForTimeout(300);
  assert.deepEqual(await alphas(other, sample), colours);
  const after = await positions(other, sample);
  for (let i = 0; i < sample.length; i++) {
    assert.ok(
      Math.abs(after[i]![0] - before[i]![0]) < 0.5 && Math.abs(after[i]![1] - before[i]![1]) < 0.5,
      `paper ${sample[i]} at ${after[i]} in the new browser, ${before[i]} in the first`,
    );
  }
  await screenshot(other, `${name}-receiver`);
  assert.deepEqual([...errors, ...otherErrors], []);
  await first.close();
  await second.close();
}

/** The search's count line once the search has answered, e.g. "3 papers · 9 more outside the filters". */
async function searchCount(page: Page): Promise<string> {
  const count = page.getByTestId('search-count');
  await count.filter({ hasNotText: 'Searching' }).waitFor();
  return ((await count.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
