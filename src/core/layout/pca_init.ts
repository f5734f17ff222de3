import { jacobiEigen } from '../linalg/jacobi_eigen';
import { gaussian, mulberry32 } from '../random';
import type { Vectors } from '../vectors';

/** Mean and covariance (row-major dim×dim, float64) of vectors: the input of {@link pcaInit}. */
export interface Moments {
  mean: Float64Array;
  covariance: Float64Array;
}

/** Mean and covariance in float64, in plain TypeScript (bit-identical on every machine). */
export function moments(v: Vectors): Moments {
  const { n, dim, data } = v;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j]! += data[i * dim + j]!;
  for (let j = 0; j < dim; j++) mean[j]! /= Math.max(n, 1);
  const covariance = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) centred[j] = data[i * dim + j]! - mean[j]!;
    for (let a = 0; a < dim; a++) {
      const ca = centred[a]!;
      if (ca === 0) continue;
      const row = a * dim;
      for (let b = a; b < dim; b++) covariance[row + b]! += ca * centred[b]!;
    }
  }
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      const c = covariance[a * dim + b]! / Math.max(n - 1, 1);
      covariance[a * dim + b] = c;
      covariance[b * dim + a] = c;
    }
  return { mean, covariance };
}

/**
 * A 2-D starting layout from the first two principal components, scaled to [−10, 10] with
 * N(0, 1e-4) noise as UMAP scales its spectral initialisation. PCA instead of spectral: as
 * stable, keeps global structure (Kobak & Linderman 2021, Nat. Biotechnol. 39:156), and costs
 * one dim×dim eigen-decomposition. Component signs are fixed so runs repeat exactly.
 */
export function pcaInit(v: Vectors, seed: number, given?: Moments): Float32Array {
  const { n, dim, data } = v;
  const xy = new Float32Array(n * 2);
  if (n === 0 || dim === 0) return xy;
  const { mean, covariance } = given ?? moments(v);
  const { vectors } = jacobiEigen(covariance, dim);
  for (let c = 0; c < Math.min(2, dim); c++) {
    // Sign: the largest-magnitude loading is positive.
    let best = 0;
    for (let j = 1; j < dim; j++)
      if (Math.abs(vectors[j * dim + c]!) > Math.abs(vectors[best * dim + c]!)) best = j;
    const sign = vectors[best * dim + c]! < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (data[i * dim + j]! - mean[j]!) * vectors[j * dim + c]!;
      xy[2 * i + c] = sign * s;
    }
  }
  let max = 0;
  for (const value of xy) max = Math.max(max, Math.abs(value));
  const expansion = max > 0 ? 10 / max : 1;
  const noise = gaussian(mulberry32(seed));
  for (let t = 0; t < xy.length; t++) xy[t] = xy[t]! * expansion + 1e-4 * noise();
  return xy;
}
