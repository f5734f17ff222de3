import { yieldToEventLoop, type JobOptions } from '../job';

/** How long a long job may hold the event loop before it yields, in milliseconds. */
export const YIELD_INTERVAL_MS = 30;

/**
 * Paces a long job's loop: `tick(fraction)` checks the abort signal every call and, at most every
 * YIELD_INTERVAL_MS, reports progress of `stage` and yields to the event loop. Yielding on a clock
 * rather than every batch matters because browsers clamp nested `setTimeout(0)` to 4 ms.
 */
export function createJobPacer(
  stage: string,
  job: Pick<JobOptions, 'onProgress' | 'signal'> = {},
): (fraction: number) => Promise<void> {
  let last = Date.now();
  return async (fraction: number) => {
    job.signal?.throwIfAborted();
    if (Date.now() - last < YIELD_INTERVAL_MS) return;
    job.onProgress?.(Math.min(1, Math.max(0, fraction)), stage);
    await yieldToEventLoop();
    job.signal?.throwIfAborted();
    last = Date.now();
  };
}
