/** Reports progress of a long job: fraction in [0, 1] of the named stage. */
export type ProgressFn = (fraction: number, stage: string) => void;

/** Options every long job takes (CONVENTIONS.md §4). */
export interface JobOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** Seed of every random choice the job makes; default 42. */
  seed?: number;
}

/** The seed used when a job is given none. */
export const DEFAULT_SEED = 42;

/** Lets the event loop run (so cancellation and progress messages get through) between batches. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
