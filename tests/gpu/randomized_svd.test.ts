import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CsrMatrix } from '../../src/core/linalg/csr';
import { jacobiEigen } from '../../src/core/linalg/jacobi_eigen';
import { mulberry32 } from '../../src/core/random';
import { buildTfidf } from '../../src/core/text/tfidf';
import { orthonormalise } from '../../src/gpu/orthonormalise';
import { randomizedSvd } from '../../src/gpu/randomized_svd';
import { SMALL_CORPUS } from '../fixtures/small_corpus';
import { nodeBackends, useBackend } from '../helpers/tf_backends';

/** A 60 × 80 sparse matrix of exact rank 5: five disjoint rank-one blocks. */
function blockMatrix(): { matrix: CsrMatrix; singularValues: number[] } {
  const rand = mulberry32(11);
  const indptr = new Int32Array(61);
  const indices: number[] = [];
  const values: number[] = [];
  const u = Array.from({ length: 60 }, () => rand() + 0.5);
  const v = Array.from({ length: 80 }, () => rand() + 0.5);
  const norms = Array.from({ length: 5 }, () => [0, 0]);
  for (let i = 0; i < 60; i++) {
    const block = i % 5;
    const scale = block + 1;
    norms[block]![0]! += (u[i]! * scale) ** 2;
    for (let j = block * 16; j < (block + 1) * 16; j++) {
      indices.push(j);
      values.push(u[i]! * scale * v[j]!);
    }
    indptr[i + 1] = indices.length;
  }
  for (let j = 0; j < 80; j++) norms[Math.floor(j / 16)]![1]! += v[j]! ** 2;
  const singularValues = norms.map(([a, b]) => Math.sqrt(a! * b!)).sort((a, b) => b - a);
  return {
    matrix: {
      indptr,
      indices: Int32Array.from(indices),
      values: Float32Array.from(values),
      nRows: 60,
      nCols: 80,
    },
    singularValues,
  };
}

/** Exact singular values of a small CSR matrix, from the eigenvalues of X·Xᵀ. */
function exactSingularValues(x: CsrMatrix): Float64Array {
  const n = x.nRows;
  const rows = Array.from({ length: n }, (_, i) => {
    const row = new Map<number, number>();
    for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) row.set(x.indices[p]!, x.values[p]!);
    return row;
  });
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (const [k, v] of rows[i]!) gram[i * n + j]! += v * (rows[j]!.get(k) ?? 0);
    }
  }
  return jacobiEigen(gram, n).values.map((v) => Math.sqrt(Math.max(0, v)));
}

const BACKENDS = await nodeBackends();
const corpus = await buildTfidf(SMALL_CORPUS.map((d) => d.text));
const corpusSingularValues = exactSingularValues(corpus);

describe.each(BACKENDS)('randomizedSvd on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(['host', 'tensor'] as const)(
    'recovers a low-rank matrix exactly through the random sketch (%s kernel)',
    async (kernel) => {
      const { matrix, singularValues } = blockMatrix();
      const before = tf.memory().numTensors;
      // l = 5 + 3 = 8 < 60 rows and < 80 columns: the randomised path.
      const svd = await randomizedSvd(matrix, { rank: 5, oversampling: 3, kernel });
      expect(tf.memory().numTensors).toBe(before);
      for (let j = 0; j < 5; j++) {
        expect(svd.singularValues[j]! / singularValues[j]!).toBeCloseTo(1, 4);
      }
      // Row norms of U·S are the row norms of X when the rank is captured.
      for (let i = 0; i < 60; i++) {
        let embedded = 0;
        for (let j = 0; j < 5; j++) embedded += svd.embedding[i * 5 + j]! ** 2;
        let original = 0;
        for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p++)
          original += matrix.values[p]! ** 2;
        expect(embedded / original).toBeCloseTo(1, 3);
      }
    },
  );

  it('gives the same result with the host and the tensor kernel', async () => {
    const host = await randomizedSvd(corpus, { rank: 8, kernel: 'host' });
    const tensor = await randomizedSvd(corpus, { rank: 8, kernel: 'tensor', tileBudget: 5000 });
    for (let i = 0; i < host.embedding.length; i++) {
      expect(Math.abs(host.embedding[i]! - tensor.embedding[i]!)).toBeLessThan(1e-4);
    }
  });

  it('approximates the leading singular values of a real corpus with 2 power iterations', async () => {
    const svd = await randomizedSvd(corpus, { rank: 8 });
    expect(svd.singularValues[0]! / corpusSingularValues[0]!).toBeCloseTo(1, 3);
    for (let j = 0; j < 8; j++) {
      expect(svd.singularValues[j]! / corpusSingularValues[j]!).toBeGreaterThan(0.97);
      expect(svd.singularValues[j]! / corpusSingularValues[j]!).toBeLessThan(1 + 1e-4);
    }
  });

  it('is exact when the sketch spans every row (l ≥ n)', async () => {
    const svd = await randomizedSvd(corpus, { rank: 47 });
    for (let j = 0; j < 47; j++) {
      expect(Math.abs(svd.singularValues[j]! - corpusSingularValues[j]!)).toBeLessThan(1e-4);
    }
  });
});

describe.each(BACKENDS)('orthonormalise on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('returns an orthonormal basis of the range, dropping dependent columns', async () => {
    const rand = mulberry32(3);
    const base = Array.from({ length: 50 * 3 }, () => rand() - 0.5);
    // Columns 3..5 repeat columns 0..2 scaled: rank 3.
    const values = Array.from({ length: 50 * 6 }, (_, k) => {
      const [i, j] = [Math.floor(k / 6), k % 6];
      return base[i * 3 + (j % 3)]! * (j < 3 ? 1 : -2);
    });
    const y = tf.tensor2d(values, [50, 6]);
    const before = tf.memory().numTensors;
    const q = await orthonormalise(y);
    expect(q.shape).toEqual([50, 3]);
    const gram = tf.matMul(q, q, true, false);
    const g = await gram.data();
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) expect(g[a * 3 + b]).toBeCloseTo(a === b ? 1 : 0, 5);
    }
    gram.dispose();
    q.dispose();
    expect(tf.memory().numTensors).toBe(before);
    y.dispose();
  });
});
