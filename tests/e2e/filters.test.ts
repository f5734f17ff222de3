import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Paper } from '../../src/core/paper';
import { collectErrors, screenshot } from './browser';
import { waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

interface Hooks {
  pointAlpha(i: number): number | null;
}

const papers = (
  JSON.parse(readFileSync('public/corpus/default.json', 'utf8')) as { papers: Paper[] }
).papers;
/** Month of each paper as `YYYY-MM`, or null: computed here by plain string slicing. */
const monthOf = papers.map((p) => (p.date && p.date.length >= 7 ? p.date.slice(0, 7) : null));
const dated = [...new Set(monthOf.filter((m): m is string => m !== null))].sort();
const toIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const first = toIndex(dated[0]!);
const months = toIndex(dated.at(-1)!) - first + 1;
const offsetOf = monthOf.map((m) => (m ? toIndex(m) - first : -1));

const viewport = { width: 1300, height: 850 };

const countText = (page: Page) => page.getByTestId('filter-count').textContent();
const keptCount = async (page: Page) => Number((await countText(page))?.match(/^\s*(\d+)/)?.[1]);
/** Waits until the panel says `kept` of the corpus's papers are kept. */
const waitCount = (page: Page, kept: number) =>
  page.waitForFunction(
    (text) => document.querySelector('[data-testid="filter-count"]')?.textContent?.trim() === text,
    `${kept} of ${papers.length} papers`,
    { timeout: 10_000 },
  );
const alphas = (page: Page, indices: number[]) =>
  page.evaluate(
    (list) =>
      list.map((i) => (window as unknown as { __papermap: Hooks }).__papermap.pointAlpha(i)),
    indices,
  );

/** Opens the filter panel, which starts closed so that the topic list keeps its room. */
async function openFilters(page: Page): Promise<void> {
  const toggle = page.getByTestId('filter-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
}

/** Drags the mouse across the histogram from bar `from` to bar `to` (month offsets). */
async function brush(page: Page, from: number, to: number): Promise<void> {
  const box = (await page.getByTestId('date-histogram').boundingBox())!;
  const x = (m: number) => box.x + ((m + 0.5) / months) * box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  for (let s = 1; s <= 8; s++) await page.mouse.move(x(from + ((to - from) * s) / 8), y);
  await page.mouse.up();
}

describe('filters and the time-lapse', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('brushes months, chooses a source, shares the filter, and plays the corpus month by month', async () => {
    const context = await e2e.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await openFilters(page);
    assert.equal((await countText(page))?.trim(), `${papers.length} of ${papers.length} papers`);

    // Brush the later part of the span with the mouse: the count is the papers dated in it.
    const [from, to] = [Math.round(months * 0.6), Math.round(months * 0.85)];
    await brush(page, from, to);
    const inRange = (i: number) => offsetOf[i]! >= from && offsetOf[i]! <= to;
    const expected = papers.filter((_, i) => inRange(i)).length;
    assert.ok(expected > 10 && expected < papers.length / 2, `${expected} papers in the range`);
    await waitCount(page, expected);
    const kept = papers.findIndex((_, i) => inRange(i));
    const faded = papers.findIndex((_, i) => !inRange(i));
    const [keptAlpha, fadedAlpha] = await alphas(page, [kept, faded]);
    assert.ok(keptAlpha! > 150 && fadedAlpha! < 60, `alphas ${keptAlpha} and ${fadedAlpha}`);
    assert.match(
      (await page.getByTestId('filter-unknown').textContent()) ?? '',
      new RegExp(`${monthOf.filter((m) => m === null).length} without a date`),
    );

    // Choose the most frequent source: the count narrows to papers in both.
    const sources = page.getByTestId('facet-sources');
    const source = (await sources.locator('.value').first().textContent())!;
    await sources.locator('input[type="checkbox"]').first().check();
    const both = papers.filter((p, i) => inRange(i) && p.source.includes(source)).length;
    assert.ok(both > 0 && both < expected, `${both} papers in the range from ${source}`);
    await waitCount(page, both);
    // Its count there is under the date range too: the papers from it in the range.
    assert.equal((await sources.locator('.count').first().textContent())?.trim(), String(both));
    await screenshot(page, 'filters-brushed');

    // The link carries the filter: a new browser with empty storage restores it.
    await page.getByTestId('copy-link').click();
    await page.waitForFunction(() => location.hash.includes('f=d:'));
    const rangeLabel = await page.getByTestId('date-range-label').textContent();
    const second = await e2e.browser.newContext({ viewport });
    const other = await second.newPage();
    const otherErrors = collectErrors(other);
    await other.goto(page.url());
    await waitForMap(other);
    await waitCount(other, both);
    assert.equal(await other.getByTestId('date-range-label').textContent(), rangeLabel);
    assert.ok(await other.getByTestId('facet-sources').locator('input').first().isChecked());
    assert.deepEqual(await alphas(other, [kept, faded]), await alphas(page, [kept, faded]));
    await screenshot(other, 'filters-receiver');

    // Search lists only the papers the filters keep, and says how many more it found.
    const keptTitles = new Set(
      papers.filter((p, i) => inRange(i) && p.source.includes(source)).map((p) => p.title),
    );
    const longest = [...keptTitles][0]!.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
    for (const query of [longest, 'model']) {
      await other.getByTestId('search-input').fill(query);
      await other.getByTestId('search-input').press('Enter');
      const count = other.getByTestId('search-count');
      await count.filter({ hasNotText: 'Searching' }).waitFor();
      const listed = await other.getByTestId('search-results').locator('button').allTextContents();
      for (const title of listed)
        assert.ok(keptTitles.has(title.trim()), `${title} is filtered out`);
      if (query === longest) assert.ok(listed.length > 0, `no kept paper found for ${query}`);
      else assert.match((await count.textContent()) ?? '', /\d+ more outside the filters/);
    }
    await second.close();

    // The time-lapse grows the range month by month from the first month, and stops at the end.
    await page.getByTestId('filter-reset').click();
    await waitCount(page, papers.length);
    await page.getByTestId('time-lapse').click();
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      seen.push(await keptCount(page));
      await page.waitForTimeout(250);
    }
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!, seen.join(','));
    assert.ok(seen.at(-1)! > seen[0]!, `the count did not grow: ${seen.join(',')}`);
    await screenshot(page, 'filters-time-lapse');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="time-lapse"]')?.getAttribute('aria-pressed') ===
        'false',
      undefined,
      { timeout: 60_000 },
    );
    await waitCount(page, offsetOf.filter((o) => o >= 0).length);
    assert.deepEqual([...errors, ...otherErrors], []);
    await context.close();
  });

  it('moves a brush handle with the keyboard', async () => {
    const context = await e2e.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await openFilters(page);
    await page.getByTestId('date-handle-from').focus();
    await page.keyboard.press('End');
    const last = papers.filter((_, i) => offsetOf[i] === months - 1).length;
    await waitCount(page, last);
    await page.keyboard.press('PageDown');
    const lastYear = papers.filter((_, i) => offsetOf[i]! >= months - 13).length;
    await waitCount(page, lastYear);
    await page.keyboard.press('Escape');
    await waitCount(page, papers.length);
    await context.close();
  });

  it('ignores malformed filter pieces one by one, with a notice, and still shows the map', async () => {
    const context = await e2e.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const source = papers[0]!.source[0]!;
    await page.goto(`${e2e.site.url}#f=d:2024-13..;u:lots;s:${source},nowhere;zz:1`);
    await waitForMap(page);
    const notices = (await page.getByTestId('notices').textContent()) ?? '';
    assert.match(notices, /filter "d:2024-13\.\.": the date range should be/);
    assert.match(notices, /filter "u:lots": the minimum of upvotes should be a whole number/);
    assert.match(notices, /unknown filter "zz"/);
    assert.match(notices, /the source "nowhere" is not in this map/);
    // The valid piece still applies.
    const fromSource = papers.filter((p) => p.source.includes(source)).length;
    await waitCount(page, fromSource);
    // A filter from the link opens the panel, which starts closed otherwise.
    assert.equal(await page.getByTestId('filter-toggle').getAttribute('aria-expanded'), 'true');
    assert.ok((await page.getByTestId('map').boundingBox())!.width > 500);
    await screenshot(page, 'filters-bad-link');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
