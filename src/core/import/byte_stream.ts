/** The first bytes of a stream, and the whole stream again (those bytes included) to read on. */
export interface PeekedStream {
  /** At least `size` bytes, or the whole stream when it is shorter; may be a little longer. */
  head: Uint8Array;
  /** Every byte of the original stream, from the start; iterate it once. */
  stream: AsyncIterable<Uint8Array>;
  /** Whether the head holds the whole stream. */
  ended: boolean;
  /** Releases the source when `stream` will not be read (a file that is rejected after peeking). */
  close(): Promise<void>;
}

/**
 * Reads chunks until `size` bytes (or the end) have come, without losing them: the returned
 * stream replays them, then goes on with the rest. Only the head is held in memory.
 */
export async function peekStream(
  bytes: AsyncIterable<Uint8Array>,
  size: number,
): Promise<PeekedStream> {
  const iterator = bytes[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    if (next.value.length === 0) continue;
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = concatChunks(chunks, length);
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      if (head.length) yield head;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A consumer that stops early (cancellation, a parser giving up) must release the source.
      if (!ended) await iterator.return?.();
    }
  }
  const close = async (): Promise<void> => {
    if (!ended) await iterator.return?.();
  };
  return { head, stream: replay(), ended, close };
}

/** Passes chunks through, reporting the running byte count after each one. */
export async function* countBytes(
  bytes: AsyncIterable<Uint8Array>,
  onBytes: (consumed: number) => void,
): AsyncGenerator<Uint8Array> {
  let consumed = 0;
  for await (const chunk of bytes) {
    consumed += chunk.length;
    onBytes(consumed);
    yield chunk;
  }
}

/** The minimal part of a WHATWG ReadableStream used here (Blob.stream(), Response.body). */
export interface ByteReadable {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

/** A ReadableStream as an async iterable (Safari's streams are not iterable); stops cleanly. */
export async function* readableChunks(stream: ByteReadable): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done) {
        done = true;
        return;
      }
      if (result.value) yield result.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Every byte of a stream in one buffer (for formats that need random access, e.g. Parquet). */
export async function readAllBytes(bytes: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of bytes) {
    chunks.push(chunk);
    length += chunk.length;
  }
  return concatChunks(chunks, length);
}

/** Joins byte chunks whose lengths add up to `length` into one array (the chunk itself if only one). */
export function concatChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
