import type { ImportInput } from './import_input';

/** What importFiles tells its progress reporter as it reads. */
export interface ImportProgress {
  /** Bytes read so far of file `index` (and papers kept from it). */
  file(index: number, bytes: number, papers?: number): void;
  /** File `index` is read. */
  finished(index: number, papers: number): void;
  /** Every file is read and merged. */
  done(papers: number): void;
}

/**
 * Reports an import's progress in [0, 1] by bytes over all files (by file count when a size is
 * unknown), at most every 0.2% or 200 ms, with a detail line such as "Reading a.csv: 3.1 of 9.0 MB".
 */
export function progressReporter(
  inputs: readonly ImportInput[],
  onProgress: ((fraction: number, detail: string) => void) | undefined,
): ImportProgress {
  const sizes = inputs.map((i) => i.size);
  const known = sizes.every((s) => s > 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  const before = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  let last = -1;
  let lastTime = 0;
  const report = (index: number, fraction: number, bytes: number, papers: number): void => {
    if (!onProgress) return;
    const now = Date.now();
    if (bytes > 0 && fraction - last < 0.002 && now - lastTime < 200) return;
    last = fraction;
    lastTime = now;
    const size = sizes[index]!;
    const read = size > 0 ? `${megabytes(bytes)} of ${megabytes(size)}` : megabytes(bytes);
    const name = inputs[index]!.name;
    onProgress(Math.min(fraction, 0.999), `Reading ${name}: ${read} · ${papers} papers`);
  };
  return {
    file(index, bytes, papers = 0) {
      const size = sizes[index]!;
      const fraction = known
        ? (before[index]! + Math.min(bytes, size)) / total
        : (index + (size > 0 ? Math.min(1, bytes / size) : 0)) / inputs.length;
      report(index, fraction, bytes, papers);
    },
    finished(index, papers) {
      const fraction = known
        ? (before[index]! + sizes[index]!) / total
        : (index + 1) / inputs.length;
      report(index, fraction, sizes[index]!, papers);
    },
    done(papers) {
      onProgress?.(1, `${papers} papers imported`);
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}
