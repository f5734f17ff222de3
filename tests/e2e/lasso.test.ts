import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  region(i: number): number;
  selection(): number[];
  selected(): number;
  view(): { target: [number, number]; zoom: number } | null;
}

type Point = [number, number];

const hooks = <T>(page: Page, read: (h: Hooks) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__papermap)`) as Promise<T>;

/** Every paper's point relative to the map element, and its region. */
async function points(page: Page): Promise<{ at: Point[]; region: number[] }> {
  return page.evaluate(() => {
    const h = (window as unknown as { __papermap: Hooks }).__papermap;
    const at: Point[] = [];
    const region: number[] = [];
    for (let i = 0; ; i++) {
      const p = h.screenPosition(i);
      if (!p) break;
      at.push(p);
      region.push(h.region(i));
    }
    return { at, region };
  });
}

/** The plain even-odd test, independent of the app's code. */
function inside([x, y]: Point, polygon: Point[]): boolean {
  let odd = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** Distance from a point to the polygon's boundary, to keep the test clear of ties. */
function boundaryDistance([x, y]: Point, polygon: Point[]): number {
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [ax, ay] = polygon[j]!;
    const [bx, by] = polygon[i]!;
    const t = Math.max(
      0,
      Math.min(
        1,
        ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
      ),
    );
    best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return best;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise on screen. */
function hull(pts: Point[]): Point[] {
  const s = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out.at(-2)!, out.at(-1)!, p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...half(s), ...half([...s].reverse())];
}

/** The hull of a region's points pushed out by `margin` pixels from its centre, on whole pixels. */
function lassoAround(pts: Point[], margin: number): Point[] {
  const h = hull(pts);
  const cx = h.reduce((s, p) => s + p[0], 0) / h.length;
  const cy = h.reduce((s, p) => s + p[1], 0) / h.length;
  return h.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [Math.round(x + ((x - cx) / d) * margin), Math.round(y + ((y - cy) / d) * margin)];
  });
}

/** Draws a closed path with the mouse (button held), in steps of about 6 pixels along each edge. */
async function drawPath(page: Page, origin: Point, path: Point[], beforeUp?: () => Promise<void>) {
  const [ox, oy] = origin;
  await page.mouse.move(ox + path[0]![0], oy + path[0]![1]);
  await page.mouse.down();
  for (let k = 1; k <= path.length; k++) {
    const [x0, y0] = path[k - 1]!;
    const [x, y] = path[k % path.length]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(x - x0, y - y0) / 6));
    await page.mouse.move(ox + x, oy + y, { steps });
  }
  await beforeUp?.();
  await page.mouse.up();
}

describe('lasso and box selection in Chromium', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('selects the papers inside a Shift+drag lasso and a box, names them, opens one, and clears with Escape', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await page.waitForTimeout(300);

    const box = (await page.getByTestId('map').boundingBox())!;
    const origin: Point = [box.x, box.y];
    const { at, region } = await points(page);
    assert.equal(at.length, 236);

    // The lasso goes around the region whose hull lies furthest right of the topic list, pushed
    // out by a margin that keeps every point at least 1.5 px off the path (no ties to round).
    const regions = [...new Set(region)];
    const fits = (h: Point[]) =>
      h.every(([x, y]) => y > 10 && y < box.height - 60 && x < box.width - 10);
    const clear = (h: Point[]) => Math.min(...at.map((p) => boundaryDistance(p, h))) > 1.5;
    const candidates = regions
      .map((r) => at.filter((_, i) => region[i] === r))
      .sort((a, b) => Math.min(...b.map((p) => p[0])) - Math.min(...a.map((p) => p[0])))
      .flatMap((pts) => [12, 16, 20, 9, 24].map((m) => lassoAround(pts, m)))
      .filter((h) => fits(h) && clear(h));
    const hullPath = candidates[0];
    assert.ok(hullPath, 'no region fits on screen with a clear lasso');
    // Start on the rightmost vertex: on the map, not on a panel.
    const start = hullPath.reduce((best, p, i) => (p[0] > hullPath[best]![0] ? i : best), 0);
    const lasso = [...hullPath.slice(start), ...hullPath.slice(0, start)];
    const expected = at.flatMap((p, i) => (inside(p, lasso) ? [i] : []));
    assert.ok(expected.length >= 5, `only ${expected.length} papers in the lasso`);

    const viewBefore = await hooks(page, (h) => h.view());
    await page.keyboard.down('Shift');
    await drawPath(page, origin, lasso, async () => {
      await page.getByTestId('selection-outline').waitFor();
      await screenshot(page, 'lasso-drawing');
    });
    await page.keyboard.up('Shift');

    // The panel lists exactly the papers whose points are inside; the map did not pan.
    const panel = page.getByTestId('selection-panel');
    await panel.waitFor();
    assert.deepEqual(await hooks(page, (h) => h.selection()), expected);
    assert.deepEqual(await hooks(page, (h) => h.view()), viewBefore);
    assert.equal(
      (await panel.getByTestId('selection-count').textContent())?.replace(/\s+/g, ' ').trim(),
      `${expected.length} papers selected`,
    );
    // The list shows 100 titles at first, then 100 more per click, until all are listed.
    const titles = panel.getByTestId('selection-titles').locator('button');
    const listed = () =>
      titles.evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-index'))));
    for (let page100 = 1; ; page100++) {
      const shown = await listed();
      assert.equal(shown.length, Math.min(expected.length, 100 * page100));
      if (shown.length === expected.length) {
        assert.deepEqual(
          [...shown].sort((a, b) => a - b),
          expected,
        );
        break;
      }
      const more = panel.getByTestId('selection-more');
      assert.match(
        (await more.textContent()) ?? '',
        new RegExp(`and ${expected.length - shown.length} more`),
      );
      await more.locator('button').click();
    }

    // The summary label is computed in the worker and shown.
    const label = panel.getByTestId('selection-label');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="selection-label"]')?.getAttribute('aria-busy') ===
        'false',
    );
    const text = (await label.textContent())?.trim() ?? '';
    assert.ok(text.length > 2 && !/Naming|could not/.test(text), `label: "${text}"`);
    const topics = await panel.getByTestId('selection-topics').locator('li').count();
    assert.ok(topics >= 1);
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'lasso-selection');

    // A title opens its paper; the paper panel leads back to the selection.
    const first = panel.getByTestId('selection-titles').locator('button').first();
    const title = (await first.locator('.title').textContent())?.trim();
    await first.click();
    const detail = page.getByTestId('paper-detail');
    await detail.waitFor();
    assert.equal((await detail.getByTestId('paper-title').textContent())?.trim(), title);
    await detail.getByTestId('paper-back').click();
    await panel.waitFor();
    assert.deepEqual(await hooks(page, (h) => h.selection()), expected);
    assert.equal(await hooks(page, (h) => h.selected()), -1);

    // Escape clears the selection and restores the colours.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.deepEqual(await hooks(page, (h) => h.selection()), []);

    // Box: the toolbar's tool, dragged corner to corner.
    await page.getByTestId('tool-box').click();
    // Opening the paper flew the map to it: read the points where they are now.
    await page.waitForTimeout(1000);
    const now = (await points(page)).at;
    const corners: [Point, Point] = [
      [Math.round(box.width * 0.45), Math.round(box.height * 0.25)],
      [Math.round(box.width * 0.75), Math.round(box.height * 0.7)],
    ];
    const [[x0, y0], [x1, y1]] = corners;
    const inBox = now.flatMap(([x, y], i) => (x > x0 && x < x1 && y > y0 && y < y1 ? [i] : []));
    assert.ok(inBox.length >= 3, `only ${inBox.length} papers in the box`);
    await page.mouse.move(box.x + x0, box.y + y0);
    await page.mouse.down();
    await page.mouse.move(box.x + x1, box.y + y1, { steps: 12 });
    await page.mouse.up();
    await panel.waitFor();
    assert.deepEqual(await hooks(page, (h) => h.selection()), inBox);
    await screenshot(page, 'box-selection');

    // "Zoom to selection" fits the view to it.
    const zoomBefore = (await hooks(page, (h) => h.view()))!.zoom;
    await panel.getByTestId('zoom-selection').click();
    await page.waitForTimeout(1000);
    assert.ok((await hooks(page, (h) => h.view()))!.zoom > zoomBefore);

    // A click with the tool selects nothing new; Escape clears, a second Escape ends the tool.
    await page.mouse.click(box.x + 700, box.y + 300);
    assert.deepEqual(await hooks(page, (h) => h.selection()), inBox);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('tool-box').getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('tool-box').getAttribute('aria-pressed'), 'false');

    // Without a tool a drag pans the map again.
    const panFrom = (await hooks(page, (h) => h.view()))!.target;
    await page.mouse.move(box.x + 700, box.y + 400);
    await page.mouse.down();
    await page.mouse.move(box.x + 600, box.y + 350, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(400);
    const panTo = (await hooks(page, (h) => h.view()))!.target;
    assert.ok(Math.hypot(panTo[0] - panFrom[0], panTo[1] - panFrom[1]) > 0, 'the map did not pan');
    assert.deepEqual(await hooks(page, (h) => h.selection()), []);

    assert.deepEqual(errors, []);
    await context.close();
  });
});
