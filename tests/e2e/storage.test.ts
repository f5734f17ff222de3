import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectErrors } from './browser';
import { useSiteAndBrowser } from './site_fixture';

describe('the map without IndexedDB', () => {
  const e2e = useSiteAndBrowser();

  it('still shows the map, with one notice that vectors are not cached, when IndexedDB refuses to open', async () => {
    const context = await e2e.browser.newContext();
    // As in some private modes: the API exists but every open fails.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await page.getByTestId('paper-count').waitFor({ timeout: 180_000 });
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);
    const notices = page.getByTestId('notices').locator('li');
    assert.equal(await notices.count(), 1);
    assert.match((await notices.first().textContent()) ?? '', /not be cached.*insecure/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
