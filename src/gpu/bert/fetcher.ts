import { ModelLoadError } from '../../core/model_load_error';

/** Options of one Fetcher.fetch call. */
export interface FetchOptions {
  signal?: AbortSignal;
  /** Bytes received so far and the total (0 when the server does not say). */
  onProgress?: (bytes: number, total: number) => void;
}

/**
 * Reads a file by URL: over HTTP (http_fetcher.ts), from files the user picked (file_fetcher.ts)
 * or from memory (tests). Failures reject with ModelLoadError ('http' for a missing file).
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<ArrayBuffer>;
}

/** The last path segment of a URL, e.g. "config.json"; used in messages and by file fetchers. */
export function fileNameOf(url: string): string {
  return (
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? url
  );
}

/**
 * A Fetcher over bytes held in memory, keyed by full URL; a URL that is not there fails as an
 * HTTP 404 would. Copies out each answer, so callers may keep or transfer it.
 */
export function createMemoryFetcher(files: Readonly<Record<string, Uint8Array | string>>): Fetcher {
  return {
    async fetch(url, options = {}) {
      options.signal?.throwIfAborted();
      const file = files[url];
      if (file === undefined) {
        throw new ModelLoadError('http', `${fileNameOf(url)}: HTTP 404 Not Found (${url})`, url);
      }
      const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
      const copy = bytes.slice().buffer;
      options.onProgress?.(copy.byteLength, copy.byteLength);
      return copy;
    },
  };
}
