import { ModelLoadError } from '../../core/model_load_error';
import { fileNameOf, type Fetcher, type FetchOptions } from './fetcher';

/** The Cache Storage bucket that keeps downloaded model files, so a second visit works offline. */
export const MODEL_CACHE_NAME = 'papermap-models';

/** What createHttpFetcher needs from its environment; the globals by default, fakes in tests. */
export interface HttpFetcherOptions {
  /** Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Default: globalThis.caches where it exists (browsers, workers on https); null: no caching. */
  caches?: CacheStorage | null;
  /** Default: MODEL_CACHE_NAME. */
  cacheName?: string;
}

/**
 * A Fetcher over HTTP(S) that keeps every complete download in Cache Storage and answers from it
 * next time, offline included. Reports progress from Content-Length; an error status is a
 * ModelLoadError 'http', and a refused request (offline, DNS, CORS) a ModelLoadError 'network'.
 */
export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const storage = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
  const cacheName = options.cacheName ?? MODEL_CACHE_NAME;
  const openCache = async (): Promise<Cache | null> => {
    try {
      return storage ? await storage.open(cacheName) : null;
    } catch {
      return null; // Cache Storage can be disabled (private browsing, opaque origin): just download.
    }
  };
  return {
    async fetch(url: string, { signal, onProgress }: FetchOptions = {}): Promise<ArrayBuffer> {
      signal?.throwIfAborted();
      const name = fileNameOf(url);
      const cache = await openCache();
      const cached = await cache?.match(url);
      if (cached) {
        const bytes = await cached.arrayBuffer();
        onProgress?.(bytes.byteLength, bytes.byteLength);
        return bytes;
      }
      let response: Response;
      try {
        response = await doFetch(url, { signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw new ModelLoadError(
          'network',
          `${name}: could not download ${url} (offline, or the server refused a cross-origin ` +
            `request): ${error instanceof Error ? error.message : String(error)}`,
          url,
          { cause: error },
        );
      }
      if (!response.ok) {
        throw new ModelLoadError(
          'http',
          `${name}: HTTP ${response.status} ${response.statusText} (${url})`.replace('  ', ' '),
          url,
        );
      }
      const bytes = await readWithProgress(response, onProgress);
      // A failed cache write only costs the next visit a download.
      await cache?.put(url, new Response(bytes)).catch(() => {});
      return bytes;
    },
  };
}

/** Reads a response body, reporting bytes as they arrive. */
async function readWithProgress(
  response: Response,
  onProgress?: (bytes: number, total: number) => void,
): Promise<ArrayBuffer> {
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  if (!response.body || !onProgress) return response.arrayBuffer();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
