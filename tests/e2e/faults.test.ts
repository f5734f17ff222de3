import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { PapermapHooks } from '../../src/app/test_hooks';
import { KNN_STAGE } from '../../src/gpu/knn_choice';
import { collectErrors, screenshot } from './browser';
import { useSiteAndBrowser } from './site_fixture';
import {
  CRASH,
  DEVICE_REFUSED,
  KEEP_DEVICES,
  LOSE_DEVICES,
  NO_SHADER_F16,
  NO_WEBGPU,
  onFirstProgress,
  prefixComputeWorker,
} from './worker_stubs';

/** Waits for a finished map; returns the paper count, backend, its tooltip and the notices. */
async function finishedMap(page: Page) {
  await page.getByTestId('paper-count').waitFor({ timeout: 300_000 });
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 300_000 });
  const notices = page.getByTestId('notices').locator('li');
  const backend = page.getByTestId('backend');
  return {
    count: Number((await page.getByTestId('paper-count').textContent())?.match(/\d+/)?.[0]),
    // A map from a bundle needs no backend until something is computed.
    backend: (await backend.count()) ? ((await backend.textContent())?.trim() ?? '') : '',
    why: (await backend.count()) ? ((await backend.getAttribute('title')) ?? '') : '',
    source: (await page.getByTestId('vectors-source').textContent())?.trim() ?? '',
    notices: (await notices.count()) ? await notices.allTextContents() : [],
  };
}

/** The page's errors, less the crash a test caused on purpose. */
const unexpected = (errors: string[]): string[] => errors.filter((e) => !/Simulated crash/.test(e));

describe('a crashed compute worker', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('says so, keeps the map on screen, and a retry finishes from the cached vectors', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1200, height: 800 } });
    // The first worker dies once kNN starts, after the vectors were embedded and cached.
    await prefixComputeWorker(context, (n) =>
      n === 0 ? onFirstProgress(KNN_STAGE.exact, CRASH) : '',
    );
    const page = await context.newPage();
    const errors = collectErrors(page);
    // The site's shipped map first, then "Recompute on my GPU" runs the pipeline in the worker.
    await page.goto(e2e.site.url);
    assert.equal((await finishedMap(page)).source, 'map from bundle');
    const labels = await page.evaluate(() =>
      (window as unknown as { __papermap: PapermapHooks }).__papermap.visibleLabels(),
    );
    await page.getByTestId('recompute').click();

    const notice = page.getByTestId('retry-notice');
    await notice.waitFor({ timeout: 240_000 });
    assert.match(
      (await notice.textContent()) ?? '',
      /stopped unexpectedly.*Simulated crash.*unchanged/,
    );
    assert.equal(await page.getByTestId('progress').count(), 0);
    const kept = await finishedMap(page);
    assert.equal(kept.count, 236);
    assert.equal(kept.source, 'map from bundle');
    assert.deepEqual(
      await page.evaluate(() =>
        (window as unknown as { __papermap: PapermapHooks }).__papermap.visibleLabels(),
      ),
      labels,
    );
    await screenshot(page, 'faults-worker-crashed');

    await page.getByTestId('retry').click();
    await page.getByTestId('vectors-source').getByText('vectors from cache').waitFor({
      timeout: 240_000,
    });
    const map = await finishedMap(page);
    assert.equal(map.count, 236);
    // The retry ran in a new worker and did not embed again.
    assert.equal(map.source, 'vectors from cache');
    assert.equal(await notice.count(), 0);
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});

describe('the cache in IndexedDB when it fails', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser();

  it('a full disk: the map is built and the user is told once', async () => {
    const context = await e2e.browser.newContext();
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if (this.name === 'vectors' || this.name === 'rows')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e2e.site.url}?compute`);
    const map = await finishedMap(page);
    assert.equal(map.count, 236);
    assert.equal(map.source, 'vectors computed');
    assert.equal(map.notices.length, 1);
    assert.match(map.notices[0]!, /could not be cached.*storage for this site is full/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('damaged entries: a reload recomputes them and says so once', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e2e.site.url}?compute`);
    assert.equal((await finishedMap(page)).source, 'vectors computed');
    // Flip one byte of every cached entry's codes, keeping its size, as a disk error would.
    const damaged = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('papermap');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('vectors', 'readwrite');
            const store = tx.objectStore('vectors');
            let count = 0;
            store.openCursor().onsuccess = (event) => {
              const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!cursor) return;
              const entry = cursor.value as { codes: ArrayBuffer };
              const codes = new Int8Array(entry.codes.slice(0));
              codes[7] = codes[7]! ^ 0x55;
              cursor.update({ ...entry, codes: codes.buffer });
              count++;
              cursor.continue();
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve(count);
            };
          };
        }),
    );
    assert.equal(damaged, 1);
    await page.reload();
    const map = await finishedMap(page);
    assert.equal(map.count, 236);
    assert.equal(map.source, 'vectors computed');
    assert.deepEqual(map.notices, [
      'Some cached vectors were damaged (checksum mismatch) and were computed again.',
    ]);
    // The recomputed vectors replaced the damaged entry: the next reload reads the cache quietly.
    await page.reload();
    const again = await finishedMap(page);
    assert.equal(again.source, 'vectors from cache');
    assert.deepEqual(again.notices, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the compute worker when WebGPU fails', { concurrency: false }, () => {
  const e2e = useSiteAndBrowser({ webgpu: true });

  /** Opens ?backend=webgpu&compute with `stub` in front of every compute worker. */
  async function mapWith(stub: string) {
    const context = await e2e.browser.newContext({ viewport: { width: 1200, height: 800 } });
    await prefixComputeWorker(context, () => stub);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e2e.site.url}?backend=webgpu&compute`);
    const map = await finishedMap(page);
    return { map, errors, page, context };
  }

  it('no WebGPU at all: falls back and says which backend it used', async () => {
    const { map, errors, context } = await mapWith(NO_WEBGPU);
    assert.equal(map.count, 236);
    assert.match(map.backend, /^wasm · /);
    assert.deepEqual(map.notices, [
      'webgpu could not be used (no WebGPU adapter); the map is computed on wasm.',
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an adapter whose requestDevice rejects: falls back and says so', async () => {
    const { map, errors, context } = await mapWith(DEVICE_REFUSED);
    assert.equal(map.count, 236);
    assert.match(map.backend, /^wasm · /);
    assert.equal(map.notices.length, 1);
    assert.match(
      map.notices[0]!,
      /^webgpu could not be used \(.+\); the map is computed on wasm\.$/,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an adapter without shader-f16: computes on WebGPU in 32-bit floats, and says so', async () => {
    const { map, errors, context } = await mapWith(NO_SHADER_F16);
    assert.equal(map.count, 236);
    assert.match(map.backend, /^webgpu · /);
    assert.match(map.why, /No shader-f16: 32-bit floats/);
    assert.deepEqual(map.notices, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a device lost mid-run: the worker re-chooses, finishes the map, and names the new backend', async () => {
    const { map, errors, page, context } = await mapWith(
      // Lost once TF-IDF is done (on the CPU), as the SVD starts on the GPU.
      KEEP_DEVICES + onFirstProgress('tf-idf', LOSE_DEVICES),
    );
    assert.equal(map.count, 236);
    assert.match(map.backend, /^wasm · /);
    assert.match(map.why, /webgpu: the WebGPU device was lost/);
    assert.equal(map.source, 'vectors computed');
    assert.equal(map.notices.length, 1);
    assert.match(
      map.notices[0]!,
      /^webgpu stopped working: the WebGPU device was lost.*; the map is finished on wasm/,
    );
    await screenshot(page, 'faults-device-lost');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
