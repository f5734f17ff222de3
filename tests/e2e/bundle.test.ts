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
});
