import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

async function mapBackend(page: Page): Promise<{ count: number; backend: string }> {
  await page.getByTestId('paper-count').waitFor({ timeout: 240_000 });
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 240_000 });
  return {
    count: Number((await page.getByTestId('paper-count').textContent())?.match(/\d+/)?.[0]),
    backend: (await page.getByTestId('backend').textContent()) ?? '',
  };
}

describe('the compute worker on each browser backend', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser({
    webgpu: true,
  });

  it('passes over the emulated WebGPU adapter for WebAssembly by default, and says why', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    // ?compute: compute here rather than open the site's shipped map.
    await page.goto(`${e2e.site.url}?compute`);
    const { count, backend } = await mapBackend(page);
    assert.equal(count, 236);
    assert.match(backend, /^wasm · /);
    const why = (await page.getByTestId('backend').getAttribute('title')) ?? '';
    assert.match(why, /emulated in software/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lays out with umap-js, the reference, when chosen in the header, and the link keeps it', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    assert.equal(await page.getByTestId('layout').inputValue(), 'papermap');
    const where = () =>
      page.evaluate(() =>
        (
          window as unknown as { __papermap: { screenPosition(i: number): number[] | null } }
        ).__papermap.screenPosition(0),
      );
    const before = await where();
    await page.getByTestId('layout').selectOption('umap-js');
    await page.getByTestId('progress').waitFor({ timeout: 30_000 });
    const { count } = await mapBackend(page);
    assert.equal(count, 236);
    assert.equal(await page.getByTestId('layout').inputValue(), 'umap-js');
    assert.notDeepEqual(await where(), before, 'the points moved to the reference layout');
    await page.waitForFunction(() => location.search.includes('layout=umap-js'));

    // The link asks for the reference layout: a new page computes it again with umap-js.
    const again = await e2e.browser.newPage();
    await again.goto(page.url());
    assert.equal((await mapBackend(again)).count, 236);
    assert.equal(await again.getByTestId('layout').inputValue(), 'umap-js');
    assert.deepEqual(errors, []);
    await again.close();
    await page.close();
  });

  for (const backend of ['webgpu', 'webgl', 'cpu'] as const) {
    it(`builds the map on ${backend} when asked with ?backend=${backend}`, async () => {
      const context = await e2e.browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${e2e.site.url}?backend=${backend}`);
      const result = await mapBackend(page);
      assert.equal(result.count, 236);
      assert.match(result.backend, new RegExp(`^${backend} · `));
      assert.deepEqual(errors, []);
      if (backend === 'webgpu') await screenshot(page, `map-on-${backend}`);
      await context.close();
    });
  }
});
