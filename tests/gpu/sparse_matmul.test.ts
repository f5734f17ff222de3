import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { csrToDense, type CsrMatrix } from '../../src/core/linalg/csr';
import { mulberry32 } from '../../src/core/random';
import { TiledSparseMatrix } from '../../src/gpu/sparse_matmul';
import { nodeBackends, useBackend } from '../helpers/tf_backends';

/** A seeded random CSR matrix with rows of very different lengths, some empty. */
function randomCsr(nRows: number, nCols: number, seed: number): CsrMatrix {
  const rand = mulberry32(seed);
  const indptr = new Int32Array(nRows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < nRows; i++) {
    const density = i % 5 === 0 ? 0 : rand() ** 2;
    for (let j = 0; j < nCols; j++) {
      if (rand() < density) {
        indices.push(j);
        values.push(rand() * 2 - 1);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return {
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
    nRows,
    nCols,
  };
}

/** Dense reference product of a CSR matrix and a row-major nCols × l matrix. */
function denseProduct(m: CsrMatrix, dense: Float32Array, l: number): Float64Array {
  const x = csrToDense(m);
  const out = new Float64Array(m.nRows * l);
  for (let i = 0; i < m.nRows; i++) {
    for (let k = 0; k < m.nCols; k++) {
      for (let j = 0; j < l; j++) out[i * l + j]! += x[i * m.nCols + k]! * dense[k * l + j]!;
    }
  }
  return out;
}

const BACKENDS = await nodeBackends();

describe.each(BACKENDS)('TiledSparseMatrix on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(['tensor', 'host'] as const)(
    'multiplies like the dense product with the %s kernel, across many small tiles',
    async (kernel) => {
      const m = randomCsr(37, 23, 5);
      const denseValues = Float32Array.from({ length: 23 * 6 }, (_, i) => Math.sin(i));
      const dense = tf.tensor2d(denseValues, [23, 6]);
      const before = tf.memory().numTensors;
      const sparse = new TiledSparseMatrix(m, 6, { kernel, tileBudget: 200 });
      expect(sparse.kernel).toBe(kernel);
      if (kernel === 'tensor') expect(sparse.tileCount).toBeGreaterThan(3);
      const product = await sparse.matMul(dense);
      expect(product.shape).toEqual([37, 6]);
      const got = await product.data();
      const want = denseProduct(m, denseValues, 6);
      for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 5);
      product.dispose();
      sparse.dispose();
      sparse.dispose();
      expect(tf.memory().numTensors).toBe(before);
      dense.dispose();
    },
  );

  it('picks the host kernel on backends that compute in main memory, tensor ops on a GPU', () => {
    const sparse = new TiledSparseMatrix(randomCsr(3, 3, 1), 2);
    expect(sparse.kernel).toBe(backend === 'webgpu' || backend === 'webgl' ? 'tensor' : 'host');
    sparse.dispose();
  });

  it('handles a single tile, empty matrices and rejects mismatched shapes', async () => {
    const one = new TiledSparseMatrix(
      {
        indptr: Int32Array.from([0, 1, 2]),
        indices: Int32Array.from([1, 0]),
        values: Float32Array.from([2, 3]),
        nRows: 2,
        nCols: 2,
      },
      2,
      { kernel: 'tensor' },
    );
    const dense = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const product = await one.matMul(dense);
    expect(Array.from(await product.data())).toEqual([6, 8, 3, 6]);
    product.dispose();
    await expect(one.matMul(tf.zeros([3, 2]))).rejects.toThrow(/rows/);
    one.dispose();
    await expect(one.matMul(dense)).rejects.toThrow(/dispose/);

    const empty = new TiledSparseMatrix(randomCsr(0, 2, 1), 2, { kernel: 'tensor' });
    const none = await empty.matMul(dense);
    expect(none.shape).toEqual([0, 2]);
    none.dispose();
    empty.dispose();
    dense.dispose();
  });

  it('disposes its partial results when the tile callback throws', async () => {
    const sparse = new TiledSparseMatrix(randomCsr(40, 10, 3), 4, {
      kernel: 'tensor',
      tileBudget: 50,
    });
    const dense = tf.ones([10, 4]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    await expect(
      sparse.matMul(dense, (done) => {
        if (done === 2) throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(tf.memory().numTensors).toBe(before);
    sparse.dispose();
    dense.dispose();
  });
});
