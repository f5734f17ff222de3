import { gaussian, mulberry32 } from '../../src/core/random';
import { normaliseRows, type Vectors } from '../../src/core/vectors';

/** Unit vectors drawn around `clusters` random centres (noise σ relative to unit centres), seeded. */
export function clusteredVectors(
  n: number,
  dim: number,
  clusters: number,
  noise = 0.35,
  seed = 7,
): { vectors: Vectors; labels: Int32Array } {
  const normal = gaussian(mulberry32(seed));
  const centres = normaliseRows({
    data: Float32Array.from({ length: clusters * dim }, normal),
    n: clusters,
    dim,
  });
  const data = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels[i] = c;
    for (let j = 0; j < dim; j++)
      data[i * dim + j] = centres.data[c * dim + j]! + (noise / Math.sqrt(dim)) * normal() * 3;
  }
  return { vectors: normaliseRows({ data, n, dim }), labels };
}

/** Brute-force cosine kNN on the CPU (excluding the point itself), for checking the GPU path. */
export function bruteForceKnn(v: Vectors, k: number): { indices: Int32Array; sims: Float32Array } {
  const { n, dim, data } = v;
  const indices = new Int32Array(n * k);
  const sims = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const scored: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let d = 0; d < dim; d++) s += data[i * dim + d]! * data[j * dim + d]!;
      scored.push([s, j]);
    }
    scored.sort((a, b) => b[0] - a[0]);
    for (let r = 0; r < k; r++) {
      indices[i * k + r] = scored[r]![1];
      sims[i * k + r] = scored[r]![0];
    }
  }
  return { indices, sims };
}
