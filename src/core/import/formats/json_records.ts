/**
 * The shared loop of the JSON-based formats (HF, OpenAlex, Semantic Scholar, CSL JSON, generic
 * JSON and JSON Lines): streams elements with jsonElements, reports unreadable ones, hands each
 * object to the format's mapping and checks for cancellation as it goes.
 */
import type { ParseContext, RecordResult } from '../format';
import { jsonRecordElements, type JsonStreamOptions } from './json_stream';
import { type DraftInput, type RecordWhere, buildRecord, recordError } from './record';
import { asObject } from './values';

/** A format's mapping of one JSON object to draft values, or a message saying why it cannot. */
export type JsonMapper = (
  object: Record<string, unknown>,
  where: RecordWhere,
) => DraftInput | string;

/** How many records pass between cancellation checks. */
export const ABORT_CHECK_INTERVAL = 256;

/**
 * Parses the JSON text of `chunks` into records with `map`; never throws on content (a mapper that
 * throws yields an error issue), only on cancellation.
 */
export async function* jsonRecords(
  chunks: AsyncIterable<string>,
  context: ParseContext,
  map: JsonMapper,
  options?: JsonStreamOptions,
): AsyncGenerator<RecordResult> {
  let count = 0;
  for await (const event of jsonRecordElements(chunks, options)) {
    if (++count % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    const where: RecordWhere = { file: context.file, record: event.index, line: event.line };
    if (event.kind === 'error') {
      yield recordError(where, event.message);
      continue;
    }
    const object = asObject(event.value);
    if (!object) {
      yield recordError(where, `expected a JSON object, got ${describe(event.value)}`);
      continue;
    }
    let input: DraftInput | string;
    try {
      input = map(object, where);
    } catch (error) {
      input = `could not read the record: ${error instanceof Error ? error.message : String(error)}`;
    }
    yield typeof input === 'string' ? recordError(where, input) : buildRecord(input, where);
  }
  context.signal?.throwIfAborted();
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
