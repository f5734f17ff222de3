import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tinyBertFiles } from '../helpers/tiny_bert';
import { collectErrors } from './browser';
import { serveStatic } from './static_server';
import { useSiteAndBrowser } from './site_fixture';
import { waitForMap } from './share_flow';

describe('choosing the embedder', () => {
  const e2e = useSiteAndBrowser({
    serve: async () => {
      // A tiny random BERT in Hugging Face's file formats, served like a model repository.
      const folder = mkdtempSync(join(tmpdir(), 'papermap-model-'));
      for (const [name, content] of Object.entries(tinyBertFiles()))
        writeFileSync(join(folder, name), content);
      return serveStatic('dist', '/papermap/', { '/models/tiny-bert/': folder });
    },
  });

  it('maps the corpus with a BERT model given by ?embedder=minilm&model=URL', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e2e.site.url}?embedder=minilm&model=../models/tiny-bert/`);
    await waitForMap(page);
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);
    assert.equal(await page.getByTestId('embedder').inputValue(), 'minilm');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('maps the corpus with BERT model files picked from disk, and names a missing one', async () => {
    const page = await e2e.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    const files = Object.entries(tinyBertFiles()).map(([name, content]) => ({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      buffer: Buffer.from(content),
    }));
    // Two of the three files: nothing is recomputed, and the notice names the missing one.
    await page.getByTestId('model-files').setInputFiles(files.slice(0, 2));
    await page.getByTestId('notices').waitFor();
    assert.match(
      (await page.getByTestId('notices').textContent()) ?? '',
      /model\.safetensors is missing/,
    );
    assert.equal(await page.getByTestId('embedder').inputValue(), 'lsa');

    await page.getByTestId('model-files').setInputFiles(files);
    await page.getByTestId('progress').waitFor();
    await waitForMap(page);
    assert.equal(await page.getByTestId('embedder').inputValue(), 'local');
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);
    assert.match((await page.getByTestId('vectors-source').textContent()) ?? '', /computed/);
    assert.match(
      (await page.getByTestId('notices').textContent()) ?? '',
      /cannot travel in a link/,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('switches from lsa to minilm in the header, and keeps the lsa map when the model cannot load', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}?embedder=minilm&model=../models/missing/`);
    // The default model URL is unreachable here too: the page opens with an error, no crash.
    await page.getByTestId('error').waitFor({ timeout: 120_000 });
    assert.match((await page.getByTestId('error').textContent()) ?? '', /404|could not|fetch/i);
    await page.goto(e2e.site.url);
    await waitForMap(page);
    await page.getByTestId('embedder').selectOption('minilm');
    // No internet here: Hugging Face cannot be reached, so the lsa map must stay, with a notice.
    await page.getByTestId('notices').waitFor({ timeout: 120_000 });
    assert.match((await page.getByTestId('notices').textContent()) ?? '', /map stays as it was/);
    assert.equal(await page.getByTestId('embedder').inputValue(), 'lsa');
    assert.match((await page.getByTestId('paper-count').textContent()) ?? '', /^236 /);
    await page.close();
  });
});
