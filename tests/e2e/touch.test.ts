import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  selected(): number;
  indexOfTitle(title: string): number;
  view(): { target: [number, number]; zoom: number } | null;
}

const PHONE = { width: 390, height: 844 };

const selected = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.selected());

const zoom = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.view()?.zoom ?? 0);

/** Papers whose points lie in the open middle of the map (below the rail, above the sheet). */
async function tappable(page: Page): Promise<{ index: number; x: number; y: number }[]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const rail = (await page.getByTestId('rail-toggle').boundingBox())!;
  const points = await page.evaluate(() => {
    const hooks = (window as unknown as { __papermap: Hooks }).__papermap;
    return Array.from({ length: 236 }, (_, i) => hooks.screenPosition(i));
  });
  return points
    .map((p, index) => ({ index, x: box.x + (p?.[0] ?? -1), y: box.y + (p?.[1] ?? -1) }))
    .filter((p) => p.x > 20 && p.x < box.width - 20 && p.y > rail.y + rail.height + 20)
    .filter((p) => p.y < box.y + box.height * 0.45);
}

/** A two-finger pinch over the map through the DevTools protocol, fingers moving apart. */
async function pinchOut(page: Page, cx: number, cy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const fingers = (d: number) => [
    { x: cx - d, y: cy, id: 0 },
    { x: cx + d, y: cy, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
  for (let d = 40; d <= 150; d += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('the map on a phone', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('fits a 390×844 touch screen: tap a point opens a bottom sheet, pinch zooms', async () => {
    const context = await e2e.browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);

    // The header is one row: its actions wait behind a menu button. The map's panels wait
    // behind one button too, so most of the screen is map; the search box fits the width.
    const header = (await page.locator('main > header').boundingBox())!;
    assert.ok(header.height < 60, `the header is ${header.height} px tall`);
    assert.equal(await page.getByTestId('copy-link').isVisible(), false);
    const toggle = page.getByTestId('rail-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByTestId('papers-in-view').isVisible(), false);
    const search = (await page.getByRole('search').boundingBox())!;
    assert.ok(search.x >= 0 && search.x + search.width <= PHONE.width, JSON.stringify(search));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= PHONE.width, `page is ${scrollWidth} px wide`);
    await screenshot(page, 'phone-map');

    // The menu opens the actions, all within the width; the panels open, closed one by one.
    await page.getByTestId('header-menu').tap();
    for (const id of ['copy-link', 'save-map', 'theme-toggle']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      assert.ok(b.x + b.width <= PHONE.width, `${id} is cut off`);
    }
    await toggle.tap();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(
      await page.getByTestId('topic-list-toggle').getAttribute('aria-expanded'),
      'false',
    );
    assert.ok(await page.getByTestId('papers-in-view').isVisible());
    await screenshot(page, 'phone-menu-and-panels');
    await page.getByTestId('header-menu').tap();
    await toggle.tap();

    // Tap a point: the bottom sheet opens with its title. A neighbour may lie on top: try a few.
    let tapped = -1;
    for (const p of (await tappable(page)).slice(0, 12)) {
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForTimeout(400);
      if ((await selected(page)) === p.index) {
        tapped = p.index;
        break;
      }
    }
    assert.ok(tapped >= 0, 'no point could be tapped on its own');
    const sheet = page.getByTestId('paper-detail');
    await sheet.waitFor();
    const title = (await page.getByTestId('paper-title').textContent())?.trim();
    assert.ok(title && title.length > 5);
    assert.equal(
      await page.evaluate(
        (t) => (window as unknown as { __papermap: Hooks }).__papermap.indexOfTitle(t),
        title,
      ),
      tapped,
    );
    const box = (await sheet.boundingBox())!;
    const stage = (await page.getByTestId('map').boundingBox())!;
    assert.equal(Math.round(box.width), PHONE.width, 'the sheet spans the width');
    assert.ok(Math.abs(box.y + box.height - PHONE.height) < 1, 'the sheet sits on the bottom');
    assert.ok(box.height <= stage.height * 0.55 + 1, `sheet ${box.height} px of ${stage.height}`);
    assert.ok(await sheet.evaluate((el) => el.scrollHeight > el.clientHeight), 'sheet scrolls');
    await screenshot(page, 'phone-bottom-sheet');

    await page.getByTestId('close-details').tap();
    await sheet.waitFor({ state: 'detached' });
    assert.equal(await selected(page), -1);

    // Two fingers moving apart zoom in (deck.gl's pinch).
    const before = await zoom(page);
    await pinchOut(page, stage.x + stage.width / 2, stage.y + stage.height * 0.6);
    await page.waitForFunction(
      (z) => ((window as unknown as { __papermap: Hooks }).__papermap.view()?.zoom ?? z) > z + 0.5,
      before,
    );
    await screenshot(page, 'phone-pinched');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
