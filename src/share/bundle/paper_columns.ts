import type { Paper } from '../../core/paper';
import { tableFromColumns, type PaperColumns, type PaperTable } from '../../core/paper_table';
import { checkPaperTable } from './paper_table_check';
import { BundleError } from './bundle_error';
import { describe } from './bundle_header';
import { count } from './map_bundle';

/**
 * The papers of a version-2 bundle are stored by column, `{"id": [...], "title": [...], ...}`,
 * rather than as one object per paper: the keys are written once instead of n times, and gzip's
 * 32 KB window sees titles next to titles and abstracts next to abstracts, which saves about 7 %
 * of the papers section (3 MB at 100k papers with 1 KB abstracts). A field a paper lacks is null
 * in its column. Version 1 stored one object per paper.
 *
 * They are checked column by column, never turned into 100k intermediate records: reading a
 * 100k-paper bundle is on the way to the first frame of a shared map.
 */

/** The fields a bundle stores, in the order the writer writes them. */
const FIELDS = [
  'id',
  'title',
  'abstract',
  'authors',
  'authorCount',
  'org',
  'date',
  'upvotes',
  'url',
  'source',
  'arxivId',
  'doi',
  'categories',
  'fields',
  'flags',
] as const satisfies readonly (keyof Paper)[];

/** Fields whose null means "absent" (optional fields), not the value null (org, date, …). */
const OPTIONAL = new Set<string>(['arxivId', 'doi', 'categories', 'fields', 'flags']);

/**
 * The papers as columns of their known fields, every column of length n; an optional field no
 * paper has gets no column.
 */
export function papersToColumns(papers: readonly Paper[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const field of FIELDS) {
    const column = papers.map((p) => p[field] ?? null);
    if (OPTIONAL.has(field) && column.every((v) => v === null)) continue;
    columns[field] = column;
  }
  return columns;
}

/**
 * A bundle's papers as stored in versions 1 and 2 (`raw`: records or columns), checked and packed
 * as a PaperTable. Throws a BundleError starting with `where` that names the paper and field.
 */
export function paperTableFromJson(
  raw: unknown,
  n: number,
  version: number,
  where: string,
): PaperTable {
  const table = tableFromColumns(checkPaperColumns(raw, n, version, where), n);
  checkPaperTable(table, where);
  return table;
}

/** The types of the papers' fields, column by column; checkPaperTable checks the values. */
function checkPaperColumns(raw: unknown, n: number, version: number, where: string): PaperColumns {
  const columns = version < 2 ? recordsToColumns(raw, where) : rawColumns(raw, n, where);
  const bad = (i: number, field: string, expected: string, value: unknown): never => {
    throw new BundleError(
      `${where}: papers[${i}].${field} should be ${expected}, but is ${describe(value)}.`,
    );
  };
  const column = (field: string): unknown[] => columns[field] ?? new Array<unknown>(n);
  const strings = (field: string, expected = 'a string'): string[] => {
    const values = column(field);
    for (let i = 0; i < n; i++)
      if (typeof values[i] !== 'string') bad(i, field, expected, values[i]);
    return values as string[];
  };
  const nullable = (field: string, optional = false): (string | null)[] => {
    const values = column(field);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && typeof v !== 'string' && !(optional && v === undefined)) {
        bad(i, field, 'a string', v);
      }
    }
    return values as (string | null)[];
  };
  const lists = (field: string, optional = false): string[][] => {
    const values = column(field);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (optional && (v === null || v === undefined)) continue;
      if (!Array.isArray(v)) return bad(i, field, 'an array of strings', v);
      for (let j = 0; j < v.length; j++) {
        if (typeof v[j] !== 'string') bad(i, `${field}[${j}]`, 'a string', v[j]);
      }
    }
    return values as string[][];
  };
  const counts = (field: string): (number | null)[] => {
    const values = column(field);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && typeof v !== 'number') bad(i, field, 'a whole number ≥ 0 or null', v);
    }
    return values as (number | null)[];
  };
  return {
    id: strings('id', 'a non-empty string'),
    title: strings('title', 'a non-empty string'),
    abstract: strings('abstract'),
    authors: lists('authors'),
    authorCount: counts('authorCount'),
    org: nullable('org'),
    date: nullable('date'),
    upvotes: counts('upvotes'),
    url: nullable('url'),
    source: lists('source'),
    arxivId: nullable('arxivId', true),
    doi: nullable('doi', true),
    categories: lists('categories', true),
    flags: lists('flags', true),
    fields: checkFields(column('fields'), n, bad),
  };
}

function checkFields(
  values: unknown[],
  n: number,
  bad: (i: number, field: string, expected: string, value: unknown) => never,
): (Record<string, string> | null)[] {
  const out = new Array<Record<string, string> | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v))
      return bad(i, 'fields', 'an object of strings', v);
    const entries = Object.entries(v);
    for (const [key, value] of entries) {
      if (typeof value !== 'string') bad(i, `fields.${key}`, 'a string', value);
    }
    // fromEntries defines own properties: a column named "__proto__" stays a column.
    out[i] = Object.fromEntries(entries) as Record<string, string>;
  }
  return out;
}

/** A version-2 section's columns, or a BundleError saying why they are not n columns. */
function rawColumns(raw: unknown, n: number, where: string): Record<string, unknown[]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BundleError(`${where} should be an object of columns (a version-2 bundle)`);
  }
  const columns: Record<string, unknown[]> = {};
  for (const field of FIELDS) {
    if (!Object.hasOwn(raw, field)) continue;
    const column = (raw as Record<string, unknown>)[field];
    if (!Array.isArray(column)) throw new BundleError(`${where} column '${field}' is not an array`);
    if (column.length !== n) {
      throw new BundleError(
        `${where} column '${field}' has ${count(column.length)} entries, expected n = ${count(n)}`,
      );
    }
    columns[field] = column;
  }
  return columns;
}

/** A version-1 section's records (one object per paper, n of them: the reader counted) as columns. */
function recordsToColumns(raw: unknown, where: string): Record<string, unknown[]> {
  if (!Array.isArray(raw)) {
    throw new BundleError(`${where}: papers should be an array, but is ${describe(raw)}.`);
  }
  raw.forEach((record: unknown, i) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new BundleError(
        `${where}: papers[${i}] should be an object, but is ${describe(record)}.`,
      );
    }
  });
  const records = raw as Record<string, unknown>[];
  const columns: Record<string, unknown[]> = {};
  for (const field of FIELDS) {
    const column = records.map((r) => (Object.hasOwn(r, field) ? r[field] : undefined));
    columns[field] = OPTIONAL.has(field) ? column.map((v) => (v === undefined ? null : v)) : column;
  }
  return columns;
}
