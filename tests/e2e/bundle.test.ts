import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { serveStatic } from './static_server';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

interface Hooks {
  screenPosition(i: number): [number, number] | null;
}

const corpus = JSON.parse(readFileSync('public/corpus/default.json', 'utf8')) as {
  papers: { title: string; abstract: string }[];
};

const positions = (page: Page) =>
  page.evaluate(() =>
    [0, 50, 100, 150, 200].map((i) =>
      (window as unknown as { __papermap: Hooks }).__papermap.screenPosition(i),
    ),
  );

describe('map bundles in the app', () => {
  const e2e = useSiteAndBrowser({
    serve: () => serveStatic('dist', '/papermap/', { '/maps/': 'dist/corpus' }),
  });

  it('saves the map as a .papermap file that opens again, identical, without recomputing', async () => {
    const context = await e2e.browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1200, height: 800 },
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const before = await positions(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-map').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.papermap$/);
    const saved = readFileSync((await download.path())!);

    const other = await context.newPage();
    await other.goto(`${e2e.site.url}?compute`);
    await waitForMap(other);
    await other.getByTestId('file-input').setInputFiles({
      name: 'saved.papermap',
      mimeType: 'application/octet-stream',
      buffer: saved,
    });
    await other.waitForFunction(() =>
      /map from bundle/.test(
        document.querySelector('[data-testid="vectors-source"]')?.textContent ?? '',
      ),
    );
    await other.getByTestId('progress').waitFor({ state: 'detached' });
    await other.waitForTimeout(300);
    assert.deepEqual(await positions(other), before);
    await screenshot(other, 'bundle-reopened');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('opens ?map=URL, and says what is wrong with a broken bundle without a crash', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}?map=../maps/default.papermap`);
    await waitForMap(page);
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);

    await page.goto(`${e2e.site.url}?map=../maps/default.json`);
    await page.getByTestId('error').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('error').textContent()) ?? '', /default\.json/);
    await page.goto(`${e2e.site.url}?map=../maps/missing.papermap`);
    await page.getByTestId('error').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('error').textContent()) ?? '', /HTTP 404/);
    await page.close();
  });

  it('draws a map from a slow download before its abstracts have come, then shows them', async () => {
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    // Three quarters of the file at once: the map and the start of the abstracts.
    const slow = await serveStatic(
      'dist',
      '/papermap/',
      { '/maps/': 'dist/corpus' },
      {
        holdBack: { path: '/maps/default.papermap', sent: 0.75, until },
      },
    );
    const page = await e2e.browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors = collectErrors(page);
    try {
      await page.goto(`${slow.url}?map=../maps/default.papermap`);
      await waitForMap(page);
      assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);
      const box = (await page.getByTestId('map').boundingBox())!;
      const [at] = await positions(page);
      await page.mouse.click(box.x + at![0], box.y + at![1]);
      await page.getByTestId('abstract-pending').waitFor();
      await screenshot(page, 'bundle-abstracts-pending');
      const title = (await page.getByTestId('paper-title').textContent()) ?? '';
      const paper = corpus.papers.find((p) => p.title === title);
      assert.ok(paper?.abstract, `the corpus has the abstract of "${title}"`);

      release();
      await page.getByTestId('abstract-pending').waitFor({ state: 'detached' });
      assert.equal(
        (await page.locator('[data-testid="paper-detail"] .abstract').textContent())?.trim(),
        paper.abstract.trim(),
      );
      // Search by words covers the abstracts: a word found only in this paper's abstract.
      const titles = corpus.papers.map((p) => p.title.toLowerCase()).join(' ');
      const word = paper.abstract
        .toLowerCase()
        .split(/[^a-z]+/)
        .find((w) => w.length > 6 && !titles.includes(w));
      assert.ok(word, 'the abstract has a word that no title has');
      await page.getByTestId('search-input').fill(word);
      await page.getByTestId('search-results').waitFor();
      assert.ok(
        ((await page.getByTestId('search-results').textContent()) ?? '').includes(title),
        `searching "${word}" finds "${title}"`,
      );
      assert.deepEqual(errors, []);
    } finally {
      release();
      await page.close();
      await slow.close();
    }
  });
});
