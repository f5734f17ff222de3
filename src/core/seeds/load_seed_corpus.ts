import { hashStrings } from '../hash';
import type { Corpus, Paper } from '../paper';
import { mergePapers } from './merge_papers';
import { parseDailyPapersPage, type SeedEntry } from './parse_daily_papers_page';

/** One saved "Daily Papers" page: its name (the file name without extension) and its text. */
export interface SeedPage {
  name: string;
  text: string;
}

/** The day a saved page shows in its header, e.g. "Apr 27", within its first lines. */
const HEADER_DAY = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$/;

/**
 * What readers see as each page's source (a legend, a filter): "Daily Papers · Apr 27", after the
 * day in the page's header, rather than its file name; the file name when the header has no day,
 * and added in brackets when two pages show the same day.
 */
export function seedPageTitles(pages: readonly SeedPage[]): string[] {
  const titles = pages.map((page) => {
    const head = String(page.text)
      .split('\n', 30)
      .map((l) => l.trim());
    const day = head.find((line) => HEADER_DAY.test(line));
    return day ? `Daily Papers · ${day}` : page.name;
  });
  return titles.map((t, i) =>
    titles.indexOf(t) === titles.lastIndexOf(t) ? t : `${t} (${pages[i]!.name})`,
  );
}

/** Every entry of the pages, page by page in the order given, each tagged with its page's title. */
export function parseSeedPages(pages: readonly SeedPage[]): SeedEntry[] {
  const titles = seedPageTitles(pages);
  return pages.flatMap((page, i) => parseDailyPapersPage(page.text, titles[i]!));
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
