/**
 * Streams the elements of JSON text without holding more than one element: the elements of a
 * top-level array, of the array under a wrapper key ({"results": [...]} from OpenAlex, {"data":
 * [...]} from Semantic Scholar), a single top-level object, or top-level values one after another
 * (JSON Lines, concatenated JSON). Malformed elements become error events and scanning resumes at
 * the next line that opens an object no deeper than the broken one began, so the valid elements
 * after a bad one are kept (in a minified one-line array, the rest of that line is lost).
 */

import { JsonScanner } from './json_scanner';

/** An element of the stream, or the report of one that could not be read. */
export type JsonEvent =
  | { kind: 'value'; value: unknown; index: number; line: number; offset: number }
  | { kind: 'error'; message: string; index: number; line: number; offset: number };

/** Options of jsonElements; wrapperKeys defaults to WRAPPER_KEYS, maxElementLength to 32 Mi chars. */
export interface JsonStreamOptions {
  wrapperKeys?: readonly string[];
  maxElementLength?: number;
}

export { WRAPPER_KEYS } from './json_wrapper';

/** Yields each element of `chunks` (see the file comment); index is 1-based, line too. */
export async function* jsonElements(
  chunks: AsyncIterable<string>,
  options: JsonStreamOptions = {},
): AsyncGenerator<JsonEvent> {
  const scanner = new JsonScanner(options);
  for await (const chunk of chunks) {
    if (!chunk) continue;
    yield* scanner.push(chunk);
  }
  yield* scanner.end();
}

/**
 * jsonElements with nested arrays opened one level: an element that is itself an array (a
 * `[[{…}, {…}]]` export, or an array whose closing bracket went missing) yields its items, each
 * with the element's index and line.
 */
export async function* jsonRecordElements(
  chunks: AsyncIterable<string>,
  options: JsonStreamOptions = {},
): AsyncGenerator<JsonEvent> {
  for await (const event of jsonElements(chunks, options)) {
    if (event.kind === 'value' && Array.isArray(event.value)) {
      for (const value of event.value as unknown[]) yield { ...event, value };
    } else yield event;
  }
}
