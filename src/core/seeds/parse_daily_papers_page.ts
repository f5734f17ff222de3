import { isoDate, monthNumber } from '../import/formats/dates';

/**
 * Parser for a Hugging Face "Daily Papers" page saved as plain text, the format of the seed
 * corpus. A page is a header ("new", "Subscribe", "Daily Papers", …, then the page's date such as
 * "Nov 24"), then entries: a title line, an abstract paragraph and, on most pages, a metadata
 * block: an organisation line ("tencent Tencent") or an author count ("  • 6 authors"), an
 * optional "·" separator line, and a date ("Dec 3, 2025", or "Jan 8" with no year) followed by an
 * optional upvote count ("Dec 3, 2025 2"). Blank lines carry no meaning: some pages put one
 * between every line, so the parser reads the sequence of non-blank lines instead.
 */

/** One entry of a seed page, before entries of the same paper on several pages are merged. */
export interface SeedEntry {
  title: string;
  /** The abstract paragraph, or '' when the page had none for this entry. */
  abstract: string;
  /** The organisation's display name ("Tencent" from "tencent Tencent"), or null. */
  org: string | null;
  /** The "N authors" figure, or null when the page shows an organisation or nothing. */
  authorCount: number | null;
  /** ISO `YYYY-MM-DD`, or null when the page gives no date or one without a year ("Jan 8"). */
  date: string | null;
  /** The count after the date, or null when the page shows none. */
  upvotes: number | null;
  /** The page the entry came from (its file name without extension). */
  source: string;
}

type Line =
  | { kind: 'text'; text: string }
  | { kind: 'authors'; count: number }
  | { kind: 'separator' }
  | { kind: 'date'; iso: string | null; upvotes: number | null };

// Compared lower-cased: the site's chrome above the list of papers.
const HEADER_NOISE = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'byak and the research community',
]);

// The longest title in the seed pages has 124 characters and the shortest abstract well over a
// thousand, so these limits tell the two apart with room to spare.
const MAX_TITLE_LENGTH = 300;
const MAX_ORG_LENGTH = 80;
// Unknown chrome lines tolerated before the page date, in case the site adds some.
const MAX_UNKNOWN_HEADER_LINES = 6;
const MAX_HEADER_LINE_LENGTH = 80;

const DATE_LINE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d{1,7}))?$/;
const AUTHORS_LINE = /^(?:[•·*-]\s*)?(\d{1,5})\s+authors?$/i;
const SEPARATOR_LINE = /^[·•⋅∙|]+$/;

/**
 * Parses one saved "Daily Papers" page into its entries, in page order; `source` is recorded on
 * each. Never throws: odd lines are skipped, and an entry with neither an abstract nor metadata
 * (a stray line, a footer) is dropped.
 */
export function parseDailyPapersPage(text: string, source: string): SeedEntry[] {
  const lines = classifyLines(String(text));
  const entries: SeedEntry[] = [];
  let i = headerLength(lines);
  while (i < lines.length) {
    const line = lines[i];
    // Metadata with no entry before it, or an abstract whose title line is missing.
    if (line?.kind !== 'text' || line.text.length > MAX_TITLE_LENGTH) {
      i++;
      continue;
    }
    const entry: SeedEntry = {
      title: line.text,
      abstract: '',
      org: null,
      authorCount: null,
      date: null,
      upvotes: null,
      source,
    };
    i++;
    let hasMetadata = false;
    if (isAbstractAt(lines, i)) {
      entry.abstract = textAt(lines, i);
      i++;
    }
    if (isOrgAt(lines, i)) {
      entry.org = orgDisplayName(textAt(lines, i));
      hasMetadata = true;
      i++;
    }
    let seenDate = false;
    for (let meta = lines[i]; meta && meta.kind !== 'text'; meta = lines[++i]) {
      hasMetadata = true;
      if (meta.kind === 'authors' && entry.authorCount === null) entry.authorCount = meta.count;
      if (meta.kind === 'date' && !seenDate) {
        seenDate = true;
        entry.date = meta.iso;
        entry.upvotes = meta.upvotes;
      }
    }
    if (entry.abstract || hasMetadata) entries.push(entry);
  }
  return entries;
}

/**
 * Reads a seed page's date line, "Dec 3, 2025 2" → { iso: '2025-12-03', upvotes: 2 }; iso is null
 * when the year is missing or the day does not exist, upvotes null when no count follows; returns
 * null when the line is not a date line at all.
 */
export function parseSeedDateLine(
  line: string,
): { iso: string | null; upvotes: number | null } | null {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return null;
  const [, monthWord = '', dayText = '', yearText, upvotesText] = match;
  const month = monthNumber(monthWord);
  const day = Number(dayText);
  if (month === 0 || day < 1 || day > 31) return null;
  const iso = yearText === undefined ? null : isoDate(Number(yearText), month, day);
  const upvotes = upvotesText === undefined ? null : Number(upvotesText);
  return { iso, upvotes };
}

function classifyLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line) lines.push(classifyLine(line));
  }
  return lines;
}

function classifyLine(line: string): Line {
  const authors = AUTHORS_LINE.exec(line);
  if (authors) return { kind: 'authors', count: Number(authors[1]) };
  if (SEPARATOR_LINE.test(line)) return { kind: 'separator' };
  const date = parseSeedDateLine(line);
  if (date) return { kind: 'date', ...date };
  // Collapsing inner runs of spaces keeps titles of the same paper comparable across pages.
  return { kind: 'text', text: line.replace(/\s+/g, ' ') };
}

/** How many leading lines are the page header: the site's chrome, then the page's own date. */
function headerLength(lines: readonly Line[]): number {
  let i = 0;
  while (i < lines.length && isHeaderNoise(lines[i])) i++;
  const end = Math.min(lines.length, i + MAX_UNKNOWN_HEADER_LINES + 1);
  for (let j = i; j < end; j++) {
    const line = lines[j];
    if (line?.kind === 'date') return j + 1;
    // An abstract or metadata before any date means the entries have begun without a page date.
    if (line?.kind !== 'text' || line.text.length > MAX_HEADER_LINE_LENGTH) break;
  }
  return i;
}

function isHeaderNoise(line: Line | undefined): boolean {
  return line?.kind === 'text' && HEADER_NOISE.has(line.text.toLowerCase());
}

function textAt(lines: readonly Line[], i: number): string {
  const line = lines[i];
  return line?.kind === 'text' ? line.text : '';
}

/**
 * An organisation line is short and directly followed by the separator or the date; it takes the
 * place of the author count, so a line followed by "N authors" is an abstract, however short.
 */
function isOrgAt(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  return (
    line?.kind === 'text' &&
    line.text.length <= MAX_ORG_LENGTH &&
    (next?.kind === 'separator' || next?.kind === 'date')
  );
}

/** The line after a title is its abstract unless it is an org line or the next entry's title. */
function isAbstractAt(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  if (line?.kind !== 'text' || isOrgAt(lines, i)) return false;
  const next = lines[i + 1];
  // A title-length line followed by an abstract-length one is the next entry: this one has none.
  const nextIsLong = next?.kind === 'text' && next.text.length > MAX_TITLE_LENGTH;
  return line.text.length > MAX_TITLE_LENGTH || !nextIsLong;
}

/** "tencent Tencent" → "Tencent": the page shows the org's handle, then its display name. */
function orgDisplayName(line: string): string {
  const space = line.indexOf(' ');
  const display = space < 0 ? '' : line.slice(space + 1).trim();
  return display || line;
}
