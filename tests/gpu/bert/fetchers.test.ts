import { describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../../src/core/model_load_error';
import { createMemoryFetcher, fileNameOf } from '../../../src/gpu/bert/fetcher';
import { createFileFetcher } from '../../../src/gpu/bert/file_fetcher';
import { createHttpFetcher, MODEL_CACHE_NAME } from '../../../src/gpu/bert/http_fetcher';

const URL = 'https://huggingface.co/org/model/resolve/main/config.json';

/** A Cache Storage in memory, with the two methods the fetcher uses. */
function memoryCaches() {
  const buckets = new Map<string, Map<string, Response>>();
  const storage = {
    async open(name: string) {
      const bucket = buckets.get(name) ?? new Map<string, Response>();
      buckets.set(name, bucket);
      return {
        match: async (url: string) => bucket.get(url)?.clone(),
        put: async (url: string, response: Response) => void bucket.set(url, response),
      };
    },
  };
  return { storage: storage as unknown as CacheStorage, buckets };
}

async function rejection(promise: Promise<unknown>): Promise<ModelLoadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  return error as ModelLoadError;
}

describe('fetchers', () => {
  it('name a file by the last segment of its URL', () => {
    expect(fileNameOf(URL)).toBe('config.json');
    expect(fileNameOf('https://x/y/model.safetensors?download=true')).toBe('model.safetensors');
  });

  it('http: downloads with progress, keeps the file in Cache Storage, and works offline next time', async () => {
    const { storage, buckets } = memoryCaches();
    let calls = 0;
    const online = createHttpFetcher({
      caches: storage,
      fetch: async () => {
        calls++;
        return new Response(new Uint8Array([1, 2, 3, 4]), { headers: { 'content-length': '4' } });
      },
    });
    const progress: [number, number][] = [];
    const bytes = await online.fetch(URL, { onProgress: (b, t) => progress.push([b, t]) });
    expect(Array.from(new Uint8Array(bytes))).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(buckets.get(MODEL_CACHE_NAME)?.has(URL)).toBe(true);
    const offline = createHttpFetcher({
      caches: storage,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(Array.from(new Uint8Array(await offline.fetch(URL)))).toEqual([1, 2, 3, 4]);
    expect(calls).toBe(1);
  });

  it('http: an error status is a ModelLoadError naming the file and the status', async () => {
    const fetcher = createHttpFetcher({
      caches: null,
      fetch: async () => new Response('Entry not found', { status: 404, statusText: 'Not Found' }),
    });
    const error = await rejection(fetcher.fetch(URL));
    expect(error.failure).toBe('http');
    expect(error.message).toBe(`config.json: HTTP 404 Not Found (${URL})`);
  });

  it('http: a refused request (offline, CORS) is a network ModelLoadError that says so', async () => {
    const fetcher = createHttpFetcher({
      caches: null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await rejection(fetcher.fetch(URL));
    expect(error.failure).toBe('network');
    expect(error.message).toMatch(
      /config.json: could not download .*cross-origin.*Failed to fetch/,
    );
  });

  it('http: an aborted download rejects with the abort reason, not a network error', async () => {
    const controller = new AbortController();
    const fetcher = createHttpFetcher({
      caches: null,
      fetch: async () => {
        controller.abort(new Error('cancelled'));
        throw new DOMException('aborted', 'AbortError');
      },
    });
    await expect(fetcher.fetch(URL, { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('files: answers a URL with the picked file of the same name, and lists them when missing', async () => {
    const fetcher = createFileFetcher([
      { name: 'config.json', arrayBuffer: async () => new Uint8Array([7]).buffer },
    ]);
    expect(new Uint8Array(await fetcher.fetch('file:///any/where/config.json'))[0]).toBe(7);
    const error = await rejection(fetcher.fetch('file:///tokenizer.json'));
    expect(error.message).toBe('tokenizer.json was not among the picked files (config.json)');
  });

  it('memory: serves copies and fails a missing URL as a 404', async () => {
    const fetcher = createMemoryFetcher({ [URL]: '{}' });
    expect(new TextDecoder().decode(await fetcher.fetch(URL))).toBe('{}');
    expect((await rejection(fetcher.fetch(`${URL}x`))).message).toMatch(/HTTP 404/);
  });
});
