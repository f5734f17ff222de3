import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  selected(): number;
  view(): { target: [number, number]; zoom: number } | null;
}

const view = (page: Page) =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.view());

const selected = (page: Page) =>
  page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.selected());

/** Asserts axe-core finds no serious or critical violation on the page as it is now. */
async function assertAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${state}:\n${describeViolations(violations)}`);
}

/** The indices listed in "Papers in view", in order. */
const listed = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('#papers-in-view-list [role="option"]'), (li) =>
      Number((li as HTMLElement).dataset.index),
    ),
  );

/** The papers whose points are inside the map element now, by their screen positions. */
async function onScreen(page: Page): Promise<Set<number>> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const inside = await page.evaluate(
    ([w, h]) => {
      const hooks = (window as unknown as { __papermap: Hooks }).__papermap;
      const out: number[] = [];
      for (let i = 0; i < 236; i++) {
        const p = hooks.screenPosition(i);
        if (p && p[0] >= 0 && p[0] <= w! && p[1] >= 0 && p[1] <= h!) out.push(i);
      }
      return out;
    },
    [box.width, box.height],
  );
  return new Set(inside);
}

describe('accessibility', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('has no serious axe violations, and lists, search and the map work from the keyboard', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1400, height: 900 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await assertAccessible(page, 'the loaded map');

    // The list holds the papers on screen, nearest the centre first; the header counts them all.
    const count = page.getByTestId('papers-in-view-count');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="papers-in-view-count"]')?.textContent) > 0,
    );
    const visible = await onScreen(page);
    assert.equal(Number(await count.textContent()), visible.size);
    const first = await listed(page);
    assert.ok(first.length > 10 && first.length <= 150, `${first.length} listed`);
    for (const i of first) assert.ok(visible.has(i), `paper ${i} is listed but not on screen`);

    // Zoom in with the keyboard on the focused map: the view zooms and the list narrows.
    const canvas = page.getByTestId('map-canvas');
    assert.match((await canvas.getAttribute('aria-label')) ?? '', /Arrow keys pan/);
    await canvas.focus();
    const before = (await view(page))!;
    for (let i = 0; i < 3; i++) await page.keyboard.press('Equal');
    await page.waitForFunction(
      (z) => ((window as unknown as { __papermap: Hooks }).__papermap.view()?.zoom ?? z) > z + 0.5,
      before.zoom,
    );
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="papers-in-view-count"]')?.textContent) < n,
      visible.size,
    );
    await page.waitForTimeout(400);
    const zoomed = await listed(page);
    const nowVisible = await onScreen(page);
    assert.equal(Number(await count.textContent()), nowVisible.size);
    for (const i of zoomed) assert.ok(nowVisible.has(i), `paper ${i} listed off screen`);

    // Arrow keys move through the listbox; Enter selects the active paper on the map.
    const listbox = page.getByRole('listbox', { name: /Papers in view/ });
    await listbox.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chosen = zoomed[2]!;
    await page.getByTestId('paper-detail').waitFor();
    assert.equal(await selected(page), chosen);
    const option = page.locator(`#in-view-${chosen}`);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await listbox.getAttribute('aria-activedescendant'), `in-view-${chosen}`);
    assert.equal(
      (await page.getByTestId('paper-title').textContent())?.trim(),
      (await option.textContent())?.trim(),
    );
    // Arrows inside the list move the list, not the selection's neighbours.
    await page.keyboard.press('ArrowDown');
    assert.equal(await selected(page), chosen);
    await assertAccessible(page, 'a paper selected');
    await screenshot(page, 'a11y-light-selected');

    // Search results are reachable with ↓ from the box; Enter on one selects it.
    const input = page.getByTestId('search-input');
    await input.fill('diffusion');
    await page.waitForFunction(() =>
      /^[1-9]\d* papers/.test(
        document.querySelector('[data-testid="search-count"]')?.textContent ?? '',
      ),
    );
    await assertAccessible(page, 'search results open');
    const results = page.getByTestId('search-results').locator('button');
    await input.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await results.nth(1).evaluate((b) => b === document.activeElement), true);
    const second = (await results.nth(1).textContent())?.trim();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="paper-title"]')?.textContent?.trim() === t,
      second,
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.evaluate((el) => el === document.activeElement), true);
    await screenshot(page, 'a11y-light-search');

    // The progress bar is a live region that says the stage in words.
    await page.getByTestId('recompute').click();
    const progress = page.getByTestId('progress');
    await progress.waitFor();
    assert.equal(await progress.getAttribute('role'), 'status');
    assert.equal(await progress.getAttribute('aria-live'), 'polite');
    assert.match(
      (await page.getByTestId('progress-stage').textContent()) ?? '',
      /^Stage [123] of 3: (Parse|Embed|Project)\.$/,
    );
    await assertAccessible(page, 'while computing');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('follows a dark system theme, and the header toggle cycles auto, light and dark and remembers it', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1400, height: 900 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(await theme(), 'dark');
    assert.equal(await background(), 'rgb(21, 23, 26)');
    await assertAccessible(page, 'dark: the loaded map');

    const toggle = page.getByTestId('theme-toggle');
    assert.match((await toggle.getAttribute('aria-label')) ?? '', /Auto \(dark\)/);
    await toggle.click();
    assert.equal(await theme(), 'light');
    assert.equal(await background(), 'rgb(247, 247, 245)');
    await toggle.click();
    assert.equal(await theme(), 'dark');
    await page.reload();
    await waitForMap(page);
    assert.equal(await page.getByTestId('theme-toggle').getAttribute('data-choice'), 'dark');
    assert.equal(await theme(), 'dark');

    await page.getByTestId('search-input').fill('retrieval');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('paper-detail').waitFor();
    await page.waitForTimeout(900);
    await assertAccessible(page, 'dark: search and a paper selected');
    await screenshot(page, 'a11y-dark-selected');
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('close-details').click();
    await page.getByTestId('map-canvas').focus();
    await page.waitForTimeout(300);
    await screenshot(page, 'a11y-dark-map');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with reduced motion a topic click moves the view at once', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const before = (await view(page))!;
    // The view is read in the same task as the click: a fly would not have moved it yet.
    const after = await page.evaluate(() => {
      (document.querySelector('[data-testid="topic-item"]') as HTMLButtonElement).click();
      return (window as unknown as { __papermap: Hooks }).__papermap.view();
    });
    assert.ok(after);
    assert.ok(Math.abs(after.zoom - before.zoom) > 0.1, `zoom ${before.zoom} → ${after.zoom}`);
    await page.waitForTimeout(900);
    assert.deepEqual(await view(page), after);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
