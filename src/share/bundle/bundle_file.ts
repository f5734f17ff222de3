import { concatChunks } from '../../core/import/byte_stream';
import { failIn } from './bundle_error';
import { compactVectors } from './compact_vectors';
import { count, MAX_BUNDLE_BYTES, type MapBundle } from './map_bundle';
import { readWireBundle } from './read_bundle';
import { bundleFromWire, type WireBundle } from './wire_bundle';
import { unpackWireBundle } from './unpack_bundle';
import { writeBundle } from './write_bundle';

export { SourceError } from './unpack_bundle';

/**
 * A bundle on disk and on the web is its container gzipped as a whole (a `.papermap` file is a
 * gzip stream, like `.tar.gz`): the papers' text shrinks about 3× and the shuffled typed
 * sections 10–60 %, static hosts serve it as is (most would not compress an unknown file type),
 * and CompressionStream and DecompressionStream do the work natively in browsers, workers and
 * Node ≥ 18. readBundleFile also accepts an uncompressed container.
 */

/** The MIME type a static host should serve `.papermap` files with. */
export const BUNDLE_MIME_TYPE = 'application/octet-stream';

/**
 * Encodes a map as the bytes of a `.papermap` file: its vectors reduced to 128 dimensions with
 * their basis (compactVectors) unless `compact: false`, then writeBundle, gzipped unless
 * `gzip: false`.
 */
export async function encodeBundleFile(
  map: MapBundle,
  options: { gzip?: boolean; compact?: boolean } = {},
): Promise<Uint8Array> {
  const container = writeBundle(options.compact === false ? map : compactVectors(map));
  return options.gzip === false ? container : gzip(container);
}

/**
 * Reads a `.papermap` file: gunzips it when it starts with gzip's magic (stopping past
 * `maxUnpackedBytes` of output, default 1 GiB, so a small file cannot expand without bound), then
 * readBundle. Throws a BundleError naming `name`.
 */
export async function readBundleFile(
  bytes: Uint8Array,
  name: string,
  options: { maxUnpackedBytes?: number } = {},
): Promise<MapBundle> {
  if (bytes.length > MAX_BUNDLE_BYTES) {
    failIn(name)(`the file is ${count(bytes.length)} bytes, more than the 1 GiB a bundle may have`);
  }
  // A Blob holds its own copy: the caller keeps its buffer.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return bundleFromWire(await readWireBundleStream(stream, name, options));
}

/**
 * Reads a `.papermap` file as it arrives (a download, a picked file): a gzip file is unpacked
 * while the rest is still coming, rather than after, and with `onMap` its map is given before its
 * abstracts have come (unpackWireBundle). Errors of the source itself (a failed download) should
 * be SourceErrors: they are passed on as they are, not taken for bad gzip data.
 */
export async function readWireBundleStream(
  source: ReadableStream<Uint8Array<ArrayBuffer>>,
  name: string,
  options: { maxUnpackedBytes?: number; onMap?: (map: WireBundle) => void } = {},
): Promise<WireBundle> {
  const fail = failIn(name);
  const limit = Math.min(options.maxUnpackedBytes ?? MAX_BUNDLE_BYTES, MAX_BUNDLE_BYTES);
  const { head, stream } = await peek(source, 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    const bytes = await collect(stream, MAX_BUNDLE_BYTES).catch((error: unknown) => {
      if (error instanceof RangeError) {
        return fail('the file is more than the 1 GiB a bundle may have');
      }
      throw error;
    });
    return readWireBundle(bytes, name);
  }
  return unpackWireBundle(stream, name, limit, options.onMap);
}

/** Gzips bytes with the platform's CompressionStream (default level). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return collect(stream.pipeThrough(new CompressionStream('gzip')), Infinity);
}

/** The first `count` bytes of a stream (fewer if it is shorter) and the whole stream again. */
async function peek(
  source: ReadableStream<Uint8Array<ArrayBuffer>>,
  count: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array<ArrayBuffer>> }> {
  const reader = source.getReader();
  const seen: Uint8Array<ArrayBuffer>[] = [];
  let length = 0;
  while (length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    seen.push(value);
    length += value.length;
  }
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head: concatChunks(seen, length).subarray(0, count), stream };
}

/** Every byte of a stream in one buffer; a RangeError past `limit` bytes (and it is cancelled). */
async function collect(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  limit: number,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new RangeError('output limit');
    }
    chunks.push(value);
  }
  return concatChunks(chunks, total);
}
