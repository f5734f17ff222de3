import type { ColumnMapping } from '../core/import/format';

/** The Paper fields a table's columns can feed, in the order the mapping editor lists them. */
export const MAPPING_FIELDS: readonly { key: keyof ColumnMapping; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'abstract', label: 'Abstract' },
  { key: 'authors', label: 'Authors' },
  { key: 'date', label: 'Date' },
  { key: 'year', label: 'Year' },
  { key: 'url', label: 'URL' },
  { key: 'doi', label: 'DOI' },
  { key: 'arxivId', label: 'arXiv id' },
  { key: 'categories', label: 'Categories' },
  { key: 'org', label: 'Organisation' },
  { key: 'upvotes', label: 'Upvotes' },
  { key: 'id', label: 'Id' },
];

/** A copy of a mapping with one field changed; '' means "no column". */
export function withColumn(
  mapping: ColumnMapping,
  key: keyof ColumnMapping,
  column: string,
): ColumnMapping {
  return { ...mapping, [key]: column === '' ? null : column };
}
