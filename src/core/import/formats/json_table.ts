/**
 * Generic JSON tables: an array of objects (or one under a wrapper key such as "data") and JSON
 * Lines, one object a line; mapped to papers by their keys like CSV columns (column_mapping.ts).
 */
import type { ColumnMapping, ParseContext, RecordResult, TextFormat } from '../format';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { jsonRecordElements, type JsonEvent } from './json_stream';
import { buildRecord, recordError } from './record';
import { resolveMapping, tableRowInput } from './table_row';
import { asObject } from './values';

// Objects read before the column mapping is fixed: their keys, in order of appearance, are the columns.
const SAMPLE_OBJECTS = 20;

async function* parseJsonTable(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  const pending: JsonEvent[] = [];
  let mapping: ColumnMapping | null = null;
  let count = 0;

  const emit = (event: JsonEvent, use: ColumnMapping): RecordResult => {
    const where = { file: context.file, record: event.index, line: event.line };
    if (event.kind === 'error') return recordError(where, event.message);
    const object = asObject(event.value);
    if (!object) return recordError(where, "expected a JSON object with the paper's fields");
    return buildRecord(tableRowInput(object, use), where);
  };
  function* flush(): Generator<RecordResult> {
    const objects = pending
      .map((e) => (e.kind === 'value' ? asObject(e.value) : null))
      .filter((o): o is Record<string, unknown> => o !== null);
    const columns = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    const use = resolveMapping(columns, objects, context);
    mapping = use;
    for (const event of pending.splice(0)) yield emit(event, use);
  }

  for await (const event of jsonRecordElements(chunks)) {
    if (++count % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    if (mapping) {
      yield emit(event, mapping);
      continue;
    }
    pending.push(event);
    if (pending.length >= SAMPLE_OBJECTS) yield* flush();
  }
  if (!mapping && pending.length) yield* flush();
  context.signal?.throwIfAborted();
}

/** True when the head's first two non-empty lines each hold one complete JSON object. */
export function looksLikeJsonLines(head: string): boolean {
  const lines = head.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0] ?? '');
    return asObject(first) !== null && (lines[1] ?? '').trimStart().startsWith('{');
  } catch {
    return false;
  }
}

/** A JSON array of paper objects. */
export const jsonFormat: TextFormat = {
  kind: 'text',
  id: 'json',
  label: 'JSON (array of objects)',
  example: '[{"title": "…", "abstract": "…", "authors": ["…"], "date": "2024-01-05"}]',
  sniff(head) {
    if (/^\s*\[\s*(?:\{|$)/.test(head)) return 0.5;
    if (!/^\s*\{/.test(head)) return 0;
    return looksLikeJsonLines(head) ? 0.2 : 0.4;
  },
  parse: parseJsonTable,
};

/** JSON Lines: one paper object a line. */
export const jsonlFormat: TextFormat = {
  kind: 'text',
  id: 'jsonl',
  label: 'JSON Lines',
  example: '{"title": "…", "abstract": "…", "authors": ["…"], "date": "2024-01-05"}',
  sniff(head) {
    if (!/^\s*\{/.test(head)) return 0;
    return looksLikeJsonLines(head) ? 0.55 : 0.3;
  },
  parse: parseJsonTable,
};
