import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src/core/rpc/protocol';
import { encodeBundleFile } from '../../../src/share/bundle/bundle_file';
import {
  createBundleHandlers,
  type OpenedBundle,
  type OpenedPart,
} from '../../../src/share/bundle/bundle_handlers';
import {
  bundleFromWire,
  fillAbstracts,
  type WireBundle,
} from '../../../src/share/bundle/wire_bundle';
import { papersFromTable } from '../../../src/core/paper_table';
import { closeBundle, openBundle } from './bundle_surgery';
import { gzip } from '../../../src/share/bundle/bundle_file';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { realisticMap, textGenerator } from './bundle_fixtures';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';

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

function context(
  progress: number[] = [],
  stages: string[] = [],
  partials: unknown[] = [],
): CallContext {
  return {
    signal: new AbortController().signal,
    onProgress: (fraction, stage) => {
      progress.push(fraction);
      stages.push(stage);
    },
    onPartial: (value) => partials.push(structuredClone(value)),
  };
}

/** The bundle `open` answered: whole, or its map sent first and then its abstracts in pieces. */
function opened(answer: OpenedBundle, partials: unknown[]): MapBundle {
  if ('bundle' in answer) {
    expect(partials).toHaveLength(0);
    return bundleFromWire(answer.bundle);
  }
  expect(partials).toHaveLength(answer.parts);
  const [first, ...pieces] = partials as OpenedPart[];
  if (!first || !('map' in first)) throw new Error('the first part is not the map');
  const bundle = bundleFromWire(first.map);
  let filled = 0;
  for (const piece of pieces) {
    if (!('abstracts' in piece)) throw new Error('a later part is not abstracts');
    expect(piece.abstracts.first).toBe(filled);
    filled += fillAbstracts(bundle, piece.abstracts.first, piece.abstracts.chunks);
  }
  expect(filled).toBe(bundle.corpus.papers.length);
  return bundle;
}

describe('the bundle worker opens a map', () => {
  it('from a download arriving in small pieces, unpacking it as it comes, with progress', async () => {
    const progress: number[] = [];
    const partials: unknown[] = [];
    const handlers = createBundleHandlers(chunkedFetch(file, 4096));
    const answer = await handlers.open(
      { url: 'https://x/map.papermap', name: 'map' },
      context(progress, [], partials),
    );
    expect(opened(answer, partials)).toEqual(map);
    expect(progress.length).toBeGreaterThan(5);
    // Reported from the first byte (the app's progress line), rising to the whole file.
    expect(progress[0]).toBe(0);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('says it is downloading even when the host sends no length', async () => {
    const progress: number[] = [];
    const stages: string[] = [];
    const partials: unknown[] = [];
    const noLength = (async (...args: Parameters<typeof fetch>) => {
      const response = await chunkedFetch(file, 4096)(...args);
      return new Response(response.body);
    }) as typeof fetch;
    const answer = await createBundleHandlers(noLength).open(
      { url: 'https://x/map.papermap', name: 'map' },
      context(progress, stages, partials),
    );
    expect(opened(answer, partials)).toEqual(map);
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
      const partials: unknown[] = [];
      const answer = await handlers.open(
        { file: new Blob([bytes]), name: 'map' },
        context(progress, stages, partials),
      );
      expect(opened(answer, partials)).toEqual(map);
      expect(progress[0]).toBe(0);
      expect(progress.at(-1)).toBe(1);
      expect(new Set(stages)).toEqual(new Set(['read']));
    }
  });

  it('sends the map before the abstracts have come, then the abstracts', async () => {
    // Abstracts of ~1,200 characters, as arXiv's are: most of a file, as in real corpora.
    const words = textGenerator(5);
    const long: MapBundle = {
      ...map,
      corpus: {
        ...map.corpus,
        papers: map.corpus.papers.map((p) => ({ ...p, abstract: words(1200) })),
      },
    };
    const file = (await encodeBundleFile(long, { compact: false })) as Uint8Array<ArrayBuffer>;
    // The last 40 % of the file is held back until the map has been sent (or 5 s have passed).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let restSent = false;
    const heldBack = (async () => {
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (at >= file.length) return controller.close();
          if (at >= file.length * 0.6 && !restSent) {
            await Promise.race([held, new Promise((r) => setTimeout(r, 5000))]);
            restSent = true;
          }
          controller.enqueue(file.slice(at, (at += 512)));
        },
      });
      return new Response(body);
    }) as typeof fetch;
    const partials: unknown[] = [];
    let mapBeforeRest = false;
    const ctx = context();
    ctx.onPartial = (value) => {
      partials.push(structuredClone(value));
      if (partials.length === 1) mapBeforeRest = !restSent;
      release();
    };
    const answer = await createBundleHandlers(heldBack).open(
      { url: 'https://x/map.papermap', name: 'map' },
      ctx,
    );
    expect('parts' in answer).toBe(true);
    const map0 = (partials[0] as { map: WireBundle }).map;
    // Everything but the abstracts, which are empty until they come.
    const early = papersFromTable(map0.corpus.table);
    expect(early.map((p) => p.title)).toEqual(long.corpus.papers.map((p) => p.title));
    expect(early.every((p) => p.abstract === '')).toBe(true);
    expect(map0.layout.xy).toEqual(long.layout.xy);
    expect(mapBeforeRest).toBe(true);
    expect(opened(answer, partials)).toEqual(long);
  });

  it('reads a file laid out before maps came first whole, in one step', async () => {
    const open = openBundle(writeBundle(map));
    const papers = open.header.sections.find((e) => e.name === 'papers')!;
    open.header.sections = [papers, ...open.header.sections.filter((e) => e !== papers)];
    const old = (await gzip(closeBundle(open))) as Uint8Array<ArrayBuffer>;
    const partials: unknown[] = [];
    const answer = await createBundleHandlers(chunkedFetch(old, 4096)).open(
      { url: 'https://x/old.papermap', name: 'old' },
      context([], [], partials),
    );
    expect('bundle' in answer).toBe(true);
    expect(opened(answer, partials)).toEqual(map);
  });

  it('refuses a map whose early sections are damaged before sending anything', async () => {
    const open = openBundle(writeBundle(map));
    const xy = open.sections.get('layout.xy')!;
    xy[9] = xy[9]! ^ 0x40;
    const damaged = (await gzip(
      closeBundle(open, { keepChecksums: true }),
    )) as Uint8Array<ArrayBuffer>;
    const partials: unknown[] = [];
    await expect(
      createBundleHandlers(chunkedFetch(damaged, 4096)).open(
        { url: 'https://x/d.papermap', name: 'd.papermap' },
        context([], [], partials),
      ),
    ).rejects.toThrow(/^d\.papermap: section 'layout\.xy' is damaged: its checksum is/);
    expect(partials).toHaveLength(0);
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
