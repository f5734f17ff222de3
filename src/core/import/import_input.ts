import { readableChunks, type ByteReadable } from './byte_stream';
import type { ByteSource } from './format';

/** One file to import, however it arrived: a browser File or Blob, a fetch Response, a Node file. */
export interface ImportInput {
  /** The file name (or the URL's last path segment) used in the report. */
  name: string;
  /** Size in bytes, or 0 when unknown (a response without Content-Length). */
  size: number;
  /** The bytes from the start; called once per import. */
  stream(): AsyncIterable<Uint8Array>;
  /** Random access to the bytes, where the source allows it (needed by Parquet). */
  bytes?: ByteSource;
}

/** The part of a Blob (or File, or Node's fs.openAsBlob result) that an import reads. */
export interface BlobLike {
  readonly size: number;
  stream(): ByteReadable;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** The part of a fetch Response that an import reads. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ByteReadable | null;
}

/** A fetch function (the platform's, or a stand-in in tests). */
export type FetchLike = (url: string, init: { signal?: AbortSignal }) => Promise<ResponseLike>;

/** An import input reading a Blob or File; `slice` gives Parquet random access without copying. */
export function inputFromBlob(blob: BlobLike, name: string): ImportInput {
  return {
    name,
    size: blob.size,
    stream: () => readableChunks(blob.stream()),
    bytes: { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() },
  };
}

/** An import input over bytes already in memory (tests, small files), streamed in 64 KiB chunks. */
export function inputFromBytes(name: string, data: Uint8Array, chunkSize = 64 * 1024): ImportInput {
  return {
    name,
    size: data.length,
    async *stream() {
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    },
    bytes: {
      byteLength: data.length,
      slice: (start, end) => data.slice(start, end).buffer as ArrayBuffer,
    },
  };
}

/** An import input over text, encoded as UTF-8 (tests and the CLI's stdin). */
export function inputFromText(name: string, text: string, chunkSize?: number): ImportInput {
  return inputFromBytes(name, new TextEncoder().encode(text), chunkSize);
}

/** The name a URL's file goes by in the report: its last path segment, else its host. */
export function nameOfUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.host || url;
  } catch {
    return url;
  }
}

/**
 * Fetches a URL as an import input, streaming its body; a network, CORS or HTTP failure throws
 * an Error that says which, e.g. "could not fetch https://…/a.jsonl: HTTP 404 Not Found".
 */
export async function fetchInput(
  url: string,
  options: { signal?: AbortSignal; fetch?: FetchLike } = {},
): Promise<ImportInput> {
  const fetcher = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  let response: ResponseLike;
  try {
    response = await fetcher(url, { signal: options.signal });
  } catch (error) {
    options.signal?.throwIfAborted();
    // Browsers report CORS refusals and network failures alike, as a bare TypeError.
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new Error(
      `could not fetch ${url}: the network failed or the server does not allow this site to read it (CORS)${why}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    const text = response.statusText ? ` ${response.statusText}` : '';
    throw new Error(`could not fetch ${url}: HTTP ${response.status}${text}`);
  }
  const body = response.body;
  const length = Number(response.headers.get('content-length'));
  // A compressed transfer's Content-Length counts compressed bytes, not the bytes we read.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  return {
    name: nameOfUrl(url),
    size: Number.isFinite(length) && length > 0 && !encoded ? length : 0,
    stream: () => (body ? readableChunks(body) : (async function* () {})()),
  };
}
