/**
 * CSV and TSV tables with a header row, read record by record (CsvSplitter) and mapped to papers
 * by column names (column_mapping.ts). A row with too few or too many cells is reported and kept
 * when it still has a title; a row cut short by an unterminated quote is dropped.
 */
import type { ColumnMapping, ImportIssue, ParseContext, RecordResult, TextFormat } from '../format';
import { COLUMN_SYNONYMS, normaliseColumnName } from './column_mapping';
import { CsvSplitter, type CsvRow } from './csv_records';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { buildRecord, recordError } from './record';
import { resolveMapping, tableRowInput } from './table_row';

// Rows read before the column mapping is fixed, so it can look at values.
const SAMPLE_ROWS = 20;

/** Unique, non-empty column names from a header row ("" → "column_3", a repeat → "title_2"). */
export function headerColumns(cells: string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    let name = cell.trim() || `column_${i + 1}`;
    for (let n = 2; seen.has(name); n++) name = `${cell.trim() || 'column'}_${n}`;
    seen.add(name);
    return name;
  });
}

async function* parseDelimited(
  chunks: AsyncIterable<string>,
  context: ParseContext,
  delimiter: string,
): AsyncGenerator<RecordResult> {
  const splitter = new CsvSplitter(delimiter);
  let columns: string[] | null = null;
  let mapping: ColumnMapping | null = null;
  const pending: CsvRow[] = [];
  let record = 0;

  function* emit(row: CsvRow, use: ColumnMapping): Generator<RecordResult> {
    const cols = columns ?? [];
    record++;
    if (record % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    const where = { file: context.file, record, line: row.line };
    if (row.problem) {
      yield recordError(
        where,
        `${row.problem}: the row is dropped and the lines after its opening quote are read again`,
      );
      return;
    }
    const issues: ImportIssue[] = [];
    if (row.fields.length !== cols.length) {
      issues.push({
        ...where,
        message: `row has ${row.fields.length} cells, the header has ${cols.length}`,
        severity: 'warning',
      });
    }
    yield buildRecord({ ...tableRowInput(toObject(cols, row.fields), use), issues }, where);
  }

  function* handle(rows: CsvRow[], final: boolean): Generator<RecordResult> {
    for (const row of rows) {
      if (!columns) {
        columns = headerColumns(row.fields);
        continue;
      }
      if (!mapping) {
        pending.push(row);
        if (pending.length < SAMPLE_ROWS) continue;
      } else {
        yield* emit(row, mapping);
        continue;
      }
      yield* flushPending();
    }
    if (final && columns && !mapping) yield* flushPending();
  }

  function* flushPending(): Generator<RecordResult> {
    const cols = columns ?? [];
    const use = resolveMapping(
      cols,
      pending.filter((r) => !r.problem).map((r) => toObject(cols, r.fields)),
      context,
    );
    mapping = use;
    for (const row of pending.splice(0)) yield* emit(row, use);
  }

  for await (const chunk of chunks) yield* handle(splitter.push(chunk), false);
  yield* handle(splitter.end(), true);
  context.signal?.throwIfAborted();
}

function toObject(columns: string[], cells: string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    row[column] = cells[i] ?? '';
  });
  return row;
}

const TITLE_NAMES = new Set(COLUMN_SYNONYMS.title);

/** Confidence that `head` is a table delimited by `delimiter`, from how regular its rows are. */
export function delimitedScore(head: string, delimiter: string): number {
  if (/^\s*[[{<@]/.test(head) || /^TY {1,2}- /.test(head)) return 0;
  // The last line of the head may be cut: leave it out when there are others.
  const lastBreak = head.lastIndexOf('\n');
  const text = lastBreak > 0 ? head.slice(0, lastBreak) : head;
  const splitter = new CsvSplitter(delimiter);
  const rows = [...splitter.push(text), ...splitter.end()].filter((r) => !r.problem).slice(0, 50);
  const header = rows[0];
  if (!header || header.fields.length < 2) return 0;
  const width = header.fields.length;
  const body = rows.slice(1);
  const regular = body.length
    ? body.filter((r) => r.fields.length === width).length / body.length
    : 0.5;
  if (regular < 0.5) return 0;
  const named = header.fields.some((f) => TITLE_NAMES.has(normaliseColumnName(f)));
  // Short header cells look like names; long ones look like data (a file without header).
  const headerLike = header.fields.every((f) => f.length <= 60);
  return Math.min(0.75, 0.3 + 0.25 * regular + (named ? 0.15 : 0) + (headerLike ? 0.05 : 0));
}

/** Comma-separated values. */
export const csvFormat: TextFormat = {
  kind: 'text',
  id: 'csv',
  label: 'CSV table',
  example:
    'title,abstract,authors,date\n"Attention Is All You Need","The dominant …","Vaswani; Shazeer",2017-06-12',
  sniff(head) {
    const csv = delimitedScore(head, ',');
    // A tab-separated file whose cells hold commas must not read as CSV.
    return csv > 0 && delimitedScore(head, '\t') >= csv ? csv - 0.1 : csv;
  },
  parse: (chunks, context) => parseDelimited(chunks, context, ','),
};

/** Tab-separated values. */
export const tsvFormat: TextFormat = {
  kind: 'text',
  id: 'tsv',
  label: 'TSV table',
  example:
    'title\tabstract\tauthors\tdate\nAttention Is All You Need\tThe dominant …\tVaswani; Shazeer\t2017-06-12',
  sniff: (head) => delimitedScore(head, '\t'),
  parse: (chunks, context) => parseDelimited(chunks, context, '\t'),
};
