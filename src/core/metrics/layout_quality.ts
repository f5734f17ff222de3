import { mulberry32 } from '../random';
import type { KnnGraph } from '../knn_graph';
import type { Vectors } from '../vectors';
import { knn2d } from './knn_2d';

/** Points up to which metrics are exact; beyond, they use a random sample of this many points. */
export const EXACT_METRIC_LIMIT = 10_000;
const SAMPLE_SIZE = 5_000;

/** Quality of a 2-D layout of unit vectors, both in [0, 1], higher is better. */
export interface LayoutQuality {
  /** Venna & Kaski's trustworthiness at k: are 2-D neighbours true neighbours? */
  trustworthiness: number;
  /** Mean fraction of each point's k nearest (cosine) neighbours among its k nearest in 2-D. */
  knnPreservation: number;
  k: number;
  /** How many points the figures were computed over (all, or a seeded sample). */
  evaluated: number;
}

/**
 * Trustworthiness (Venna & Kaski 2001, as scikit-learn's `trustworthiness`) and kNN
 * preservation at k (default 15). Exact up to 10,000 points; beyond, over a seeded sample of
 * 5,000 points (their ranks are still against all points). `graph` must hold ≥ k neighbours.
 */
export function layoutQuality(
  vectors: Vectors,
  graph: KnnGraph,
  xy: Float32Array,
  k = 15,
  seed = 42,
): LayoutQuality {
  const n = vectors.n;
  // The normalisation needs 2n − 3k − 1 > 0 (k < 2n/3), as in scikit-learn.
  const kk = Math.min(k, n - 1, graph.k, Math.floor((2 * n - 2) / 3));
  if (kk < 1) return { trustworthiness: 1, knnPreservation: 1, k: kk, evaluated: n };
  const low = knn2d(xy, kk);
  const points = n <= EXACT_METRIC_LIMIT ? null : samplePoints(n, SAMPLE_SIZE, seed);
  const count = points ? points.length : n;
  const sims = new Float32Array(n);
  let penalty = 0;
  let preserved = 0;
  for (let s = 0; s < count; s++) {
    const i = points ? points[s]! : s;
    similaritiesTo(vectors, i, sims);
    const high = new Set(graph.indices.subarray(i * graph.k, i * graph.k + kk));
    for (let r = 0; r < kk; r++) {
      const j = low[i * kk + r]!;
      if (high.has(j)) {
        preserved++;
        continue;
      }
      // Rank of j among i's high-dimensional neighbours (1 = nearest), ties counted in j's favour.
      const sj = sims[j]!;
      let rank = 1;
      for (let m = 0; m < n; m++) if (m !== i && sims[m]! > sj) rank++;
      penalty += rank - kk;
    }
  }
  // scikit-learn's normalisation, for a sample scaled by the fraction of points evaluated.
  const norm = (2 / (n * kk * (2 * n - 3 * kk - 1))) * (n / count);
  return {
    trustworthiness: 1 - norm * penalty,
    knnPreservation: preserved / (count * kk),
    k: kk,
    evaluated: count,
  };
}

function similaritiesTo(v: Vectors, i: number, out: Float32Array): void {
  const { n, dim, data } = v;
  const oi = i * dim;
  for (let m = 0; m < n; m++) {
    let s = 0;
    const om = m * dim;
    for (let d = 0; d < dim; d++) s += data[oi + d]! * data[om + d]!;
    out[m] = s;
  }
}

function samplePoints(n: number, size: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, size).sort();
}
