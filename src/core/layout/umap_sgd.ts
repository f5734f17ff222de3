import { yieldToEventLoop, type JobOptions } from '../job';
import { mulberry32 } from '../random';
import type { EdgeSchedule } from './epoch_schedule';
import type { PartialLayoutFn } from './layout';

/** The constants of UMAP's layout optimisation. */
export interface SgdParams {
  /** Curve parameters fitted to min_dist and spread (umap-js `findABParams`). */
  a: number;
  b: number;
  /** Repulsion strength γ; default 1. */
  gamma: number;
  /** Initial learning rate, decayed linearly to 0; default 1. */
  learningRate: number;
  /** Negative samples per positive sample; default 5. */
  negativeSampleRate: number;
  seed: number;
}

const YIELD_EVERY_MS = 50;

/** UMAP's gradient clip: each coordinate's step is kept in [−4, 4]. */
export function clip(value: number): number {
  return value > 4 ? 4 : value < -4 ? -4 : value;
}

/**
 * UMAP's layout optimisation on the CPU, exactly umap-learn's `optimize_layout_euclidean`
 * (sequential SGD, move_other, negative sampling by epochs_per_negative_sample) with a seeded
 * mulberry32 for the negative samples. Plain float64 arithmetic in a fixed order, so the result
 * is bit-identical on every machine. Updates `xy` (n×2) in place.
 */
export async function optimiseLayoutCpu(
  xy: Float32Array,
  schedule: EdgeSchedule,
  params: SgdParams,
  options: JobOptions & { onPartial?: PartialLayoutFn } = {},
): Promise<Float32Array> {
  const { heads, tails, epochsPerSample, nEpochs } = schedule;
  const { a, b, gamma, learningRate, negativeSampleRate } = params;
  const n = xy.length / 2;
  const edges = heads.length;
  const y = Float64Array.from(xy);
  const rand = mulberry32(params.seed);
  const epochsPerNegative = epochsPerSample.map((e) => e / negativeSampleRate);
  const nextSample = Float64Array.from(epochsPerSample);
  const nextNegative = Float64Array.from(epochsPerNegative);

  let lastYield = Date.now();
  for (let epoch = 0; epoch < nEpochs; epoch++) {
    const alpha = learningRate * (1 - epoch / nEpochs);
    for (let e = 0; e < edges; e++) {
      if (nextSample[e]! > epoch) continue;
      const j = heads[e]! * 2;
      const k = tails[e]! * 2;
      let dx = y[j]! - y[k]!;
      let dy = y[j + 1]! - y[k + 1]!;
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const coeff = (-2 * a * b * d2 ** (b - 1)) / (a * d2 ** b + 1);
        const gx = clip(coeff * dx) * alpha;
        const gy = clip(coeff * dy) * alpha;
        y[j]! += gx;
        y[j + 1]! += gy;
        y[k]! -= gx;
        y[k + 1]! -= gy;
      }
      nextSample[e]! += epochsPerSample[e]!;

      const negatives = Math.floor((epoch - nextNegative[e]!) / epochsPerNegative[e]!);
      for (let p = 0; p < negatives; p++) {
        const other = Math.floor(rand() * n) * 2;
        if (other === j) continue;
        dx = y[j]! - y[other]!;
        dy = y[j + 1]! - y[other + 1]!;
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          const coeff = (2 * gamma * b) / ((0.001 + d2) * (a * d2 ** b + 1));
          y[j]! += clip(coeff * dx) * alpha;
          y[j + 1]! += clip(coeff * dy) * alpha;
        } else {
          // Coincident points: push apart by the clip limit, as UMAP does.
          y[j]! += 4 * alpha;
          y[j + 1]! += 4 * alpha;
        }
      }
      nextNegative[e]! += Math.max(0, negatives) * epochsPerNegative[e]!;
    }
    if (Date.now() - lastYield > YIELD_EVERY_MS || epoch === nEpochs - 1) {
      options.onProgress?.((epoch + 1) / nEpochs, 'layout');
      if (options.onPartial && epoch < nEpochs - 1)
        options.onPartial(Float32Array.from(y), epoch + 1, nEpochs);
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      lastYield = Date.now();
    }
  }
  xy.set(y);
  return xy;
}
