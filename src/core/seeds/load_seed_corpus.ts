import { hashStrings } from '../hash';
import type { Corpus, Paper } from '../paper';
import { mergePapers } from './merge_papers';
import { parseDailyPapersPage, type SeedEntry } from './parse_daily_papers_page';

/** One saved "Daily Papers" page: its name (the file name without extension) and its text. */
export interface SeedPage {
  name: string;
  text: string;
}

/** Every entry of the pages, page by page in the order given, each tagged with its page's name. */
export function parseSeedPages(pages: readonly SeedPage[]): SeedEntry[] {
  return pages.flatMap((page) => parseDailyPapersPage(page.text, page.name));
}

/** The content hash of a list of papers: hashStrings over each paper's id, title and abstract. */
export function hashPapers(papers: readonly Paper[]): string {
  return hashStrings(papers.flatMap((p) => [p.id, p.title, p.abstract]));
}

/**
 * Builds the seed corpus: parses every page, merges entries of the same paper, and keeps the
 * papers in order of first appearance, so the same pages in the same order give the same corpus
 * and hash (callers order the pages, e.g. by file name).
 */
export function buildSeedCorpus(pages: readonly SeedPage[]): Corpus {
  const papers = mergePapers(parseSeedPages(pages));
  return { papers, hash: hashPapers(papers) };
}
