import { describe, expect, it } from 'vitest';
import { dequantiseInt8, quantiseInt8 } from '../../../src/core/quantise';
import { encodeBundleFile, readBundleFile } from '../../../src/share/bundle/bundle_file';
import { shuffleBytes } from '../../../src/share/bundle/byte_shuffle';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';
import type { Paper } from '../../../src/core/paper';
import { papersToColumns } from '../../../src/share/bundle/paper_columns';
import { readBundle } from '../../../src/share/bundle/read_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { compactVectors } from '../../../src/share/bundle/compact_vectors';
import { clusteredVectors } from '../../helpers/synthetic';
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

/** The realistic map with unit vectors of dimension dim instead of 32. */
function mapWithDim(dim: number): MapBundle {
  return {
    ...realisticMap(N),
    vectors: quantiseInt8(clusteredVectors(N, dim, 4, 0.5, 11).vectors),
  };
}

/** The least cosine between matching rows of two sets of vectors. */
function leastCosine(a: Float32Array, b: Float32Array, dim: number): number {
  let least = 1;
  for (let i = 0; i < a.length / dim; i++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = 0; j < dim; j++) {
      ab += a[i * dim + j]! * b[i * dim + j]!;
      aa += a[i * dim + j]! ** 2;
      bb += b[i * dim + j]! ** 2;
    }
    least = Math.min(least, ab / Math.sqrt(aa * bb));
  }
  return least;
}

function complaint(map: MapBundle, change: (open: OpenBundle) => void): string {
  const open = openBundle(writeBundle(map));
  change(open);
  try {
    readBundle(closeBundle(open), 'map.papermap');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the bundle was read without complaint');
}

describe('a bundle file stores vectors compactly', () => {
  it('keeps 256 dimensions as 4-bit codes, each row within cosine 0.98 of the original', async () => {
    const map = mapWithDim(256);
    const file = await encodeBundleFile(map);
    const header = openBundle(writeBundle(compactVectors(map))).header;
    expect(header).toMatchObject({ version: 3, dim: 256, vectorBits: 4 });
    expect(header.sections.map((s) => s.name)).toContain('vectors.codes4');
    const back = await readBundleFile(file, 'map.papermap');
    expect(back.vectorBasis).toBeUndefined();
    expect(back.vectors!.dim).toBe(256);
    expect(back.vectors!.codes.every((c) => Math.abs(c) <= 7)).toBe(true);
    const original = dequantiseInt8(map.vectors!).data;
    expect(leastCosine(dequantiseInt8(back.vectors!).data, original, 256)).toBeGreaterThan(0.98);
    // Everything else is as written.
    expect({ ...back, vectors: null }).toEqual({ ...map, vectors: null });
    // 4-bit codes read back are written again as they are.
    expect(compactVectors(back)).toBe(back);
  });

  it('projects 384 dimensions on 256 principal axes and stores the basis', async () => {
    const map = mapWithDim(384);
    const back = await readBundleFile(await encodeBundleFile(map), 'map.papermap');
    const basis = back.vectorBasis!;
    expect([basis.dim, basis.fullDim, back.vectors!.dim]).toEqual([256, 384, 256]);
    // Rows lie in the span of their 60 vectors: projecting back loses (almost) nothing.
    const stored = dequantiseInt8(back.vectors!).data;
    const lifted = new Float32Array(N * 384);
    for (let i = 0; i < N; i++) {
      for (let r = 0; r < 256; r++) {
        for (let j = 0; j < 384; j++)
          lifted[i * 384 + j]! += stored[i * 256 + r]! * basis.rows[r * 384 + j]!;
      }
    }
    expect(leastCosine(lifted, dequantiseInt8(map.vectors!).data, 384)).toBeGreaterThan(0.98);
  });
});

describe('versions', () => {
  it('still reads a version-1 bundle: papers as records, float32 distances', () => {
    const map = realisticMap(N);
    const open = openBundle(writeBundle(map));
    setPapersJson(open, JSON.stringify(paperRecords(open)));
    open.header.version = 1;
    const distances = new Uint8Array(map.graph.distances.slice().buffer);
    open.sections.set('knn.distances', shuffleBytes(distances, 4));
    entryOf(open, 'knn.distances').dtype = 'float32';
    expect(readBundle(closeBundle(open), 'old.papermap')).toEqual(map);
  });
});

describe('the reader checks the compact sections', () => {
  const projected = compactVectors(mapWithDim(384));

  it('a basis that is not orthonormal, or one the header does not declare', () => {
    expect(
      complaint(projected, (o) => {
        const rows = new Float32Array(getTyped(o, 'vectors.basis').buffer);
        rows[5] = rows[5]! + 0.5;
        setTyped(o, 'vectors.basis', rows);
      }),
    ).toMatch(/^map\.papermap: section 'vectors\.basis': axis 0 has length² 1\.\d+, expected 1/);
    expect(complaint(projected, (o) => delete o.header.basisDim)).toBe(
      "map.papermap: section 'vectors.basis' is present, but the header has no basisDim",
    );
    expect(complaint(projected, (o) => (o.header.basisDim = 100))).toBe(
      "map.papermap: header field 'basisDim' should be a whole number ≥ dim = 256, but is 100",
    );
    expect(complaint(projected, (o) => (o.header.basisDim = 5000))).toMatch(
      /header field 'basisDim' should be a whole number in \[0, 4,096\], but is 5000/,
    );
    expect(complaint(projected, (o) => (o.header.version = 1))).toMatch(
      /header field 'basisDim' should be absent in a version-1 bundle/,
    );
  });

  it('4-bit codes: −8 is never written, and vectorBits must name the section there is', () => {
    expect(
      complaint(projected, (o) => {
        const codes = o.sections.get('vectors.codes4')!.slice();
        codes[3] = 0x80;
        o.sections.set('vectors.codes4', codes);
      }),
    ).toBe(
      "map.papermap: section 'vectors.codes4': code 7 is −8, expected a 4-bit code in [−7, 7]",
    );
    expect(complaint(projected, (o) => delete o.header.vectorBits)).toBe(
      // The 8-bit section is expected instead.
      "map.papermap: section 'vectors.codes' is missing",
    );
    expect(complaint(projected, (o) => (o.header.vectorBits = 2))).toMatch(
      /header field 'vectorBits' should be absent, or 4 in a version-2 bundle with vectors/,
    );
  });

  it('papers stored by column must all have n entries', () => {
    expect(
      complaint(realisticMap(N), (o) => {
        const columns = papersToColumns(paperRecords(o) as unknown as Paper[]);
        columns.title!.pop();
        setPapersJson(o, JSON.stringify(columns));
      }),
    ).toBe(`map.papermap: section 'papers' column 'title' has ${N - 1} entries, expected n = ${N}`);
  });
});
