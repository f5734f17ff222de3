import { mulberry32 } from '../random';
import type { Vectors } from '../vectors';

/** Result of clustering: the cluster of each point (0..k-1) and the number of clusters. */
export interface Clustering {
  labels: Int32Array;
  k: number;
}

/** A cluster count that suits a corpus of n points: about √(n/4), between 1 and 12. */
export function suggestedClusterCount(n: number): number {
  return Math.max(1, Math.min(12, Math.round(Math.sqrt(n / 4))));
}

/**
 * Spherical k-means (cosine) on unit vectors: seeded k-means++ initialisation (Arthur &
 * Vassilvitskii 2007) and Lloyd iterations until no label changes or maxIterations, restarted
 * `restarts` times (as scikit-learn's n_init) keeping the tightest result. Clusters are
 * renumbered by size, largest first, so colours are stable across runs.
 */
export function sphericalKMeans(
  v: Vectors,
  k: number,
  seed = 42,
  maxIterations = 50,
  restarts = 4,
): Clustering {
  const kk = Math.max(0, Math.min(k, v.n));
  if (kk <= 1) return { labels: new Int32Array(v.n), k: kk };
  let best: { labels: Int32Array; cohesion: number } | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(v, kk, mulberry32(seed + r * 7919), maxIterations);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return { labels: renumberBySize(best!.labels, kk), k: kk };
}

/** One k-means run; cohesion is the summed cosine of points to their centroids. */
function lloyd(
  v: Vectors,
  k: number,
  rand: () => number,
  maxIterations: number,
): { labels: Int32Array; cohesion: number } {
  const { n, dim, data } = v;
  const labels = new Int32Array(n);
  const centroids = kMeansPlusPlus(v, k, rand);
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const best = nearestCentroid(data, i * dim, centroids, k, dim);
      if (best !== labels[i] || iter === 0) changed++;
      labels[i] = best;
    }
    recomputeCentroids(v, labels, centroids, k);
    if (changed === 0) break;
  }
  let cohesion = 0;
  for (let i = 0; i < n; i++) cohesion += dot(data, i * dim, centroids, labels[i]! * dim, dim);
  return { labels, cohesion };
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) s += a[ao + j]! * b[bo + j]!;
  return s;
}

function nearestCentroid(
  data: Float32Array,
  offset: number,
  centroids: Float32Array,
  k: number,
  dim: number,
): number {
  let best = 0;
  let bestSim = -Infinity;
  for (let c = 0; c < k; c++) {
    const sim = dot(data, offset, centroids, c * dim, dim);
    if (sim > bestSim) {
      bestSim = sim;
      best = c;
    }
  }
  return best;
}

function kMeansPlusPlus(v: Vectors, k: number, rand: () => number): Float32Array {
  const { n, dim, data } = v;
  const centroids = new Float32Array(k * dim);
  const first = Math.floor(rand() * n);
  centroids.set(data.subarray(first * dim, (first + 1) * dim), 0);
  const d2 = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(data, i * dim, centroids, (c - 1) * dim, dim));
      d2[i] = Math.min(d2[i]!, dist * dist);
      total += d2[i]!;
    }
    let target = rand() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= d2[i]!;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    centroids.set(data.subarray(pick * dim, (pick + 1) * dim), c * dim);
  }
  return centroids;
}

function recomputeCentroids(
  v: Vectors,
  labels: Int32Array,
  centroids: Float32Array,
  k: number,
): void {
  const { n, dim, data } = v;
  const sums = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    for (let j = 0; j < dim; j++) sums[c * dim + j]! += data[i * dim + j]!;
  }
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += sums[c * dim + j]! ** 2;
    // An empty cluster keeps its old centroid rather than collapsing to zero.
    if (norm === 0) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) centroids[c * dim + j] = sums[c * dim + j]! * inv;
  }
}

function renumberBySize(labels: Int32Array, k: number): Int32Array {
  const counts = new Int32Array(k);
  for (const l of labels) counts[l]!++;
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => counts[b]! - counts[a]! || a - b,
  );
  const newId = new Int32Array(k);
  order.forEach((old, rank) => (newId[old] = rank));
  return labels.map((l) => newId[l]!);
}
