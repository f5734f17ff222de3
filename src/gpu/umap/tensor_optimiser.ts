import * as tf from '@tensorflow/tfjs-core';
import { yieldToEventLoop, type JobOptions } from '../../core/job';
import type { EdgeSchedule } from '../../core/layout/epoch_schedule';
import type { PartialLayoutFn } from '../../core/layout/layout';
import type { SgdParams } from '../../core/layout/umap_sgd';
import { mulberry32 } from '../../core/random';
import { maxBufferBytes } from '../device_limits';
import { headBuckets, type HeadBucket } from './head_buckets';

/** Size of the table negative samples are drawn from (a power of two; indices stay < 2^24). */
const NEGATIVE_TABLE = 1 << 20;
const PARTIAL_EVERY_MS = 250;

interface BucketTensors {
  points: tf.Tensor1D;
  tails: tf.Tensor1D;
  eps: tf.Tensor2D;
  /** Slot numbers mod the table size, for drawing negatives: [points, degree, negatives]. */
  slots: tf.Tensor1D;
  rows: number;
  degree: number;
}

/**
 * UMAP's layout optimisation as tensor operations (for webgpu/webgl): every epoch, all edges
 * sampled that epoch (UMAP's schedule: edge e at epochs ⌈k·eps_e⌉) pull their ends together and
 * each pushes its head away from `negativeSampleRate` random points, all from the positions at
 * the start of the epoch (a batch step, as GPU UMAPs do, instead of UMAP's sequential SGD).
 * Gradients are clipped to ±4 and the learning rate decays linearly, as in UMAP. Sums run per
 * head over padded buckets, so the result is deterministic on a given device. Updates `xy`.
 */
export async function optimiseLayoutTensor(
  xy: Float32Array,
  schedule: EdgeSchedule,
  params: SgdParams,
  options: JobOptions & { onPartial?: PartialLayoutFn } = {},
): Promise<Float32Array> {
  const n = xy.length / 2;
  const S = params.negativeSampleRate;
  const maxSlots = Math.max(1024, Math.floor(maxBufferBytes() / (4 * 2 * S * 2)));
  const buckets = headBuckets(schedule, n, maxSlots);
  const rand = mulberry32(params.seed);
  const table = tf.tensor1d(
    Int32Array.from({ length: NEGATIVE_TABLE }, () => Math.floor(rand() * n)),
    'int32',
  );
  const tensors = uploadBuckets(buckets, S);
  const order = tf.tensor1d(inversePermutation(buckets, n), 'int32');
  let y = tf.tensor2d(xy, [n, 2]);
  try {
    let lastPartial = Date.now();
    // UMAP samples no edge at epoch 0 (each is first due at epoch eps ≥ 1).
    for (let epoch = 1; epoch < schedule.nEpochs; epoch++) {
      options.signal?.throwIfAborted();
      const alpha = params.learningRate * (1 - epoch / schedule.nEpochs);
      const offsets = tensors.map(() => Math.floor(rand() * NEGATIVE_TABLE));
      const next = tf.tidy(() => {
        const deltas = tensors.map((b, i) => bucketStep(y, b, table, offsets[i]!, epoch, params));
        const moved = tf.gather(tf.concat([...deltas, tf.zeros([1, 2])]), order);
        return tf.add(y, tf.mul(moved, alpha)) as tf.Tensor2D;
      });
      y.dispose();
      y = next;
      if (Date.now() - lastPartial > PARTIAL_EVERY_MS || epoch === schedule.nEpochs - 1) {
        options.onProgress?.((epoch + 1) / schedule.nEpochs, 'layout');
        if (options.onPartial)
          options.onPartial((await y.data()) as Float32Array, epoch + 1, schedule.nEpochs);
        await yieldToEventLoop();
        lastPartial = Date.now();
      }
    }
    xy.set((await y.data()) as Float32Array);
    options.onProgress?.(1, 'layout');
    return xy;
  } finally {
    y.dispose();
    table.dispose();
    order.dispose();
    for (const b of tensors) [b.points, b.tails, b.eps, b.slots].forEach((t) => t.dispose());
  }
}

/** One bucket's summed gradient per point, [rows, 2], before the learning rate. */
function bucketStep(
  y: tf.Tensor2D,
  b: BucketTensors,
  table: tf.Tensor1D,
  offset: number,
  epoch: number,
  p: SgdParams,
): tf.Tensor2D {
  const { rows, degree } = b;
  const S = p.negativeSampleRate;
  const head = tf.gather(y, b.points); // [rows, 2]
  const tail = tf.reshape(tf.gather(y, b.tails), [rows, degree, 2]);
  // Sampled this epoch: the k-th sample of an edge is due at the first epoch ≥ k·eps.
  const due = tf.sub(tf.floor(tf.div(epoch, b.eps)), tf.floor(tf.div(epoch - 1, b.eps)));
  const mask = tf.cast(tf.greater(due, 0), 'float32'); // [rows, degree]

  const diff = tf.sub(tf.expandDims(head, 1), tail);
  const d2 = tf.sum(tf.square(diff), -1);
  const safe = tf.maximum(d2, 1e-12);
  const attract = tf.div(
    tf.mul(-2 * p.a * p.b, tf.pow(safe, p.b - 1)),
    tf.add(tf.mul(p.a, tf.pow(safe, p.b)), 1),
  );
  const attractCoeff = tf.mul(tf.where(tf.greater(d2, 0), attract, tf.zerosLike(attract)), mask);
  // Each pair is two edges on one schedule, and UMAP moves both ends per edge (move_other), but
  // sequentially: the second update starts where the first closed the gap. Counting each pair
  // once per end matches umap-js's trustworthiness; twice overshoots (measured −0.02).
  const pull = tf.sum(tf.clipByValue(tf.mul(tf.expandDims(attractCoeff, -1), diff), -4, 4), 1);

  const shifted = tf.add(b.slots, tf.scalar(offset, 'int32'));
  const picks = tf.gather(table, tf.mod(shifted, tf.scalar(NEGATIVE_TABLE, 'int32')));
  const others = tf.reshape(tf.gather(y, picks), [rows, degree, S, 2]);
  const diffN = tf.sub(tf.reshape(head, [rows, 1, 1, 2]), others);
  const d2n = tf.sum(tf.square(diffN), -1); // [rows, degree, S]
  const repel = tf.div(
    2 * p.gamma * p.b,
    tf.mul(tf.add(d2n, 0.001), tf.add(tf.mul(p.a, tf.pow(tf.maximum(d2n, 1e-12), p.b)), 1)),
  );
  const stepN = tf.clipByValue(tf.mul(tf.expandDims(repel, -1), diffN), -4, 4);
  // Coincident with another point: push by the clip limit, as UMAP does; with itself: nothing.
  const self = tf.equal(tf.reshape(picks, [rows, degree, S]), tf.reshape(b.points, [rows, 1, 1]));
  const coincident = tf.expandDims(tf.logicalAnd(tf.equal(d2n, 0), tf.logicalNot(self)), -1);
  const pushN = tf.where(
    tf.expandDims(tf.greater(d2n, 0), -1),
    stepN,
    tf.mul(tf.cast(coincident, 'float32'), 4),
  );
  const push = tf.sum(tf.mul(pushN, tf.reshape(mask, [rows, degree, 1, 1])), [1, 2]);
  return tf.add(pull, push) as tf.Tensor2D;
}

function uploadBuckets(buckets: HeadBucket[], S: number): BucketTensors[] {
  let slot = 0;
  return buckets.map((b) => {
    const rows = b.points.length;
    const count = rows * b.degree * S;
    const slots = new Int32Array(count);
    for (let t = 0; t < count; t++) slots[t] = (slot + t) % NEGATIVE_TABLE;
    slot = (slot + count) % NEGATIVE_TABLE;
    return {
      points: tf.tensor1d(b.points, 'int32'),
      tails: tf.tensor1d(b.tails, 'int32'),
      eps: tf.tensor2d(b.epochsPerSample, [rows, b.degree]),
      slots: tf.tensor1d(slots, 'int32'),
      rows,
      degree: b.degree,
    };
  });
}

/** For each point, its row in the concatenated bucket results; points with no edge get the zero row. */
function inversePermutation(buckets: HeadBucket[], n: number): Int32Array {
  const total = buckets.reduce((s, b) => s + b.points.length, 0);
  const inverse = new Int32Array(n).fill(total);
  let row = 0;
  for (const b of buckets) for (const p of b.points) inverse[p] = row++;
  return inverse;
}
