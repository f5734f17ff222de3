/**
 * Splits a stream of decoded text chunks into lines (on "\n", "\r\n" or a lone "\r") with their
 * 1-based numbers and start offsets, holding only the current line in memory, so a file of
 * millions of lines streams through.
 */

/** One line of a stream, without its terminator. */
export interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the whole text, in UTF-16 code units. */
  offset: number;
}

/** Yields the lines of `chunks`; a final line without terminator is yielded too, an empty one is not. */
export async function* lineStream(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let parts: string[] = [];
  let line = 1;
  let offset = 0;
  let lineStart = 0;
  // A "\r" at the end of a chunk may be the first half of "\r\n".
  let pendingCr = false;
  for await (const chunk of chunks) {
    if (!chunk) continue;
    let start = 0;
    if (pendingCr) {
      pendingCr = false;
      if (chunk.startsWith('\n')) start = 1;
      lineStart = offset + start;
    }
    for (let i = start; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      parts.push(chunk.slice(start, i));
      yield { text: parts.join(''), line, offset: lineStart };
      parts = [];
      line++;
      if (ch === 13) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 10) i++;
        } else pendingCr = true;
      }
      start = i + 1;
      lineStart = offset + start;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
    offset += chunk.length;
  }
  if (parts.length) yield { text: parts.join(''), line, offset: lineStart };
}

/** Wraps a string (or strings) as the async chunk stream the parsers take, for tests and the CLI. */
export async function* textChunks(...texts: string[]): AsyncGenerator<string> {
  for (const text of texts) yield text;
}
