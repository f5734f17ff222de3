import { concatChunks } from '../../core/import/byte_stream';
import type { RpcHandlers } from '../../core/rpc/protocol';
import { encodeBundleFile, readWireBundleFile } from './bundle_file';
import { MAX_BUNDLE_BYTES, type MapBundle } from './map_bundle';
import type { WireBundle } from './wire_bundle';

/** The bundle worker's API: read and write `.papermap` files off the main thread. */
export interface BundleApi {
  /**
   * Reads and validates a bundle from a file or a URL (fetched here, capped at 1 GiB), its papers
   * packed for the page (bundleFromWire unpacks them).
   */
  open(args: { file?: Blob; url?: string; name: string }): Promise<WireBundle>;
  /** Encodes a bundle as a gzipped `.papermap` file. */
  save(args: { bundle: MapBundle }): Promise<Uint8Array>;
}

/** The bundle worker's handlers (workers/bundle.worker.ts serves them). */
export function createBundleHandlers(fetcher: typeof fetch = fetch): RpcHandlers<BundleApi> {
  return {
    open: async ({ file, url, name }, ctx) => {
      const bytes = file
        ? new Uint8Array(await file.arrayBuffer())
        : await fetchCapped(url ?? '', name, fetcher, ctx.signal, ctx.onProgress);
      ctx.signal.throwIfAborted();
      return readWireBundleFile(bytes, name);
    },
    save: async ({ bundle }) => encodeBundleFile(bundle),
  };
}

/** Downloads a URL's body, refusing more than a bundle may hold, with progress by bytes. */
async function fetchCapped(
  url: string,
  name: string,
  fetcher: typeof fetch,
  signal: AbortSignal,
  onProgress: (fraction: number, stage: string) => void,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(
      `could not fetch the map ${name}: the network or the host refused (${String(error)})`,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`could not fetch the map ${name}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (total > MAX_BUNDLE_BYTES) throw new Error(`the map ${name} is larger than 1 GiB`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BUNDLE_BYTES) {
      await reader.cancel();
      throw new Error(`the map ${name} is larger than 1 GiB`);
    }
    parts.push(value);
    if (total) onProgress(size / total, 'download');
  }
  return concatChunks(parts, size);
}
