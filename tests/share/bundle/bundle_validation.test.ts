import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBundleFile } from '../../../src/share/bundle/bundle_file';
import { crc32 } from '../../../src/share/bundle/crc32';
import { papersToColumns } from '../../../src/share/bundle/paper_columns';
import { MAX_BUNDLE_BYTES } from '../../../src/share/bundle/map_bundle';
import { readBundle } from '../../../src/share/bundle/read_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import type { Paper } from '../../../src/core/paper';
import { realisticMap } from './bundle_fixtures';
import {
  closeBundle,
  entryOf,
  getTyped,
  openBundle,
  paperRecords,
  setPapersJson,
  setTyped,
  type OpenBundle,
} from './bundle_surgery';

const N = 60;
const K = 8;
const good = writeBundle(realisticMap(N));

/** Applies one change to a fresh copy of the good bundle and returns the reader's complaint. */
function complaint(change: (open: OpenBundle) => void, keepChecksums = false): string {
  const open = openBundle(good);
  change(open);
  try {
    readBundle(closeBundle(open, { keepChecksums }), 'map.papermap');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the bundle was read without complaint');
}

function message(bytes: Uint8Array): string {
  try {
    readBundle(bytes, 'map.papermap');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the bundle was read without complaint');
}

const text = (s: string) => new TextEncoder().encode(s);
const paperJson = paperRecords;

describe('the bundle reader rejects', () => {
  it('files over 1 GiB', () => {
    const huge = new Uint8Array(MAX_BUNDLE_BYTES + 1);
    expect(message(huge)).toMatch(/^map\.papermap: the file is 1,073,741,825 bytes, more than/);
  });

  it('gzip files that unpack to more than the limit (1 GiB unless lowered)', async () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    await expect(
      readBundleFile(bomb, 'map.papermap', { maxUnpackedBytes: 1024 * 1024 }),
    ).rejects.toThrow(
      'map.papermap: the file unpacks to more than the 1,048,576 bytes a bundle may have here',
    );
  });

  it('more than 10 million papers', () => {
    expect(complaint((o) => (o.header.n = 10_000_001))).toContain(
      "header field 'n' should be a whole number in [0, 10,000,000], but is 10000001",
    );
  });

  it('files without the magic, and gzip data given to the container reader', () => {
    const bytes = good.slice();
    bytes[0] = 0x51;
    expect(message(bytes)).toBe(
      'map.papermap: not a papermap bundle: it does not start with "PMAPBNDL"',
    );
    expect(message(gzipSync(good))).toMatch(/gzip-compressed: read it with readBundleFile/);
    expect(message(good.subarray(0, 10))).toBe(
      'map.papermap: the file is 10 bytes, too short for a bundle',
    );
  });

  it('other formats and versions', () => {
    expect(complaint((o) => (o.header.version = 4))).toBe(
      'map.papermap: bundle version 4 is not supported: this papermap reads versions 1, 2 and 3',
    );
    expect(complaint((o) => (o.header.format = 'zip'))).toMatch(/not a papermap bundle/);
  });

  it('a damaged header: checksum, length, JSON', () => {
    const damaged = good.slice();
    damaged[20] = damaged[20]! ^ 1;
    expect(message(damaged)).toBe('map.papermap: the header is damaged (checksum)');
    const long = good.slice();
    new DataView(long.buffer).setUint32(8, good.length, true);
    expect(message(long)).toMatch(/the header length [\d,]+ runs past the end of the file/);
  });

  it('a damaged section, by its checksum', () => {
    expect(
      complaint((o) => {
        const bytes = o.sections.get('knn.indices')!;
        bytes[3] = bytes[3]! ^ 0x10;
      }, true),
    ).toMatch(
      /^map\.papermap: section 'knn\.indices' is damaged: its checksum is [0-9a-f]{8}, expected/,
    );
  });

  it('a gzip file whose bytes do not match its checksum (then sections are not checked again)', async () => {
    const file = gzipSync(good);
    // The last 8 bytes are gzip's CRC-32 of the whole container and its length.
    const damaged = file.slice();
    damaged[damaged.length - 8] = damaged[damaged.length - 8]! ^ 1;
    await expect(readBundleFile(damaged, 'map.papermap')).rejects.toThrow(
      /^map\.papermap: the file is not valid gzip data/,
    );
    // A section damaged before gzip, with its table entry's checksum kept: gzip's own checksum
    // is right, and the values are still checked (an index ≥ n).
    const open = openBundle(good);
    const indices = new Int32Array(getTyped(open, 'knn.indices').buffer);
    indices[3] = N;
    setTyped(open, 'knn.indices', indices);
    await expect(
      readBundleFile(gzipSync(closeBundle(open, { keepChecksums: true })), 'map.papermap'),
    ).rejects.toThrow(`section 'knn.indices': entry 3 is ${N}, expected a paper index`);
  });

  it('a section whose entry count does not match n and k', () => {
    const msg = complaint((o) => {
      entryOf(o, 'knn.indices').shape = [N, K + 1];
    });
    expect(msg).toBe(
      `map.papermap: section 'knn.indices' has ${N * (K + 1)} entries, expected n×k = ${N * K}`,
    );
  });

  it('a section whose shape is not n×k', () => {
    expect(complaint((o) => (entryOf(o, 'knn.distances').shape = [K, N]))).toBe(
      `map.papermap: section 'knn.distances' has shape ${K}×${N}, expected n×k = ${N}×${K}`,
    );
  });

  it('a section whose byte length does not match its shape', () => {
    expect(complaint((o) => o.sections.set('clusters', new Uint8Array(N * 4 + 8)))).toBe(
      `map.papermap: section 'clusters' is ${N * 4 + 8} bytes, expected ${N * 4} for ${N} int32 entries`,
    );
  });

  it('a section of the wrong dtype or with a filter its dtype cannot have', () => {
    expect(complaint((o) => (entryOf(o, 'layout.xy').dtype = 'int32'))).toBe(
      "map.papermap: section 'layout.xy' has dtype int32, expected float32",
    );
    expect(complaint((o) => (entryOf(o, 'vectors.codes').filter = 'shuffle'))).toBe(
      "map.papermap: section 'vectors.codes' cannot be byte-shuffled",
    );
  });

  it('a misaligned section, one past the end, one inside the header, overlapping ones', () => {
    const at = (change: (e: Record<string, unknown>, o: OpenBundle) => void) => {
      const open = openBundle(good);
      change(entryOf(open, 'clusters'), open);
      // closeBundle would fix the offsets: change them in the bytes' own header instead.
      const json = new TextEncoder().encode(JSON.stringify(open.header));
      const bytes = good.slice(0, Math.max(good.length, 16 + json.length + 8));
      const view = new DataView(bytes.buffer);
      const start = 16 + view.getUint32(8, true);
      if (16 + json.length > start) throw new Error('header grew');
      bytes.fill(0x20, 16, start);
      bytes.set(json, 16);
      view.setUint32(12, crc32(bytes.subarray(16, start)), true);
      return message(bytes);
    };
    const clusters = entryOf(openBundle(good), 'clusters');
    const offset = clusters.offset as number;
    expect(at((e) => (e.offset = offset + 4))).toBe(
      `map.papermap: section 'clusters' starts at byte ${(offset + 4).toLocaleString('en-US')}, not a multiple of 8`,
    );
    expect(at((e) => (e.offset = 16))).toBe(
      "map.papermap: section 'clusters' starts at byte 16, inside the header",
    );
    // A file cut short: its last section, papers, runs past the end.
    expect(message(good.slice(0, good.length - 8))).toMatch(
      /^map\.papermap: section 'papers' runs past the end of the file: bytes/,
    );
    expect(at((e, o) => (e.offset = entryOf(o, 'layout.xy').offset))).toMatch(
      /sections '.+' and '.+' overlap/,
    );
  });

  it('missing, repeated and unexpected sections', () => {
    expect(
      complaint(
        (o) => (o.header.sections = o.header.sections.filter((s) => s.name !== 'clusters')),
      ),
    ).toBe("map.papermap: section 'clusters' is missing");
    expect(complaint((o) => o.header.sections.push({ ...entryOf(o, 'topics') }))).toBe(
      "map.papermap: section 'topics' appears twice in the section table",
    );
    expect(complaint((o) => (o.header.dim = null))).toBe(
      "map.papermap: section 'vectors.codes' is present, but dim is null",
    );
  });

  it('neighbour indices outside [0, n) and k ≥ n', () => {
    expect(
      complaint((o) => {
        const indices = new Int32Array(getTyped(o, 'knn.indices').buffer);
        indices[5] = N;
        setTyped(o, 'knn.indices', indices);
      }),
    ).toBe(
      `map.papermap: section 'knn.indices': entry 5 is ${N}, expected a paper index in [0, ${N})`,
    );
    expect(complaint((o) => (o.header.k = N))).toMatch(
      /header field 'k' should be a whole number in \[0, 59\]/,
    );
  });

  it('cluster ids outside [0, clusterCount), non-finite coordinates and bad scales', () => {
    const typed = (name: string, kind: 'int32' | 'float32', v: number) =>
      complaint((o) => {
        const buffer = getTyped(o, name).buffer;
        const values = kind === 'int32' ? new Int32Array(buffer) : new Float32Array(buffer);
        values[2] = v;
        setTyped(o, name, values);
      });
    expect(typed('clusters', 'int32', -1)).toBe(
      "map.papermap: section 'clusters': entry 2 is -1, expected a cluster id in [0, 4)",
    );
    expect(typed('layout.xy', 'float32', NaN)).toBe(
      "map.papermap: section 'layout.xy': entry 2 is NaN, expected a finite number",
    );
    expect(typed('vectors.scales', 'float32', -0.5)).toBe(
      "map.papermap: section 'vectors.scales': entry 2 is -0.5, expected a finite number ≥ 0",
    );
  });

  it('papers the corpus reader rejects, naming the paper and field', () => {
    const withPapers = (edit: (papers: Record<string, unknown>[]) => void) =>
      complaint((o) => {
        const papers = paperJson(o);
        edit(papers);
        setPapersJson(o, JSON.stringify(papersToColumns(papers as unknown as Paper[])));
      });
    expect(withPapers((p) => (p[3]!.date = '2024-02-30'))).toBe(
      `map.papermap: section 'papers': papers[3].date should be an ISO date YYYY-MM-DD or null, but is "2024-02-30".`,
    );
    expect(withPapers((p) => (p[4]!.id = p[0]!.id))).toMatch(/papers\[4\]\.id should be unique/);
    expect(withPapers((p) => (p[1]!.doi = 5))).toBe(
      "map.papermap: section 'papers': papers[1].doi should be a string, but is 5.",
    );
    expect(withPapers((p) => p.pop())).toBe(
      `map.papermap: section 'papers' column 'id' has ${N - 1} entries, expected n = ${N}`,
    );
    expect(complaint((o) => setPapersJson(o, JSON.stringify(paperJson(o))))).toBe(
      "map.papermap: section 'papers' should be an object of columns (a version-2 bundle)",
    );
  });

  it('sections that are not UTF-8 JSON, and bad topics', () => {
    expect(complaint((o) => setPapersJson(o, '{"id": '))).toMatch(
      /^map\.papermap: section 'papers' is not valid JSON/,
    );
    expect(complaint((o) => o.sections.set('topics', new Uint8Array([0x5b, 0xff, 0x5d])))).toBe(
      "map.papermap: section 'topics' is not valid UTF-8",
    );
    expect(
      complaint((o) =>
        o.sections.set('topics', text('[{"level":0,"cluster":-1,"label":"","keywords":[]}]')),
      ),
    ).toBe(
      "map.papermap: section 'topics': topics[0].cluster should be a whole number ≥ 0, but is -1.",
    );
  });
});

describe('the bundle writer', () => {
  it('refuses a map it could not read back, naming the section', () => {
    const map = realisticMap(10);
    map.layout.xy = new Float32Array(18);
    expect(() => writeBundle(map)).toThrow(
      "cannot write the map bundle: section 'layout.xy' has 18 entries, expected n×2 = 20",
    );
    const badIndex = realisticMap(10);
    badIndex.graph.indices[0] = 10;
    expect(() => writeBundle(badIndex)).toThrow(/section 'knn.indices': entry 0 is 10/);
    const badDistance = realisticMap(10);
    badDistance.graph.distances[2] = Infinity;
    expect(() => writeBundle(badDistance)).toThrow(
      "cannot write the map bundle: section 'knn.distances': entry 2 is Infinity, expected a finite number",
    );
  });
});
