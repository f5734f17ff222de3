import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectErrors, screenshot } from './browser';
import { waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

describe('search', () => {
  const e2e = useSiteAndBrowser();

  it('finds papers by words with highlighted matches, and Enter opens the best one', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1300, height: 850 } });
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await page.getByTestId('search-input').fill('diffusion');
    await page.waitForFunction(() =>
      /^[1-9]\d* papers/.test(
        document.querySelector('[data-testid="search-count"]')?.textContent ?? '',
      ),
    );
    const first = page.getByTestId('search-results').locator('button').first();
    assert.match((await first.locator('mark').first().textContent()) ?? '', /diffusion/i);
    await screenshot(page, 'search-words');
    const title = (await first.textContent())?.trim();
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('paper-detail').waitFor();
    assert.equal((await page.getByTestId('paper-title').textContent())?.trim(), title);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("finds papers by meaning: the query is embedded by the map's embedder", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1300, height: 850 } });
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await page.getByTestId('search-mode').selectOption('meaning');
    await page
      .getByTestId('search-input')
      .fill('agents that write and fix code in software repositories');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('paper-detail').waitFor({ timeout: 60_000 });
    const results = page.getByTestId('search-results').locator('button');
    assert.ok((await results.count()) > 0);
    const titles = (await results.allTextContents()).slice(0, 5).join(' | ');
    assert.match(titles, /SWE|code|software|program/i, titles);
    await screenshot(page, 'search-meaning');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
