import type { Paper } from '../../core/paper';
import { count } from './map_bundle';

/**
 * The papers of a version-2 bundle are stored by column, `{"id": [...], "title": [...], ...}`,
 * rather than as one object per paper: the keys are written once instead of n times, and gzip's
 * 32 KB window sees titles next to titles and abstracts next to abstracts, which saves about 7 %
 * of the papers section (3 MB at 100k papers with 1 KB abstracts). A field a paper lacks is null
 * in its column; the reader turns columns back into records before validating them.
 */

/** Fields whose null means "absent" (optional fields), not the value null (org, date, …). */
const OPTIONAL = new Set(['arxivId', 'doi', 'categories', 'fields', 'flags']);

/** The papers as columns, every column of length n, in the order fields first appear. */
export function papersToColumns(papers: readonly Paper[]): Record<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  papers.forEach((paper, i) => {
    for (const [key, value] of Object.entries(paper)) {
      if (value === undefined) continue;
      let column = columns.get(key);
      if (!column) columns.set(key, (column = new Array<unknown>(papers.length).fill(null)));
      column[i] = value;
    }
  });
  return Object.fromEntries(columns);
}

/**
 * Columns back to one record per paper (not yet validated: validatePapers does that), or why they
 * are not n columns: an object of arrays, each of length n.
 */
export function columnsToRecords(
  raw: unknown,
  n: number,
): { records: Record<string, unknown>[] } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problem: 'should be an object of columns (a version-2 bundle)' };
  }
  const columns = Object.entries(raw);
  for (const [key, column] of columns) {
    if (!Array.isArray(column)) return { problem: `column '${key}' is not an array` };
    if (column.length !== n) {
      return {
        problem: `column '${key}' has ${count(column.length)} entries, expected n = ${count(n)}`,
      };
    }
  }
  const records = Array.from({ length: n }, (): Record<string, unknown> => ({}));
  for (const [key, column] of columns) {
    // A column named "__proto__" would otherwise set the prototype; it is not a paper field.
    if (key === '__proto__') continue;
    const optional = OPTIONAL.has(key);
    for (let i = 0; i < n; i++) {
      const value: unknown = column[i];
      if (!(optional && value === null)) records[i]![key] = value;
    }
  }
  return { records };
}
