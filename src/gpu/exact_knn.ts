import * as tf from '@tensorflow/tfjs-core';
import { yieldToEventLoop, type JobOptions } from '../core/job';
import type { KnnGraph } from '../core/knn_graph';
import type { Vectors } from '../core/vectors';
import { maxBufferBytes } from './device_limits';

/**
 * Exact k nearest neighbours by cosine on unit vectors: similarities of a block of rows against
 * all rows (one matMul per tile, never the n×n matrix) and a top-(k+1) per row, from which the
 * point itself is removed. k is capped at n − 1.
 */
export async function exactKnn(
  vectors: Vectors,
  k: number,
  options: JobOptions = {},
): Promise<KnnGraph> {
  const { n, dim } = vectors;
  const kk = Math.max(0, Math.min(k, n - 1));
  const indices = new Int32Array(n * kk);
  const distances = new Float32Array(n * kk);
  if (kk === 0) return { indices, distances, n, k: kk };

  // tfjs topk is fast on a GPU but slow on cpu/wasm, where a selection in plain TS wins ~20×.
  const onGpu = tf.getBackend() === 'webgpu' || tf.getBackend() === 'webgl';
  const all = tf.tensor2d(vectors.data, [n, dim]);
  // Transposed once: tfjs-wasm's matMul with transposeB is ~10× slower than on a transposed copy.
  const allT = tf.transpose(all);
  try {
    // tfjs topk pads each row to a power of two: that padded tile must fit one buffer binding.
    const paddedN = 2 ** Math.ceil(Math.log2(n));
    const tileRows = Math.max(1, Math.min(n, Math.floor(maxBufferBytes() / (paddedN * 4))));
    for (let start = 0; start < n; start += tileRows) {
      options.signal?.throwIfAborted();
      const rows = Math.min(tileRows, n - start);
      if (onGpu) {
        const top = tf.tidy(() => {
          const block = tf.slice(all, [start, 0], [rows, dim]);
          return tf.topk(tf.matMul(block, allT), kk + 1, true);
        });
        try {
          const [values, idx] = await Promise.all([top.values.data(), top.indices.data()]);
          writeTile(start, rows, kk, values as Float32Array, idx as Int32Array, indices, distances);
        } finally {
          top.values.dispose();
          top.indices.dispose();
        }
      } else {
        const sims = tf.tidy(() => tf.matMul(tf.slice(all, [start, 0], [rows, dim]), allT));
        try {
          selectTopK(start, rows, n, kk, (await sims.data()) as Float32Array, indices, distances);
        } finally {
          sims.dispose();
        }
      }
      options.onProgress?.((start + rows) / n, 'neighbours');
      await yieldToEventLoop();
    }
  } finally {
    all.dispose();
    allT.dispose();
  }
  return { indices, distances, n, k: kk };
}

/** The k largest similarities of each tile row (excluding the point itself), by insertion. */
function selectTopK(
  start: number,
  rows: number,
  n: number,
  k: number,
  sims: Float32Array,
  indices: Int32Array,
  distances: Float32Array,
): void {
  const bestS = new Float32Array(k);
  const bestI = new Int32Array(k);
  for (let r = 0; r < rows; r++) {
    const self = start + r;
    bestS.fill(-Infinity);
    bestI.fill(-1);
    const off = r * n;
    for (let j = 0; j < n; j++) {
      const s = sims[off + j]!;
      // Ties keep the lower index, as tfjs topk does.
      if (j === self || s <= bestS[k - 1]!) continue;
      let p = k - 1;
      while (p > 0 && bestS[p - 1]! < s) {
        bestS[p] = bestS[p - 1]!;
        bestI[p] = bestI[p - 1]!;
        p--;
      }
      bestS[p] = s;
      bestI[p] = j;
    }
    for (let t = 0; t < k; t++) {
      indices[self * k + t] = bestI[t]!;
      distances[self * k + t] = Math.max(0, 1 - bestS[t]!);
    }
  }
}

/** Copies one tile's top-(k+1) into the graph, leaving out the point itself. */
function writeTile(
  start: number,
  rows: number,
  k: number,
  values: Float32Array,
  idx: Int32Array,
  indices: Int32Array,
  distances: Float32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const self = start + r;
    let out = self * k;
    const end = out + k;
    for (let j = 0; j <= k && out < end; j++) {
      const neighbour = idx[r * (k + 1) + j]!;
      // Duplicated vectors tie with the point itself, so skip by index, not by position.
      if (neighbour === self) continue;
      indices[out] = neighbour;
      distances[out] = Math.max(0, 1 - values[r * (k + 1) + j]!);
      out++;
    }
  }
}
