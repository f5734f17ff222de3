/**
 * Generic table rows (CSV, TSV, JSON, JSON Lines, Parquet) to draft values through a
 * ColumnMapping: values may be strings, numbers, arrays of strings or of {name} objects, and are
 * normalised; columns the mapping does not use go to `fields`, capped, for colouring the map.
 */
import type { ColumnMapping, ParseContext } from '../format';
import { authorNames } from './authors';
import { inferColumnMapping } from './column_mapping';
import { extractArxivId, normaliseDoi } from './ids';
import type { DraftInput } from './record';
import { fieldText, toText } from './values';

// Most extra columns kept per record in `fields`.
const MAX_EXTRA_FIELDS = 40;

/** Maps one row to draft values; `row` maps column names to values. */
export function tableRowInput(row: Record<string, unknown>, mapping: ColumnMapping): DraftInput {
  const get = (field: keyof ColumnMapping): unknown => {
    const column = mapping[field];
    return column === null ? undefined : row[column];
  };
  const used = new Set(Object.values(mapping).filter((c): c is string => c !== null));
  const fields: Record<string, string> = {};
  let extra = 0;
  for (const [column, value] of Object.entries(row)) {
    if (used.has(column) || extra >= MAX_EXTRA_FIELDS) continue;
    const text = fieldText(value);
    if (text) {
      fields[column] = text;
      extra++;
    }
  }
  const idText = toText(get('id')).trim();
  const doi = normaliseDoi(toText(get('doi')));
  const arxivId =
    extractArxivId(toText(get('arxivId'))) ??
    (mapping.url ? extractArxivId(toText(get('url'))) : null) ??
    (doi?.startsWith('10.48550/') ? extractArxivId(doi) : null);
  const names = {
    title: mapping.title ?? 'title',
    abstract: mapping.abstract ?? 'abstract',
    date: mapping.date ?? 'date',
  };
  return {
    // Tables are plain text: a "<script>" in a CSV cell is kept as the characters it is.
    title: toText(get('title')),
    abstract: toText(get('abstract')),
    authors: authorNames(get('authors')),
    org: toText(get('org')),
    date: get('date'),
    year: get('year'),
    upvotes: get('upvotes'),
    url: toText(get('url')),
    arxivId,
    doi,
    categories: get('categories'),
    fields,
    sourceId: idText || null,
    names,
  };
}

/** The mapping to use: the user's (when given) or an inferred one; reports it through onColumns once. */
export function resolveMapping(
  columns: string[],
  sample: Record<string, unknown>[],
  context: ParseContext,
): ColumnMapping {
  const mapping = context.mapping ?? inferColumnMapping(columns, sample);
  context.onColumns?.(columns, mapping);
  return mapping;
}
