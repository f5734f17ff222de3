import { ModelLoadError } from '../../core/model_load_error';
import { fileNameOf, type Fetcher } from './fetcher';

/** A file the user picked: a browser File, or anything with a name and bytes. */
export interface NamedBlob {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A Fetcher over files the user picked from disk (config.json, model.safetensors,
 * tokenizer.json): a URL is answered by the file of the same name, whatever its base, so any base
 * URL works; a file not picked fails naming the files that were.
 */
export function createFileFetcher(files: Iterable<NamedBlob>): Fetcher {
  const byName = new Map<string, NamedBlob>();
  for (const file of files) byName.set(fileNameOf(file.name), file);
  return {
    async fetch(url, { signal, onProgress } = {}) {
      signal?.throwIfAborted();
      const name = fileNameOf(url);
      const file = byName.get(name);
      if (!file) {
        const picked = [...byName.keys()].join(', ') || 'none';
        throw new ModelLoadError(
          'http',
          `${name} was not among the picked files (${picked})`,
          name,
        );
      }
      const bytes = await file.arrayBuffer();
      onProgress?.(bytes.byteLength, bytes.byteLength);
      return bytes;
    },
  };
}
