import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSharedLink, waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

describe('a shared link', () => {
  const e2e = useSiteAndBrowser();

  it('opens the same map, view and selected paper in a new browser with empty storage', async () => {
    await checkSharedLink(e2e.browser, e2e.site.url, 'share-link');
  });

  it('carries the search: the receiver sees the same query, mode and results', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await page.getByTestId('search-input').fill('retrieval');
    await page.waitForFunction(() => location.hash.includes('q=retrieval'));
    const results = await page.getByTestId('search-results').locator('button').allTextContents();
    const other = await (await e2e.browser.newContext()).newPage();
    await other.goto(page.url());
    await waitForMap(other);
    await other.waitForFunction(
      () =>
        (document.querySelector('[data-testid="search-input"]') as HTMLInputElement)?.value ===
        'retrieval',
    );
    await other.getByTestId('search-results').locator('button').first().waitFor();
    assert.deepEqual(
      await other.getByTestId('search-results').locator('button').allTextContents(),
      results,
    );
    await context.close();
  });

  it('ignores a malformed link piece by piece, with a notice, and still shows the map', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.site.url}#view=oops&paper=%3Cimg%3E&zoom=3`);
    await waitForMap(page);
    const notices = await page.getByTestId('notices').textContent();
    assert.match(notices ?? '', /view "oops" should be x,y,zoom/);
    assert.match(notices ?? '', /unknown link setting "zoom"/);
    await context.close();
  });
});
