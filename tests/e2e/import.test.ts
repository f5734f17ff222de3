import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { serveStatic } from './static_server';
import { useSiteAndBrowser } from './site_fixture';

const MAP_TIMEOUT = 180_000;
const FIXTURES = 'tests/e2e/fixtures';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  indexOfTitle(title: string): number;
}

/** Waits until the map of the corpus named `name` is on screen and returns its paper count. */
async function waitForMapOf(page: Page, name: string): Promise<number> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="corpus-name"]')?.textContent?.trim() === n,
    name,
    { timeout: MAP_TIMEOUT },
  );
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: MAP_TIMEOUT });
  const count = await page.getByTestId('paper-count').textContent();
  return Number(count?.match(/\d+/)?.[0]);
}

/** Hovers paper i's point and returns the tooltip's text, or null if no tooltip shows. */
async function hoverTitle(page: Page, i: number): Promise<string | null> {
  const local = await page.evaluate(
    (index) => (window as unknown as { __papermap: Hooks }).__papermap.screenPosition(index),
    i,
  );
  const box = await page.getByTestId('map').boundingBox();
  if (!local || !box) return null;
  await page.mouse.move(box.x + local[0], box.y + local[1]);
  try {
    await page.getByTestId('tooltip').waitFor({ timeout: 2000 });
  } catch {
    return null;
  }
  return page.getByTestId('tooltip').textContent();
}

describe('bringing your own corpus in Chromium', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser({
    serve: () => serveStatic('dist', '/papermap/', { '/fixtures/': FIXTURES }),
  });

  async function openApp(query = ''): Promise<{ page: Page; errors: string[] }> {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url + query);
    return { page, errors };
  }

  it('maps a CSV chosen with the file picker and renders an HTML title as text', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/papers.csv`);
    assert.equal(await waitForMapOf(page, 'papers.csv'), 40);

    // The fixture's sixth title holds an <img onerror> tag: it must never become an element.
    const original = (
      JSON.parse(readFileSync('public/corpus/default.json', 'utf8')) as {
        papers: { title: string }[];
      }
    ).papers[5]!.title;
    const literal = `<img src=x onerror="window.__xss=1"><b>Bold</b> claims about ${original}`;
    const index = await page.evaluate(
      (t) => (window as unknown as { __papermap: Hooks }).__papermap.indexOfTitle(t),
      literal,
    );
    assert.ok(index >= 0, 'the title is kept as written, tags and all');
    // The tooltip shows it as text; a neighbouring point may cover it, so only check when it shows.
    const shown = await hoverTitle(page, index);
    if (shown?.includes('claims about')) assert.equal(shown.trim(), literal);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.evaluate(() => '__xss' in window), false);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows a drop overlay while a file is dragged over the page, and maps the dropped file', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    const text = readFileSync(`${FIXTURES}/papers.jsonl`, 'utf8');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.jsonl', { type: 'application/jsonl' }));
      (window as unknown as { __transfer: DataTransfer }).__transfer = transfer;
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      document.body.dispatchEvent(new DragEvent('dragenter', init));
      document.body.dispatchEvent(new DragEvent('dragover', init));
    }, text);
    await page.getByTestId('drop-overlay').waitFor();
    await screenshot(page, 'import-drop-overlay');
    await page.evaluate(() => {
      const transfer = (window as unknown as { __transfer: DataTransfer }).__transfer;
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      document.body.dispatchEvent(new DragEvent('drop', init));
    });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    assert.equal(await waitForMapOf(page, 'dropped.jsonl'), 25);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('opens ?data=<url> instead of the default corpus, and says so when the URL fails', async () => {
    const fixture = new URL('/fixtures/papers.jsonl', e2e.site.url).href;
    const { page, errors } = await openApp(`?data=${encodeURIComponent(fixture)}`);
    assert.equal(await waitForMapOf(page, 'papers.jsonl'), 25);
    assert.deepEqual(errors, []);
    await page.context().close();

    const missing = await openApp('?data=../fixtures/missing.jsonl');
    const error = missing.page.getByTestId('import-error');
    await error.waitFor({ timeout: MAP_TIMEOUT });
    assert.match((await error.textContent()) ?? '', /could not fetch .*missing\.jsonl: HTTP 404/);
    await missing.page.context().close();
  });

  it('keeps the valid rows of a broken file and reports the bad ones by row and field', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/broken.csv`);
    assert.equal(await waitForMapOf(page, 'broken.csv'), 10);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const issues = await report.getByTestId('import-issue').allTextContents();
    assert.ok(
      issues.some((i) => /broken\.csv, row 4, .*field "title": missing title/.test(i)),
      issues.join('\n'),
    );
    assert.ok(
      issues.some((i) => /row 8, .*field "title"/.test(i)),
      issues.join('\n'),
    );
    assert.match((await report.getByTestId('import-file').textContent()) ?? '', /2 dropped/);
    assert.equal(await report.getByTestId('column-mapping').count(), 1);
    await screenshot(page, 'import-report');

    // The mapping editor re-imports with the corrected mapping: no abstract column at all now.
    const editor = report.getByTestId('column-mapping');
    await editor.locator('select[data-field="abstract"]').selectOption('');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(
      () =>
        /10 without abstract/.test(
          document.querySelector('[data-testid="import-totals"]')?.textContent ?? '',
        ),
      null,
      { timeout: MAP_TIMEOUT },
    );
    assert.equal(await waitForMapOf(page, 'broken.csv'), 10);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('keeps a file opened while the site map is still loading, once that map arrives', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // Hold the shipped map back until the user's own corpus is on screen.
    let release = (): void => {};
    const held = new Promise<void>((ok) => (release = ok));
    let requested = false;
    await page.route('**/corpus/default.papermap', async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await page.goto(e2e.site.url);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/papers.csv`);
    assert.equal(await waitForMapOf(page, 'papers.csv'), 40);
    assert.ok(requested, 'the site map was still loading when the file was opened');
    release();
    // The late map must neither replace the user's corpus nor start computing the default one.
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId('progress').count(), 0);
    assert.equal((await page.getByTestId('corpus-name').textContent())?.trim(), 'papers.csv');
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /\b40\b/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps the page responsive while a large file imports, and a cancel keeps the previous map', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/papers.csv`);
    assert.equal(await waitForMapOf(page, 'papers.csv'), 40);

    // About 60 MB of JSON Lines, built in the page so nothing that size crosses the test protocol.
    // (A string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
    await page.evaluate(`(() => {
      const lines = [];
      for (let i = 0; i < 1000; i++) {
        lines.push(JSON.stringify({ title: 'Generated paper ' + i, abstract: 'words '.repeat(80) }));
      }
      const block = lines.join('\\n') + '\\n';
      const file = new File(Array(120).fill(block), 'large.jsonl');
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const input = document.querySelector('[data-testid="file-input"]');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    const progress = page.getByTestId('progress');
    await progress.waitFor();
    // The worker parses; the main thread must keep drawing frames meanwhile.
    const longestFrameGap = await page.evaluate<number>(`new Promise((resolve) => {
      let last = performance.now();
      let longest = 0;
      const end = last + 1000;
      const tick = (now) => {
        longest = Math.max(longest, now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve(longest);
      };
      requestAnimationFrame(tick);
    })`);
    assert.ok(longestFrameGap < 250, `a frame took ${longestFrameGap} ms during the import`);
    assert.match((await page.getByTestId('progress-detail').textContent()) ?? '', /large\.jsonl/);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached' });
    assert.equal((await page.getByTestId('corpus-name').textContent())?.trim(), 'papers.csv');
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^40 papers/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
