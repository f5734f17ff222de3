import { describe, expect, it } from 'vitest';
import { csrToDense, transposeCsr, type CsrMatrix } from '../../../src/core/linalg/csr';

// [[1, 0, 2], [0, 0, 0], [0, 3, 4]]
const M: CsrMatrix = {
  indptr: Int32Array.from([0, 2, 2, 4]),
  indices: Int32Array.from([0, 2, 1, 2]),
  values: Float32Array.from([1, 2, 3, 4]),
  nRows: 3,
  nCols: 3,
};

describe('csr', () => {
  it('densifies row-major', () => {
    expect(Array.from(csrToDense(M))).toEqual([1, 0, 2, 0, 0, 0, 0, 3, 4]);
  });

  it('transposes with ascending columns in every row', () => {
    const t = transposeCsr(M);
    expect(Array.from(csrToDense(t))).toEqual([1, 0, 0, 0, 0, 3, 2, 0, 4]);
    expect(Array.from(t.indices)).toEqual([0, 2, 0, 2]);
    expect(transposeCsr(t)).toEqual(M);
  });
});
