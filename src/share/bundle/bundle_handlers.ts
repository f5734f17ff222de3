import type { RpcHandlers } from '../../core/rpc/protocol';
import { encodeBundleFile, readWireBundleStream, SourceError } from './bundle_file';
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
      // Read as a stream: a gzip file is unpacked while it is still downloading.
      const source = file
        ? file.stream()
        : await download(url ?? '', name, fetcher, ctx.signal, ctx.onProgress);
      const bundle = await readWireBundleStream(source, name);
      ctx.signal.throwIfAborted();
      return bundle;
    },
    save: async ({ bundle }) => encodeBundleFile(bundle),
  };
}

/**
 * A URL's body as a stream, refusing more than a bundle may hold, with progress by bytes; its
 * errors are SourceErrors that say the download failed.
 */
async function download(
  url: string,
  name: string,
  fetcher: typeof fetch,
  signal: AbortSignal,
  onProgress: (fraction: number, stage: string) => void,
): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  const failed = (error: unknown) =>
    new SourceError(
      `could not fetch the map ${name}: the network or the host refused (${String(error)})`,
      { cause: error },
    );
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw failed(error);
  }
  if (!response.ok) throw new Error(`could not fetch the map ${name}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (total > MAX_BUNDLE_BYTES) throw new Error(`the map ${name} is larger than 1 GiB`);
  const body = response.body;
  if (!body) return new Blob([await response.arrayBuffer()]).stream();
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw signal.aborted ? error : failed(error);
      }
      if (chunk.done) return controller.close();
      size += chunk.value.length;
      if (size > MAX_BUNDLE_BYTES) {
        await reader.cancel();
        throw new SourceError(`the map ${name} is larger than 1 GiB`);
      }
      controller.enqueue(chunk.value);
      if (total) onProgress(size / total, 'download');
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
