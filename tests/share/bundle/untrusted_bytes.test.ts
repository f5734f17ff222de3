import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../src/share/bundle/bundle_error';
import { encodeBundleFile, readBundleFile } from '../../../src/share/bundle/bundle_file';
import { compactVectors } from '../../../src/share/bundle/compact_vectors';
import { readBundle } from '../../../src/share/bundle/read_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { realisticMap } from './bundle_fixtures';
import { closeBundle, openBundle } from './bundle_surgery';

/** Reading either succeeds or throws a BundleError that names the file; nothing else. */
function readsOrExplains(bytes: Uint8Array): void {
  try {
    readBundle(bytes, 'bad.papermap');
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toMatch(/^bad\.papermap: /);
  }
}

const BUNDLES = {
  'a bundle with int8 vectors': writeBundle(realisticMap(24)),
  // 4-bit codes and a vector basis (16 of the 32 dimensions), the sections compact files add.
  'a compact bundle with a vector basis': writeBundle(compactVectors(realisticMap(24), 16)),
};

describe.each(Object.entries(BUNDLES))('reading untrusted bytes: %s', (_, bundle) => {
  it('explains every truncation', () => {
    for (let end = 0; end < bundle.length; end += 7) {
      expect(() => readBundle(bundle.subarray(0, end), 'bad.papermap')).toThrow(BundleError);
    }
  });

  it('never throws anything but a clear error on mutated bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bundle.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const bytes = bundle.slice();
          for (const [at, value] of edits) bytes[at] = value;
          readsOrExplains(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('explains any damage to the papers, even with valid checksums', () => {
    const papers = openBundle(bundle).sections.get('papers')!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(papers.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const copy = openBundle(bundle);
          const bytes = papers.slice();
          for (const [at, value] of edits) bytes[at] = value;
          copy.sections.set('papers', bytes);
          readsOrExplains(closeBundle(copy));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a clear error on random bytes, with or without the magic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, magic) => {
        const head = magic ? bundle.subarray(0, 16) : new Uint8Array(0);
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        readsOrExplains(bytes);
      }),
    );
  });

  it('explains any value in any header field, even with valid checksums', () => {
    const open = openBundle(bundle);
    const fields = Object.keys(open.header);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const copy = openBundle(bundle);
        copy.header[field] = value;
        readsOrExplains(closeBundle(copy));
      }),
      { numRuns: 300 },
    );
  });

  it('explains any value in any section-table field, even with valid checksums', () => {
    const open = openBundle(bundle);
    const count = open.header.sections.length;
    const keys = ['name', 'offset', 'length', 'dtype', 'shape', 'filter', 'crc32'];
    fc.assert(
      fc.property(
        fc.nat(count - 1),
        fc.constantFrom(...keys),
        fc.oneof(fc.jsonValue(), fc.integer({ min: -16, max: bundle.length + 16 })),
        (index, key, value) => {
          const copy = openBundle(bundle);
          copy.header.sections[index]![key] = value;
          readsOrExplains(closeBundle(copy, { keepChecksums: key === 'crc32' }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains damaged gzip files', async () => {
    const file = await encodeBundleFile(realisticMap(10));
    await fc.assert(
      fc.asyncProperty(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 }), async (at, v) => {
        const bytes = file.slice();
        bytes[at] = v;
        try {
          await readBundleFile(bytes, 'bad.papermap');
        } catch (error) {
          expect(error).toBeInstanceOf(BundleError);
        }
      }),
      { numRuns: 100 },
    );
    await expect(readBundleFile(file.subarray(0, 40), 'bad.papermap')).rejects.toThrow(
      /bad\.papermap: the file is not valid gzip data/,
    );
  });
});
