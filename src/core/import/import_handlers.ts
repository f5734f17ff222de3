import type { RpcHandlers } from '../rpc/protocol';
import type { ColumnMapping } from './format';
import { importFiles, type ImportResult } from './import_corpus';
import { fetchInput, inputFromBlob, type BlobLike, type FetchLike } from './import_input';

/** A File as the worker receives it: a Blob with a name. */
export type NamedBlob = BlobLike & { readonly name: string };

/** The import worker's API (workers/import.worker.ts): parsing runs off the main thread. */
export interface ImportApi {
  /** Imports files posted from the page (Files clone cheaply: their bytes are not copied). */
  importFiles(args: {
    files: NamedBlob[];
    mappings?: Record<string, ColumnMapping>;
  }): Promise<ImportResult>;
  /** Fetches a URL in the worker, streaming its body, and imports it. */
  importUrl(args: { url: string; mappings?: Record<string, ColumnMapping> }): Promise<ImportResult>;
}

/** The import worker's handlers; `fetch` is the platform's unless a test passes its own. */
export function createImportHandlers(fetch?: FetchLike): RpcHandlers<ImportApi> {
  return {
    importFiles: ({ files, mappings }, ctx) =>
      importFiles(
        files.map((file) => inputFromBlob(file, file.name)),
        { signal: ctx.signal, onProgress: ctx.onProgress, ...(mappings ? { mappings } : {}) },
      ),
    importUrl: async ({ url, mappings }, ctx) => {
      ctx.onProgress(0, `Fetching ${url}`);
      const input = await fetchInput(url, { signal: ctx.signal, ...(fetch ? { fetch } : {}) });
      return importFiles([input], {
        signal: ctx.signal,
        onProgress: ctx.onProgress,
        ...(mappings ? { mappings } : {}),
      });
    },
  };
}
