/**
 * Automatic column mapping for generic tables (CSV, TSV, JSON, JSON Lines, Parquet): each Paper
 * field takes the first column whose name, lower-cased and stripped of punctuation, is one of its
 * synonyms, in the order of preference listed here.
 */
import type { ColumnMapping } from '../format';
import { extractArxivId } from './ids';

/** Synonyms per Paper field, most preferred first, already normalised (see normaliseColumnName). */
export const COLUMN_SYNONYMS: Readonly<Record<keyof ColumnMapping, readonly string[]>> = {
  title: ['title', 'papertitle', 'displayname', 'name', 'articletitle', 'headline', 'ti'],
  abstract: ['abstract', 'summary', 'abstracttext', 'description', 'tldr', 'ab', 'text', 'content'],
  authors: ['authors', 'author', 'creators', 'creator', 'authornames', 'authorlist', 'au', 'by'],
  date: [
    'date',
    'publicationdate',
    'published',
    'publishedat',
    'publisheddate',
    'pubdate',
    'created',
    'createdat',
    'submitted',
    'submittedat',
    'issued',
    'updated',
    'updatedate',
  ],
  year: ['year', 'publicationyear', 'pubyear', 'py'],
  url: ['url', 'link', 'href', 'paperurl', 'pageurl', 'landingpageurl', 'pdfurl', 'pdf'],
  doi: ['doi'],
  arxivId: ['arxivid', 'arxiv', 'eprint', 'arxivnumber'],
  categories: [
    'categories',
    'category',
    'tags',
    'tag',
    'keywords',
    'keyword',
    'subjects',
    'subject',
    'fieldsofstudy',
    'topics',
    'topic',
    'concepts',
    'labels',
  ],
  org: [
    'org',
    'organization',
    'organisation',
    'affiliation',
    'affiliations',
    'institution',
    'institutions',
  ],
  upvotes: ['upvotes', 'likes', 'votes', 'stars', 'points'],
  id: ['id', 'paperid', 'uid', 'key', 'identifier', 'corpusid', 'recordid'],
};

/** "Paper Title" → "papertitle", "publication_date" → "publicationdate". */
export function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A mapping with every field unmapped. */
export function emptyMapping(): ColumnMapping {
  return {
    title: null,
    abstract: null,
    authors: null,
    date: null,
    year: null,
    url: null,
    doi: null,
    arxivId: null,
    categories: null,
    org: null,
    upvotes: null,
    id: null,
  };
}

/**
 * Infers which column feeds each Paper field from the column names; with a sample of rows, an id
 * column whose values are all arXiv ids also feeds arxivId when no column is named for it.
 */
export function inferColumnMapping(
  columns: string[],
  sample?: Record<string, unknown>[],
): ColumnMapping {
  const mapping = emptyMapping();
  // Among columns with the same normalised name, the one most sample rows fill wins, then one
  // spelled without punctuation.
  const filled = (column: string) =>
    (sample?.filter((row) => row[column] !== undefined && row[column] !== null).length ?? 0) +
    (/^[\p{L}\p{N}]+$/u.test(column) ? 0.5 : 0);
  const byName = new Map<string, string>();
  for (const column of columns) {
    const key = normaliseColumnName(column);
    const current = byName.get(key);
    if (key && (current === undefined || filled(column) > filled(current))) byName.set(key, column);
  }
  const used = new Set<string>();
  for (const field of Object.keys(COLUMN_SYNONYMS) as (keyof ColumnMapping)[]) {
    for (const synonym of COLUMN_SYNONYMS[field]) {
      const column = byName.get(synonym);
      if (column !== undefined && !used.has(column)) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  if (!mapping.arxivId && mapping.id && sample?.length) {
    const idColumn = mapping.id;
    const values = sample
      .map((row) => row[idColumn])
      .filter((v) => v !== null && v !== undefined && v !== '');
    if (values.length && values.every((v) => extractArxivId(String(v)) !== null))
      mapping.arxivId = idColumn;
  }
  return mapping;
}
