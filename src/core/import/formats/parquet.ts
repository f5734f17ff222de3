/**
 * Parquet tables, read with hyparquet by random access: the footer gives the schema and row
 * count, then rows are read in batches of BATCH_ROWS so memory holds one batch, not the file.
 * Columns map to papers like CSV columns (column_mapping.ts); list columns (authors) are arrays.
 */
import {
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type FileMetaData,
} from 'hyparquet';
import type {
  BinaryFormat,
  ByteSource,
  ColumnMapping,
  ParseContext,
  RecordResult,
} from '../format';
import { buildRecord } from './record';
import { resolveMapping, tableRowInput } from './table_row';

/** Rows read per batch. */
export const BATCH_ROWS = 10_000;
const SAMPLE_ROWS = 20;
const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && MAGIC.every((b, i) => bytes[at + i] === b);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function* parseParquet(
  source: ByteSource,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(source);
  } catch (error) {
    context.signal?.throwIfAborted();
    yield {
      issues: [
        {
          file: context.file,
          message: `not a readable Parquet file: ${message(error)}`,
          severity: 'error',
        },
      ],
    };
    return;
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const rowCount = Number(metadata.num_rows);
  let mapping: ColumnMapping | null = null;
  for (let start = 0; start < rowCount; start += BATCH_ROWS) {
    context.signal?.throwIfAborted();
    const end = Math.min(rowCount, start + BATCH_ROWS);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: source, metadata, rowStart: start, rowEnd: end });
    } catch (error) {
      context.signal?.throwIfAborted();
      const issue = `rows ${start + 1}–${end} could not be read: ${message(error)}`;
      yield {
        issues: [{ file: context.file, record: start + 1, message: issue, severity: 'error' }],
      };
      continue;
    }
    const use: ColumnMapping =
      mapping ?? resolveMapping(columns, rows.slice(0, SAMPLE_ROWS), context);
    mapping = use;
    for (let i = 0; i < rows.length; i++) {
      if (i % 256 === 255) context.signal?.throwIfAborted();
      const where = { file: context.file, record: start + i + 1 };
      yield buildRecord(tableRowInput(rows[i] ?? {}, use), where);
    }
  }
  context.signal?.throwIfAborted();
}

/** Apache Parquet. */
export const parquetFormat: BinaryFormat = {
  kind: 'binary',
  id: 'parquet',
  label: 'Parquet table',
  example: 'a Parquet file with columns such as title, abstract, authors (list), date',
  sniffBytes(head, tail) {
    const start = hasMagic(head, 0);
    const end = hasMagic(tail, tail.length - 4);
    if (start && end) return 0.99;
    return start ? 0.6 : 0;
  },
  parse: parseParquet,
};
