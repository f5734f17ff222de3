import type { EdgeSchedule } from '../../core/layout/epoch_schedule';

/** Epochs-per-sample of padding slots: finite (GPUs may not divide by Infinity exactly), never due. */
export const NEVER = 1e9;

/** The edges of a group of points with similar degree, padded to the group's largest degree. */
export interface HeadBucket {
  /** The points of this bucket (heads). */
  points: Int32Array;
  /** points.length × degree tails; padding repeats the point itself. */
  tails: Int32Array;
  /** points.length × degree epochs per sample; padding is NEVER (not sampled in any run). */
  epochsPerSample: Float32Array;
  degree: number;
}

/**
 * Groups the schedule's edges by head into buckets of points whose degree lies within a factor
 * of two, each padded to its largest degree, and split so no bucket holds more than
 * `maxSlots` padded edges. Per-head layouts let the GPU sum each point's gradient with a plain
 * reduction (fixed order, hence deterministic) instead of an atomic scatter-add.
 */
export function headBuckets(schedule: EdgeSchedule, n: number, maxSlots: number): HeadBucket[] {
  const degree = new Int32Array(n);
  for (const h of schedule.heads) degree[h]!++;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, n);
  const order = new Int32Array(schedule.heads.length);
  schedule.heads.forEach((h, e) => (order[fill[h]!++] = e));

  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (degree[i] === 0) continue;
    const cls = Math.ceil(Math.log2(degree[i]!));
    const list = byClass.get(cls) ?? [];
    list.push(i);
    byClass.set(cls, list);
  }
  const buckets: HeadBucket[] = [];
  for (const cls of [...byClass.keys()].sort((a, b) => a - b)) {
    const points = byClass.get(cls)!;
    const width = Math.max(...points.map((p) => degree[p]!));
    const perChunk = Math.max(1, Math.floor(maxSlots / width));
    for (let c = 0; c < points.length; c += perChunk) {
      const chunk = points.slice(c, c + perChunk);
      const tails = new Int32Array(chunk.length * width);
      const eps = new Float32Array(chunk.length * width).fill(NEVER);
      chunk.forEach((p, r) => {
        tails.fill(p, r * width, (r + 1) * width);
        for (let t = 0; t < degree[p]!; t++) {
          const e = order[start[p]! + t]!;
          tails[r * width + t] = schedule.tails[e]!;
          eps[r * width + t] = schedule.epochsPerSample[e]!;
        }
      });
      buckets.push({ points: Int32Array.from(chunk), tails, epochsPerSample: eps, degree: width });
    }
  }
  return buckets;
}
