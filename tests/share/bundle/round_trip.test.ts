import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/core/paper';
import { encodeBundleFile, readBundleFile } from '../../../src/share/bundle/bundle_file';
import { shuffleBytes, unshuffleBytes } from '../../../src/share/bundle/byte_shuffle';
import { crc32Hex } from '../../../src/share/bundle/crc32';
import { decodeDistances } from '../../../src/share/bundle/distance_codes';
import type { BundleTopic, MapBundle } from '../../../src/share/bundle/map_bundle';
import { readBundle } from '../../../src/share/bundle/read_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { realisticMap } from './bundle_fixtures';
import { openBundle } from './bundle_surgery';

describe('map bundle round trip', () => {
  it('reads back a realistic map exactly, with and without gzip', async () => {
    const map = realisticMap();
    expect(readBundle(writeBundle(map), 'map.papermap')).toEqual(map);
    const file = await encodeBundleFile(map, { compact: false });
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b]);
    expect(await readBundleFile(file, 'map.papermap')).toEqual(map);
    const plain = await encodeBundleFile(map, { gzip: false, compact: false });
    expect(await readBundleFile(plain, 'map.papermap')).toEqual(map);
  });

  it('starts with the magic and places every section on an 8-byte boundary', () => {
    const bytes = writeBundle(realisticMap());
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('PMAPBNDL');
    const { header } = openBundle(bytes);
    expect(header).toMatchObject({ format: 'papermap-bundle', version: 3, checksum: 'crc32' });
    const names = header.sections.map((s) => s.name);
    // Papers last: a reader of a stream has the map before the abstracts (papersFirstEnd).
    expect(names).toEqual([
      'topics',
      'layout.xy',
      'knn.indices',
      'knn.distances',
      'clusters',
      'vectors.codes',
      'vectors.scales',
      'papers',
    ]);
    for (const s of header.sections) expect((s.offset as number) % 8).toBe(0);
  });

  it('leaves the vector sections out of a map without vectors', () => {
    const map = realisticMap(20, false);
    const back = readBundle(writeBundle(map), 'm.papermap');
    expect(back.vectors).toBeUndefined();
    expect(back).toEqual(map);
    expect(openBundle(writeBundle(map)).header.dim).toBeNull();
  });

  it('round-trips an empty map', () => {
    const empty: MapBundle = {
      name: '',
      corpus: { papers: [], hash: 'h' },
      embedderId: 'e',
      layout: { xy: new Float32Array(0), n: 0, id: 'l' },
      layoutParams: {},
      graph: { indices: new Int32Array(0), distances: new Float32Array(0), n: 0, k: 0 },
      clusters: new Int32Array(0),
      clusterCount: 0,
      topics: [],
    };
    expect(readBundle(writeBundle(empty), 'e.papermap')).toEqual(empty);
  });

  it('round-trips random maps exactly', async () => {
    await fc.assert(
      fc.asyncProperty(mapArbitrary(), fc.boolean(), async (map, zipped) => {
        const bytes = await encodeBundleFile(map, { gzip: zipped, compact: false });
        expect(await readBundleFile(bytes, 'r.papermap')).toEqual(map);
      }),
      { numRuns: 150 },
    );
  });
});

describe('bundle checksum and filter', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32Hex(new TextEncoder().encode('123456789'))).toBe('cbf43926');
    expect(crc32Hex(new Uint8Array(0))).toBe('00000000');
  });

  it('byte-shuffling is undone exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        const bytes = raw.subarray(0, raw.length - (raw.length % 4));
        expect(unshuffleBytes(shuffleBytes(bytes, 4), 4)).toEqual(bytes);
      }),
    );
  });
});

const text = fc.string({ unit: 'binary', maxLength: 30 });
const isoDate = fc
  .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function paperArbitrary(i: number): fc.Arbitrary<Paper> {
  return fc
    .record(
      {
        id: text.map((t) => `${i}:${t}`),
        title: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        abstract: fc.string({ unit: 'binary', maxLength: 200 }),
        authors: fc.array(text, { maxLength: 4 }),
        authorCount: fc.option(fc.nat(), { nil: null }),
        org: fc.option(text, { nil: null }),
        date: fc.option(isoDate, { nil: null }),
        upvotes: fc.option(fc.nat(), { nil: null }),
        url: fc.option(text, { nil: null }),
        source: fc.array(text, { maxLength: 3 }),
        arxivId: text,
        doi: text,
        categories: fc.array(text, { maxLength: 3 }),
        fields: fc.dictionary(text, text, { maxKeys: 3 }),
        flags: fc.array(text, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'title', 'abstract', 'authors', 'authorCount', 'org', 'date'] },
    )
    .map((p) => ({ upvotes: null, url: null, source: [], ...p }));
}

/** Random maps: 0–12 papers, any k, optional vectors, random values of every section. */
function mapArbitrary(): fc.Arbitrary<MapBundle> {
  return fc
    .record({
      n: fc.integer({ min: 0, max: 12 }),
      kWish: fc.nat(6),
      dim: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      clusterCount: fc.integer({ min: 1, max: 5 }),
      // Codes in [−7, 7] are stored in 4 bits, others in 8.
      codeMax: fc.constantFrom(7, 127),
    })
    .chain(({ n, kWish, dim, clusterCount, codeMax }) => {
      const k = Math.min(kWish, Math.max(0, n - 1));
      const finite = fc.float({ noNaN: true, noDefaultInfinity: true });
      const floats = (len: number) => fc.array(finite, { minLength: len, maxLength: len });
      const ints = (len: number, max: number) =>
        fc.array(fc.integer({ min: 0, max }), { minLength: len, maxLength: len });
      const topic: fc.Arbitrary<BundleTopic> = fc.record({
        level: fc.nat(3),
        cluster: fc.nat(9),
        label: text,
        keywords: fc.array(text, { maxLength: 3 }),
      });
      const param = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0);
      return fc
        .record({
          name: text,
          papers: fc.tuple(...Array.from({ length: n }, (_, i) => paperArbitrary(i))),
          hash: fc.string({ minLength: 1, maxLength: 16 }),
          embedderId: text,
          layoutId: text,
          layoutParams: fc.dictionary(fc.string({ maxLength: 8 }), param, { maxKeys: 4 }),
          xy: floats(n * 2),
          indices: ints(n * k, Math.max(0, n - 1)),
          // Distances as a bundle stores them: uint16 steps of 2/65,535 in [0, 2].
          distances: ints(n * k, 65_535),
          clusters: ints(n, clusterCount - 1),
          topics: fc.array(topic, { maxLength: 3 }),
          codes: fc.array(fc.integer({ min: -codeMax, max: codeMax }), {
            minLength: n * (dim ?? 0),
            maxLength: n * (dim ?? 0),
          }),
          scales: fc.array(fc.float({ min: 0, noNaN: true, noDefaultInfinity: true }), {
            minLength: n,
            maxLength: n,
          }),
        })
        .map((r): MapBundle => {
          const map: MapBundle = {
            name: r.name,
            corpus: { papers: r.papers, hash: r.hash },
            embedderId: r.embedderId,
            layout: { xy: Float32Array.from(r.xy), n, id: r.layoutId },
            layoutParams: r.layoutParams,
            graph: {
              indices: Int32Array.from(r.indices),
              distances: decodeDistances(Uint16Array.from(r.distances)),
              n,
              k,
            },
            clusters: Int32Array.from(r.clusters),
            clusterCount,
            topics: r.topics,
          };
          if (dim !== null) {
            map.vectors = {
              codes: Int8Array.from(r.codes),
              scales: Float32Array.from(r.scales),
              n,
              dim,
            };
          }
          return map;
        });
    });
}
