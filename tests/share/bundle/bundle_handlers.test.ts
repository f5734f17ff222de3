import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src/core/rpc/protocol';
import { encodeBundleFile } from '../../../src/share/bundle/bundle_file';
import { createBundleHandlers } from '../../../src/share/bundle/bundle_handlers';
import { bundleFromWire } from '../../../src/share/bundle/wire_bundle';
import { realisticMap } from './bundle_fixtures';

const map = realisticMap(80);
const file = (await encodeBundleFile(map, { compact: false })) as Uint8Array<ArrayBuffer>;

/** A fetch that serves `bytes` in chunks of `size`, failing after `failAfter` chunks if given. */
function chunkedFetch(bytes: Uint8Array, size: number, failAfter = Infinity): typeof fetch {
  return (async () => {
    let at = 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= failAfter) return controller.error(new TypeError('connection reset'));
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, (at += size)));
      },
    });
    return new Response(body, { headers: { 'content-length': String(bytes.length) } });
  }) as typeof fetch;
}

function context(progress: number[] = [], stages: string[] = []): CallContext {
  return {
    signal: new AbortController().signal,
    onProgress: (fraction, stage) => {
      progress.push(fraction);
      stages.push(stage);
    },
    onPartial: () => {},
  };
}

describe('the bundle worker opens a map', () => {
  it('from a download arriving in small pieces, unpacking it as it comes, with progress', async () => {
    const progress: number[] = [];
    const handlers = createBundleHandlers(chunkedFetch(file, 4096));
    const wire = await handlers.open(
      { url: 'https://x/map.papermap', name: 'map' },
      context(progress),
    );
    expect(bundleFromWire(wire)).toEqual(map);
    expect(progress.length).toBeGreaterThan(5);
    // Reported from the first byte (the app's progress line), rising to the whole file.
    expect(progress[0]).toBe(0);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('says it is downloading even when the host sends no length', async () => {
    const progress: number[] = [];
    const stages: string[] = [];
    const noLength = (async (...args: Parameters<typeof fetch>) => {
      const response = await chunkedFetch(file, 4096)(...args);
      return new Response(response.body);
    }) as typeof fetch;
    const wire = await createBundleHandlers(noLength).open(
      { url: 'https://x/map.papermap', name: 'map' },
      context(progress, stages),
    );
    expect(bundleFromWire(wire)).toEqual(map);
    expect(progress.length).toBeGreaterThan(5);
    expect(new Set(progress)).toEqual(new Set([0]));
    expect(new Set(stages)).toEqual(new Set(['download']));
  });

  it('from a picked file, gzipped or not, with the fraction read', async () => {
    const handlers = createBundleHandlers();
    const plain = (await encodeBundleFile(map, {
      gzip: false,
      compact: false,
    })) as Uint8Array<ArrayBuffer>;
    for (const bytes of [file, plain]) {
      const progress: number[] = [];
      const stages: string[] = [];
      const wire = await handlers.open(
        { file: new Blob([bytes]), name: 'map' },
        context(progress, stages),
      );
      expect(bundleFromWire(wire)).toEqual(map);
      expect(progress[0]).toBe(0);
      expect(progress.at(-1)).toBe(1);
      expect(new Set(stages)).toEqual(new Set(['read']));
    }
  });

  it('says a broken download failed, not that the file is damaged', async () => {
    const handlers = createBundleHandlers(chunkedFetch(file, 4096, 3));
    await expect(
      handlers.open({ url: 'https://x/m', name: 'map.papermap' }, context()),
    ).rejects.toThrow(
      /^could not fetch the map map\.papermap: the network or the host refused \(TypeError: connection reset\)/,
    );
  });

  it('says when a file is cut short or is not a bundle', async () => {
    const handlers = createBundleHandlers();
    const cut = new Blob([file.subarray(0, file.length >> 1)]);
    await expect(handlers.open({ file: cut, name: 'cut.papermap' }, context())).rejects.toThrow(
      /^cut\.papermap: the file is not valid gzip data/,
    );
    const text = new Blob(['id,title\n1,Scaling laws for neural language models\n']);
    await expect(handlers.open({ file: text, name: 'papers.csv' }, context())).rejects.toThrow(
      'papers.csv: not a papermap bundle: it does not start with "PMAPBNDL"',
    );
  });
});
