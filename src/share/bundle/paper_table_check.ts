import { isIsoDate } from '../../core/corpus_file';
import { unpackStringChunks } from '../../core/packed_strings';
import type { PaperTable } from '../../core/paper_table';
import { BundleError } from './bundle_error';
import { describe } from './bundle_header';

/**
 * Checks the values of a bundle's papers, whichever way they were stored: every id and title
 * non-empty, ids unique, dates real ISO days, counts whole numbers ≥ 0, author and source lists
 * present. Throws a BundleError starting with `where` that names the paper and the field.
 */
export function checkPaperTable(table: PaperTable, where: string): void {
  const { n } = table;
  const bad = (i: number, field: string, expected: string, value: unknown): never => {
    throw new BundleError(
      `${where}: papers[${i}].${field} should be ${expected}, but is ${describe(value)}.`,
    );
  };
  const ids = unpackStringChunks(table.id);
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id === '') bad(i, 'id', 'a non-empty string', id);
    // Papers are looked up by id everywhere, so a repeated id would silently hide a paper.
    const first = seen.get(id);
    if (first !== undefined) bad(i, 'id', `unique (papers[${first}] has it too)`, id);
    seen.set(id, i);
  }
  const { ends, per } = table.title;
  for (let i = 0; i < n; i++) {
    if (ends[i] === (i % per === 0 ? 0 : ends[i - 1])) bad(i, 'title', 'a non-empty string', '');
  }
  const dates = unpackStringChunks(table.date.values);
  const good = new Set<string>();
  for (let i = 0; i < n; i++) {
    const date = dates[i]!;
    if (!table.date.present[i] || good.has(date)) continue;
    if (!isIsoDate(date)) bad(i, 'date', 'an ISO date YYYY-MM-DD or null', date);
    good.add(date);
  }
  for (const field of ['authorCount', 'upvotes'] as const) {
    table[field].forEach((v, i) => {
      if (!Number.isNaN(v) && !(Number.isInteger(v) && v >= 0)) {
        bad(i, field, 'a whole number ≥ 0 or null', v);
      }
    });
  }
  for (const field of ['authors', 'source'] as const) {
    const i = table[field].counts.indexOf(-1);
    if (i >= 0) bad(i, field, 'an array of strings', undefined);
  }
}
