import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSharedLink, waitForMap } from './share_flow';
import { serveStatic } from './static_server';
import { useSiteAndBrowser } from './site_fixture';

describe('a site written by `papermap site`', () => {
  const e2e = useSiteAndBrowser({
    serve: async () => {
      const out = mkdtempSync(join(tmpdir(), 'papermap-site-'));
      const seeds = readdirSync('data/seeds').map((f) => join('data/seeds', f));
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'cli/papermap.ts', 'site', ...seeds, '-o', out, '--backend', 'cpu'],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      // A plain static server at a sub-path, as GitHub Pages or a bucket would serve it.
      return serveStatic(out, '/my-papers/');
    },
  });

  it('opens its map at once and passes the shared-link check', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.site.url);
    await waitForMap(page);
    assert.match((await page.getByTestId('vectors-source').textContent()) ?? '', /map from bundle/);
    await page.close();
    await checkSharedLink(e2e.browser, e2e.site.url, 'cli-site');
  });
});
