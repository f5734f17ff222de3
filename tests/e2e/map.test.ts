import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';

const MAP_TIMEOUT = 180_000;

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  indexOfTitle(title: string): number;
  selected(): number;
}

/** Waits until the map of the corpus is on screen and returns the paper count shown. */
async function waitForMap(page: Page): Promise<number> {
  const count = page.getByTestId('paper-count');
  await count.waitFor({ timeout: MAP_TIMEOUT });
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: MAP_TIMEOUT });
  return Number((await count.textContent())?.match(/\d+/)?.[0]);
}

/** Waits until the header says where the map's vectors came from. */
async function waitForSource(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        document.querySelector('[data-testid="vectors-source"]')?.textContent ?? '',
      ),
    pattern.source,
    { timeout: MAP_TIMEOUT },
  );
}

/** The page coordinates of paper i's point. */
async function pointOnPage(page: Page, i: number): Promise<{ x: number; y: number }> {
  const local = await page.evaluate(
    (index) => (window as unknown as { __papermap: Hooks }).__papermap.screenPosition(index),
    i,
  );
  assert.ok(local, `paper ${i} has no screen position`);
  const box = await page.getByTestId('map').boundingBox();
  assert.ok(box);
  return { x: box.x + local[0], y: box.y + local[1] };
}

/** A paper whose point is inside the map and not under the legend, found by scanning. */
async function visiblePaper(page: Page): Promise<number> {
  const box = (await page.getByTestId('map').boundingBox())!;
  for (let i = 0; i < 236; i++) {
    const p = await pointOnPage(page, i);
    const inside =
      p.x > box.x + 260 &&
      p.x < box.x + box.width - 440 &&
      p.y > box.y + 80 &&
      p.y < box.y + box.height - 60;
    if (!inside) continue;
    // The point must be the topmost pickable object under the cursor, not hidden by a neighbour.
    await page.mouse.move(p.x, p.y);
    const tip = page.getByTestId('tooltip');
    try {
      await tip.waitFor({ timeout: 1500 });
    } catch {
      continue;
    }
    const title = await tip.textContent();
    const index = await page.evaluate(
      (t) => (window as unknown as { __papermap: Hooks }).__papermap.indexOfTitle(t ?? ''),
      title?.trim() ?? '',
    );
    if (index === i) return i;
  }
  throw new Error('no paper could be hovered on its own');
}

describe('the map of the default corpus in Chromium', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('shows 236 papers, hover shows a title, click opens details with 10 neighbours, and a reload reads vectors from the cache', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(e2e.site.url);

    assert.equal(await waitForMap(page), 236);
    // The site ships the default corpus's map: interactive at once, nothing computed.
    assert.match((await page.getByTestId('vectors-source').textContent()) ?? '', /map from bundle/);
    await screenshot(page, 'map-default-corpus');

    const index = await visiblePaper(page);
    const title = (await page.getByTestId('tooltip').textContent())?.trim();
    assert.ok(title && title.length > 10);

    const point = await pointOnPage(page, index);
    await page.mouse.click(point.x, point.y);
    const panel = page.getByTestId('paper-detail');
    await panel.waitFor();
    assert.equal((await panel.getByTestId('paper-title').textContent())?.trim(), title);
    const neighbours = panel.getByTestId('neighbours').locator('button');
    assert.equal(await neighbours.count(), 10);
    await screenshot(page, 'map-paper-selected');

    // Clicking a neighbour selects it and moves the panel to it.
    const neighbourTitle = (await neighbours.nth(0).locator('.title').textContent())?.trim();
    await neighbours.nth(0).click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="paper-title"]')?.textContent?.trim() === t,
      neighbourTitle,
    );
    const selected = await page.evaluate(() =>
      (window as unknown as { __papermap: Hooks }).__papermap.selected(),
    );
    assert.notEqual(selected, index);

    // The keyboard steps through the selected paper's neighbours and back.
    const titleNow = async () => (await page.getByTestId('paper-title').textContent())?.trim();
    const list = (await neighbours.locator('.title').allTextContents()).map((t) => t.trim());
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="paper-title"]')?.textContent?.trim() === t,
      list[0],
    );
    await page.keyboard.press('ArrowDown');
    assert.equal(await titleNow(), list[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await titleNow(), neighbourTitle);
    await page.getByTestId('zoom-neighbourhood').click();

    // "Recompute on my GPU" embeds and projects in the worker on the best backend here.
    await page.getByTestId('recompute').click();
    await waitForSource(page, /vectors computed/);
    assert.equal(await waitForMap(page), 236);
    assert.match(
      (await page.getByTestId('backend').textContent()) ?? '',
      /^(webgpu|webgl|wasm|cpu) · /,
    );

    // Same context, same IndexedDB: recomputing after a reload must not embed again.
    await page.reload();
    assert.equal(await waitForMap(page), 236);
    await page.getByTestId('recompute').click();
    await waitForSource(page, /vectors from cache/);
    assert.equal(await waitForMap(page), 236);
    assert.deepEqual(errors, []);
    // A default session asks nothing of any host but the site's own.
    const origin = new URL(e2e.site.url).origin;
    assert.deepEqual(
      requests.filter(
        (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
      ),
      [],
    );
    await context.close();
  });
});
