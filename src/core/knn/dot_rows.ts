/**
 * Dot product of rows a and b of a row-major n×dim matrix. Four accumulators let V8 overlap the
 * multiply-adds; this is the inner loop of every kNN method in this folder.
 */
export function dotRows(data: Float32Array, a: number, b: number, dim: number): number {
  const oa = a * dim;
  const ob = b * dim;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    s0 += data[oa + j]! * data[ob + j]!;
    s1 += data[oa + j + 1]! * data[ob + j + 1]!;
    s2 += data[oa + j + 2]! * data[ob + j + 2]!;
    s3 += data[oa + j + 3]! * data[ob + j + 3]!;
  }
  for (; j < dim; j++) s0 += data[oa + j]! * data[ob + j]!;
  return s0 + s1 + s2 + s3;
}
