import type { Paper } from '../paper';
import { monthOfDate, parseMonth } from './months';

/**
 * Which papers the map keeps in full colour. Every criterion is optional; an empty object keeps
 * every paper. Months are `YYYY-MM`, both ends included. Lists are never empty when present.
 */
export interface PaperFilter {
  /** Publication month range; either end may be open. */
  date?: { from?: string; to?: string };
  /** Keep papers with at least this many upvotes (a whole number ≥ 0). */
  minUpvotes?: number;
  /** Number-of-authors range, both ends included; either end may be open. */
  authors?: { min?: number; max?: number };
  /** Keep papers whose organisation is one of these. */
  orgs?: string[];
  /** Keep papers with at least one of these categories. */
  categories?: string[];
  /** Keep papers found in at least one of these sources (seed page, file name). */
  sources?: string[];
}

/** Whether a filter keeps every paper (no criterion set). */
export function isEmptyFilter(filter: PaperFilter): boolean {
  return (
    !filter.date &&
    filter.minUpvotes === undefined &&
    !filter.authors &&
    !filter.orgs?.length &&
    !filter.categories?.length &&
    !filter.sources?.length
  );
}

/**
 * One byte per paper, 1 = kept, 0 = faded. A paper that lacks the field a criterion asks about
 * is hidden while that criterion is set: no date under a date range, no upvote figure under a
 * minimum of upvotes, no author count under an author range, no organisation (categories,
 * sources) under an organisation (category, source) choice; `unknownCounts` says how many of
 * each, so the UI can tell the user why. One linear pass, no allocation per paper.
 */
export function filterMask(papers: readonly Paper[], filter: PaperFilter): Uint8Array {
  const mask = new Uint8Array(papers.length);
  const from =
    filter.date?.from !== undefined ? (parseMonth(filter.date.from) ?? -Infinity) : -Infinity;
  const to = filter.date?.to !== undefined ? (parseMonth(filter.date.to) ?? Infinity) : Infinity;
  const minUp = filter.minUpvotes;
  const minAuthors = filter.authors?.min ?? -Infinity;
  const maxAuthors = filter.authors?.max ?? Infinity;
  const orgs = filter.orgs?.length ? new Set(filter.orgs) : null;
  const categories = filter.categories?.length ? new Set(filter.categories) : null;
  const sources = filter.sources?.length ? new Set(filter.sources) : null;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    if (filter.date) {
      const month = monthOfDate(p.date);
      if (month < 0 || month < from || month > to) continue;
    }
    if (minUp !== undefined && (p.upvotes === null || p.upvotes < minUp)) continue;
    if (filter.authors) {
      const count = p.authorCount;
      if (count === null || count < minAuthors || count > maxAuthors) continue;
    }
    if (orgs && (p.org === null || !orgs.has(p.org))) continue;
    if (categories && !someIn(p.categories, categories)) continue;
    if (sources && !someIn(p.source, sources)) continue;
    mask[i] = 1;
  }
  return mask;
}

/** How many papers a filter's numeric criteria hide only because the field is unknown. */
export interface UnknownCounts {
  /** Papers with no (monthly) date, while a date range is set; else 0. */
  date: number;
  /** Papers with no upvote figure, while a minimum of upvotes is set; else 0. */
  upvotes: number;
  /** Papers with no author count, while an author range is set; else 0. */
  authors: number;
}

/** Counts the papers hidden for lacking the field of each set criterion (see filterMask). */
export function unknownCounts(papers: readonly Paper[], filter: PaperFilter): UnknownCounts {
  const counts: UnknownCounts = { date: 0, upvotes: 0, authors: 0 };
  for (const p of papers) {
    if (filter.date && monthOfDate(p.date) < 0) counts.date++;
    if (filter.minUpvotes !== undefined && p.upvotes === null) counts.upvotes++;
    if (filter.authors && p.authorCount === null) counts.authors++;
  }
  return counts;
}

/** The number of ones in a mask. */
export function countKept(mask: Uint8Array): number {
  let kept = 0;
  for (let i = 0; i < mask.length; i++) kept += mask[i]!;
  return kept;
}

function someIn(values: readonly string[] | undefined, wanted: ReadonlySet<string>): boolean {
  if (!values) return false;
  for (const v of values) if (wanted.has(v)) return true;
  return false;
}
