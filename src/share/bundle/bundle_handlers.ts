import type { RpcHandlers } from '../../core/rpc/protocol';
import { encodeBundleFile, readWireBundleStream, SourceError } from './bundle_file';
import { MAX_BUNDLE_BYTES, type MapBundle } from './map_bundle';
import type { WireBundle } from './wire_bundle';
import { sliceStringChunks, type StringChunks } from '../../core/packed_strings';

/** The bundle worker's API: read and write `.papermap` files off the main thread. */
export interface BundleApi {
  /**
   * Reads and validates a bundle from a file or a URL (fetched here, capped at 1 GiB), its papers
   * packed for the page (bundleFromWire unpacks them). Progress is the fraction of the file read
   * (stage 'read') or downloaded ('download'; 0 throughout when the host sends no length), first
   * reported as soon as the bytes start to come. When the map comes before the papers' abstracts
   * (unpackWireBundle), it is sent at once as a partial result (OpenedPart), a WireBundle whose
   * abstracts are empty, then the abstracts in pieces, and the answer is how many parts were sent.
   */
  open(args: { file?: Blob; url?: string; name: string }): Promise<OpenedBundle>;
  /** Encodes a bundle as a gzipped `.papermap` file. */
  save(args: { bundle: MapBundle }): Promise<Uint8Array>;
}

/** What `open` answers: the whole bundle, or how many parts (OpenedPart) it sent instead. */
export type OpenedBundle = { bundle: WireBundle } | { parts: number };

/** A part of a bundle sent before `open` answers: its map first, then pieces of its abstracts. */
export type OpenedPart =
  { map: WireBundle } | { abstracts: { first: number; chunks: StringChunks } };

/** Abstracts per piece: ~4 MB of text, a few milliseconds to clone on the page. */
const ABSTRACTS_PER_PART = 4096;

/** The bundle worker's handlers (workers/bundle.worker.ts serves them). */
export function createBundleHandlers(fetcher: typeof fetch = fetch): RpcHandlers<BundleApi> {
  return {
    open: async ({ file, url, name }, ctx) => {
      // Read as a stream: a gzip file is unpacked while it is still downloading.
      const source = file
        ? counted(file.stream(), file.size, (fraction) => ctx.onProgress(fraction, 'read'), {
            tooLarge: () => new Error(`the map ${name} is larger than 1 GiB`),
          })
        : await download(url ?? '', name, fetcher, ctx.signal, ctx.onProgress);
      let sent = false;
      const send = (part: OpenedPart) => ctx.onPartial(part);
      const bundle = await readWireBundleStream(source, name, {
        onMap: (map) => {
          // Moved, not copied: 40 MB of arrays at 100k papers, ~0.15 s to clone on both sides.
          ctx.onPartial({ map } satisfies OpenedPart, { transfer: true });
          sent = true;
        },
      });
      ctx.signal.throwIfAborted();
      if (!sent) return { bundle };
      const pieces = sliceStringChunks(bundle.corpus.table.abstract, ABSTRACTS_PER_PART);
      for (const abstracts of pieces) send({ abstracts });
      return { parts: 1 + pieces.length };
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
  const body = response.body ?? new Blob([await response.arrayBuffer()]).stream();
  return counted(body, total, (fraction) => onProgress(fraction, 'download'), {
    failed: (error) => (signal.aborted ? error : failed(error)),
    tooLarge: () => new SourceError(`the map ${name} is larger than 1 GiB`),
  });
}

/**
 * `body` passed through, reporting the fraction of `total` bytes read (0 without a total) at the
 * start and after each piece, and refusing more than a bundle may hold; `errors` turn a failed
 * read and an oversized body into the caller's own errors.
 */
function counted(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  total: number,
  onProgress: (fraction: number) => void,
  errors: { failed?: (error: unknown) => unknown; tooLarge: () => Error },
): ReadableStream<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream({
    start: () => onProgress(0),
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw errors.failed ? errors.failed(error) : error;
      }
      if (chunk.done) return controller.close();
      size += chunk.value.length;
      if (size > MAX_BUNDLE_BYTES) {
        await reader.cancel();
        throw errors.tooLarge();
      }
      controller.enqueue(chunk.value);
      onProgress(total ? Math.min(1, size / total) : 0);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
