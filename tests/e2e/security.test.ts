import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { describe, it } from 'node:test';
import { collectErrors } from './browser';
import { waitForMap } from './share_flow';
import { useSiteAndBrowser } from './site_fixture';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>Attention Is All You Need',
  '<img src=x onerror="window.__pwned = 2">Scaling Laws for Neural Language Models',
  'javascript:window.__pwned=3 Retrieval-Augmented Generation',
  '\u202EdesreveR txet\u202C and zero\u200Bwidth joiners in a title',
];

describe('the page under hostile input', () => {
  const e2e = useSiteAndBrowser();

  it('runs under its Content-Security-Policy: an injected inline script is refused and reported', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    assert.deepEqual(errors, []);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.head.append(script);
    });
    await page.waitForTimeout(200);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
      undefined,
    );
    assert.ok(
      errors.some((e) => /CSP violation: script-src/.test(e)),
      errors.join('\n'),
    );
    await page.close();
  });

  it('sends no request off the site in a default session: open, hover, select, search', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    // Requests of the page and of its workers (the map bundle is fetched by the bundle worker).
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('search-input').fill('retrieval');
    await page.getByTestId('search-results').waitFor();
    await page.getByTestId('search-mode').selectOption('meaning');
    await page.getByTestId('search-input').fill('models that retrieve documents');
    await page.waitForTimeout(1500);
    await page.getByTestId('search-results').waitFor({ timeout: 60_000 });

    const site = new URL(e2e.site.url);
    const offSite = requests.filter((url) => {
      const { protocol, origin, pathname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return origin !== site.origin || !pathname.startsWith(site.pathname);
    });
    assert.deepEqual(offSite, []);
    assert.ok(
      requests.some((url) => url.endsWith('/corpus/default.papermap')),
      `the recording sees worker requests too: ${requests.join(', ')}`,
    );
    await context.close();
  });

  it('lets the page and its workers connect only to the site and the hosts its address names', async () => {
    // Two other origins: one the address names (?data=), one it does not.
    const body = readFileSync('tests/e2e/fixtures/papers.jsonl');
    const serve = async (): Promise<{ server: Server; origin: string }> => {
      const server = createServer((_, res) => {
        res.writeHead(200, { 'access-control-allow-origin': '*' }).end(body);
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
    };
    const named = await serve();
    const other = await serve();
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const violations = collectErrors(page);
    await page.goto(`${e2e.site.url}?data=${encodeURIComponent(`${named.origin}/papers.jsonl`)}`);
    await waitForMap(page);
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^25 /);

    const tryFetch = (url: string) =>
      fetch(url).then(
        () => 'connected',
        () => 'refused',
      );
    assert.equal(await page.evaluate(tryFetch, `${other.origin}/x`), 'refused');
    assert.equal(await page.evaluate(tryFetch, `${named.origin}/x`), 'connected');
    const workers = page.workers();
    assert.ok(workers.length >= 2, `${workers.length} workers`);
    for (const worker of workers) {
      assert.equal(await worker.evaluate(tryFetch, `${other.origin}/x`), 'refused', worker.url());
      assert.equal(await worker.evaluate(tryFetch, `${named.origin}/x`), 'connected');
    }
    assert.ok(
      violations.some((v) => /connect-src/.test(v)),
      violations.join('\n'),
    );
    await context.close();
    named.server.close();
    other.server.close();
  });

  it('renders titles full of markup and control characters as text, running none of it', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const rows = PAYLOADS.map(
      (t, i) =>
        `"${t.replace(/"/g, '""')}","Abstract number ${i} about language models and retrieval."`,
    );
    const csv = [
      'title,abstract',
      ...rows,
      ...Array.from({ length: 6 }, (_, i) => `"Plain paper ${i}","On transformers ${i}."`),
    ].join('\n');
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(
      () =>
        /^10 papers/.test(document.querySelector('[data-testid="paper-count"]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('search-input').fill('attention');
    await page.getByTestId('search-results').locator('button').first().click();
    await page.getByTestId('paper-detail').waitFor();
    assert.equal((await page.getByTestId('paper-title').textContent())?.trim(), PAYLOADS[0]);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
    );
    assert.equal(
      await page
        .locator('[data-testid="paper-detail"] img, [data-testid="paper-detail"] script')
        .count(),
      0,
    );
    assert.deepEqual(
      errors.filter((e) => /CSP|pageerror/.test(e)),
      [],
    );
    await page.close();
  });
});
