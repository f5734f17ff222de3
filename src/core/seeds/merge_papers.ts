import { hashString } from '../hash';
import type { Paper } from '../paper';
import type { SeedEntry } from './parse_daily_papers_page';

/**
 * The key under which entries count as the same paper: NFKC, lower-case, punctuation stripped,
 * whitespace collapsed ("Scaling Laws: Part I" → "scaling laws part i").
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Merges seed entries of the same paper (same normaliseTitle) into Paper records, in order of
 * first appearance; each field keeps the richest value seen: the first title, the longest
 * abstract, the first non-null org, author count and dated day, the largest upvote count, and
 * every source once, in order of first appearance. The id is hashString(normalised title), since
 * the pages give no arXiv ids.
 */
export function mergePapers(entries: readonly SeedEntry[]): Paper[] {
  const byKey = new Map<string, Paper>();
  for (const entry of entries) {
    // A title made only of punctuation still needs a key of its own.
    const key = normaliseTitle(entry.title) || entry.title;
    const paper = byKey.get(key);
    if (paper) mergeInto(paper, entry);
    else byKey.set(key, newPaper(key, entry));
  }
  return [...byKey.values()];
}

function newPaper(key: string, entry: SeedEntry): Paper {
  return {
    id: hashString(key),
    title: entry.title,
    abstract: entry.abstract,
    authors: [],
    authorCount: entry.authorCount,
    org: entry.org,
    date: entry.date,
    upvotes: entry.upvotes,
    url: null,
    source: [entry.source],
  };
}

function mergeInto(paper: Paper, entry: SeedEntry): void {
  // A page may cut an abstract short; the longest copy is the most complete one.
  if (entry.abstract.length > paper.abstract.length) paper.abstract = entry.abstract;
  paper.authorCount ??= entry.authorCount;
  paper.org ??= entry.org;
  // Entries' dates are null when the page omitted the year, so any non-null date has one.
  paper.date ??= entry.date;
  if (entry.upvotes !== null) paper.upvotes = Math.max(paper.upvotes ?? 0, entry.upvotes);
  if (!paper.source.includes(entry.source)) paper.source.push(entry.source);
}
