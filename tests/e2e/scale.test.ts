import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeBundleFile } from '../../src/share/bundle/bundle_file';
import { syntheticLargeMap } from '../helpers/large_map';
import { collectErrors, screenshot } from './browser';
import { probeInteractions, recordLongTasks } from './interaction_probe';
import { serveStatic } from './static_server';
import { useSiteAndBrowser } from './site_fixture';

const N = 100_000;

describe('a map of 100,000 papers in Chromium', () => {
  const map = syntheticLargeMap(N);
  const e2e = useSiteAndBrowser({
    serve: async () => {
      const folder = mkdtempSync(join(tmpdir(), 'papermap-large-'));
      writeFileSync(join(folder, 'large.papermap'), await encodeBundleFile(map));
      return serveStatic('dist', '/papermap/', { '/large/': folder });
    },
  });

  it('opens, pans, zooms, hovers, selects and searches, reporting its long tasks', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await recordLongTasks(page);
    await page.goto(`${e2e.site.url}?map=../large/large.papermap`);
    await page.getByTestId('paper-count').waitFor({ timeout: 120_000 });
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 120_000 });
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^100,?000 papers/);

    // A word of the first topic's label: the search must find that topic's papers.
    const word = map.topics.find((t) => t.level === 1)!.keywords[0]!;
    const result = await probeInteractions(page, word);
    console.log(`Long tasks with ${N.toLocaleString('en-US')} papers:`);
    for (const r of result.reports)
      console.log(`  ${r.step.padEnd(22)} worst ${r.worstMs} ms (${r.longTasks} long tasks)`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/long-tasks.json', JSON.stringify(result.reports, null, 2));

    const regions = new Set(map.topics.filter((t) => t.level === 0).map((t) => t.label));
    assert.ok(
      result.labelsOut.some((l) => regions.has(l)),
      'region labels when zoomed out',
    );
    assert.ok(
      result.labelsIn.some((l) => !regions.has(l)),
      `finer labels when zoomed in: ${result.labelsIn.join(', ')}`,
    );
    assert.ok(result.tooltip?.trim(), 'hovering a point shows its title');
    assert.ok(result.selected >= 0, 'clicking a point selects its paper');
    assert.match(result.searchCount, /[1-9][\d,]* /);
    await screenshot(page, 'scale-100k');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
