// kNN benchmark (issues 5 and 8): exact kNN (tfjs) against NN-descent (plain TypeScript) on the
// CPU, wall time and recall@15. `npx tsx bench/knn_bench.ts [--sizes=10000,20000,50000,100000]
// [--exact-max=20000] [--backend=wasm] [--data=clustered,diffuse] [--queries=1000]`.
// Exact kNN runs only up to --exact-max (above it, minutes on wasm); recall is measured on a fixed
// random sample of query points whose true neighbours are found by brute force (a tfjs matMul).
import * as tf from '@tensorflow/tfjs-core';
import { nnDescent } from '../src/core/knn/nn_descent';
import type { KnnGraph } from '../src/core/knn_graph';
import { mulberry32 } from '../src/core/random';
import type { Vectors } from '../src/core/vectors';
import { chooseBackend, type BackendName } from '../src/gpu/backend';
import { exactKnn } from '../src/gpu/exact_knn';
import { installNodeWebGpu } from '../cli/node_webgpu';
import { BenchTable, benchArgs, timed } from './bench_table';
import { clusteredVectors } from '../tests/helpers/synthetic';

const K = 15;
const DIM = 256;
const args = benchArgs();
const sizes = (args.get('sizes') ?? '10000,20000,50000,100000').split(',').map(Number);
const exactMax = Number(args.get('exact-max') ?? 20000);
const backends = (args.get('backends') ?? 'wasm').split(',') as BackendName[];
const queries = Number(args.get('queries') ?? 1000);
// clustered: 40 tight clusters (noise 0.35), like topic embeddings; diffuse: layout_bench's data
// (noise 1.0), nearly isotropic in 256-d, the hard case for any graph-based method.
const noiseOf: Record<string, number> = { clustered: 0.35, diffuse: 1.0 };
const datasets = (args.get('data') ?? 'clustered,diffuse').split(',');

if (backends.includes('webgpu')) await installNodeWebGpu();
const table = new BenchTable();
for (const dataset of datasets) {
  for (const n of sizes) {
    const { vectors } = clusteredVectors(n, DIM, 40, noiseOf[dataset]!, n);
    const sample = sampleQueries(n, Math.min(queries, n));
    // The brute-force truth runs on wasm (a webgpu readback of 1000 × n floats is slow on lavapipe).
    await chooseBackend({ preferred: 'wasm', exclude: ['webgl', 'webgpu'] });
    const truth = await trueNeighbours(vectors, sample);
    const task = (what: string) => `${what} (${dataset})`;
    for (const backend of backends) {
      const report = await chooseBackend({ preferred: backend, exclude: ['webgl'] });
      if (report.name !== backend || (n > exactMax && (backend !== 'webgpu' || report.emulated)))
        continue;
      const [exact, s] = await timed(() => exactKnn(vectors, K));
      const note = `recall@15 ${recall(exact, sample, truth).toFixed(4)}`;
      table.add({ task: task('exact kNN'), backend, device: report.device, n, seconds: s, note });
    }
    const [approx, s] = await timed(() => nnDescent(vectors, K, { seed: 42 }));
    const note = `recall@15 ${recall(approx, sample, truth).toFixed(4)} on ${sample.length} queries`;
    table.add({ task: task('NN-descent'), backend: 'js', device: 'CPU', n, seconds: s, note });
  }
}
table.write('knn');
process.exit(0);

/** `count` distinct query points drawn with a fixed seed. */
function sampleQueries(n: number, count: number): Int32Array {
  const rand = mulberry32(1234);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(rand() * n));
  return Int32Array.from([...picked].sort((a, b) => a - b));
}

/** The true K nearest neighbours of each sampled point: a matMul per 100 queries, then selection. */
async function trueNeighbours(v: Vectors, sample: Int32Array): Promise<Int32Array[]> {
  const all = tf.tensor2d(v.data, [v.n, v.dim]);
  const truth: Int32Array[] = [];
  for (let start = 0; start < sample.length; start += 100) {
    const chunk = sample.subarray(start, start + 100);
    const q = new Float32Array(chunk.length * v.dim);
    chunk.forEach((i, r) => q.set(v.data.subarray(i * v.dim, (i + 1) * v.dim), r * v.dim));
    const sims = tf.tidy(() => tf.matMul(tf.tensor2d(q, [chunk.length, v.dim]), all, false, true));
    const values = (await sims.data()) as Float32Array;
    sims.dispose();
    chunk.forEach((self, r) => truth.push(topK(values.subarray(r * v.n, (r + 1) * v.n), self)));
  }
  all.dispose();
  return truth;
}

/** Indices of the K largest entries of a row other than `self`, largest first. */
function topK(row: Float32Array, self: number): Int32Array {
  const best = new Float32Array(K).fill(-Infinity);
  const idx = new Int32Array(K).fill(-1);
  for (let j = 0; j < row.length; j++) {
    const s = row[j]!;
    if (j === self || s <= best[K - 1]!) continue;
    let p = K - 1;
    for (; p > 0 && best[p - 1]! < s; p--) {
      best[p] = best[p - 1]!;
      idx[p] = idx[p - 1]!;
    }
    best[p] = s;
    idx[p] = j;
  }
  return idx;
}

/** Fraction of the sampled points' true neighbours that the graph found. */
function recall(graph: KnnGraph, sample: Int32Array, truth: Int32Array[]): number {
  let found = 0;
  sample.forEach((i, r) => {
    const got = new Set(graph.indices.subarray(i * graph.k, (i + 1) * graph.k));
    for (const j of truth[r]!) if (got.has(j)) found++;
  });
  return found / (sample.length * K);
}
