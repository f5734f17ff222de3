import type { MonthHistogram } from '../core/filters/month_histogram';
import { formatMonth, parseMonth } from '../core/filters/months';
import type { PaperFilter } from '../core/filters/paper_filter';

/** A range of histogram bars: offsets into MonthHistogram.counts, both ends included. */
export interface MonthRange {
  from: number;
  to: number;
}

/**
 * A range kept inside [0, months − 1] with from ≤ to; when the two cross, the end that `moved`
 * stops at the other.
 */
export function clampRange(range: MonthRange, months: number, moved: 'from' | 'to'): MonthRange {
  const clamp = (m: number) => Math.min(months - 1, Math.max(0, m));
  const from = clamp(range.from);
  const to = clamp(range.to);
  if (from <= to) return { from, to };
  return moved === 'from' ? { from: to, to } : { from, to: from };
}

/** The filter's date range as histogram bars (open ends at the span's ends), or null. */
export function rangeOfFilter(filter: PaperFilter, histogram: MonthHistogram): MonthRange | null {
  if (!filter.date) return null;
  const months = histogram.counts.length;
  const from = filter.date.from ? (parseMonth(filter.date.from) ?? 0) - histogram.first : 0;
  const to = filter.date.to
    ? (parseMonth(filter.date.to) ?? Infinity) - histogram.first
    : months - 1;
  return clampRange({ from, to }, months, 'to');
}

/** The filter with its date range set to histogram bars (null: no date range). */
export function withRange(
  filter: PaperFilter,
  range: MonthRange | null,
  histogram: MonthHistogram,
): PaperFilter {
  const next = { ...filter };
  if (range) {
    next.date = {
      from: formatMonth(histogram.first + range.from),
      to: formatMonth(histogram.first + range.to),
    };
  } else delete next.date;
  return next;
}
