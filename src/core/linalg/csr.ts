/**
 * A sparse matrix in compressed sparse row form: row i's nonzeros are
 * values[indptr[i] .. indptr[i+1]) at columns indices[…], columns ascending within a row.
 */
export interface CsrMatrix {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  nRows: number;
  nCols: number;
}

/** The transpose as a new CSR matrix (nCols × nRows), by a counting sort over columns: O(nnz). */
export function transposeCsr(m: CsrMatrix): CsrMatrix {
  const nnz = m.indptr[m.nRows]!;
  const indptr = new Int32Array(m.nCols + 1);
  for (let p = 0; p < nnz; p++) indptr[m.indices[p]! + 1]!++;
  for (let j = 0; j < m.nCols; j++) indptr[j + 1]! += indptr[j]!;
  const next = indptr.slice(0, m.nCols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  // Visiting rows in order keeps each transposed row's column indices ascending.
  for (let i = 0; i < m.nRows; i++) {
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) {
      const q = next[m.indices[p]!]!++;
      indices[q] = i;
      values[q] = m.values[p]!;
    }
  }
  return { indptr, indices, values, nRows: m.nCols, nCols: m.nRows };
}

/** The matrix as a dense row-major Float64Array (nRows × nCols); for references and tests only. */
export function csrToDense(m: CsrMatrix): Float64Array {
  const dense = new Float64Array(m.nRows * m.nCols);
  for (let i = 0; i < m.nRows; i++) {
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) {
      dense[i * m.nCols + m.indices[p]!] = m.values[p]!;
    }
  }
  return dense;
}
