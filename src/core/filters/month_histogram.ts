import type { Paper } from '../paper';
import { monthOfDate } from './months';

/** Papers per month over the corpus's date span; months with no paper count 0. */
export interface MonthHistogram {
  /** Month index (see months.ts) of counts[0]: the earliest paper's month. */
  first: number;
  /** counts[m] papers in month first + m; its length is the span in months, ≥ 1. */
  counts: Int32Array;
  /** Papers with no monthly date, which no bar counts. */
  undated: number;
}

/** The month histogram of a corpus, or null when no paper has a date. Two linear passes. */
export function monthHistogram(papers: readonly Paper[]): MonthHistogram | null {
  const months = new Int32Array(papers.length);
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (let i = 0; i < papers.length; i++) {
    const m = monthOfDate(papers[i]!.date);
    months[i] = m;
    if (m < 0) undated++;
    else {
      if (m < first) first = m;
      if (m > last) last = m;
    }
  }
  if (first > last) return null;
  const counts = new Int32Array(last - first + 1);
  for (let i = 0; i < months.length; i++) if (months[i]! >= 0) counts[months[i]! - first]!++;
  return { first, counts, undated };
}
