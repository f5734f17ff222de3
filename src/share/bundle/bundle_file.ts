import { concatChunks } from '../../core/import/byte_stream';
import { BundleError, failIn } from './bundle_error';
import { compactVectors } from './compact_vectors';
import { count, MAX_BUNDLE_BYTES, type MapBundle } from './map_bundle';
import { readWireBundle } from './read_bundle';
import { bundleFromWire, type WireBundle } from './wire_bundle';
import { writeBundle } from './write_bundle';

/**
 * A bundle on disk and on the web is its container gzipped as a whole (a `.papermap` file is a
 * gzip stream, like `.tar.gz`): the papers' JSON shrinks about 3× and the shuffled typed
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
  return bundleFromWire(await readWireBundleFile(bytes, name, options));
}

/** readBundleFile with the papers left packed for posting to the page (see WireBundle). */
export async function readWireBundleFile(
  bytes: Uint8Array,
  name: string,
  options: { maxUnpackedBytes?: number } = {},
): Promise<WireBundle> {
  const fail = failIn(name);
  if (bytes.length > MAX_BUNDLE_BYTES) {
    fail(`the file is ${count(bytes.length)} bytes, more than the 1 GiB a bundle may have`);
  }
  const limit = Math.min(options.maxUnpackedBytes ?? MAX_BUNDLE_BYTES, MAX_BUNDLE_BYTES);
  const isGzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) return readWireBundle(bytes, name);
  // Gunzip checked the stream's CRC-32 over the whole container: the sections' own are redundant.
  return readWireBundle(await gunzip(bytes, limit, fail), name, { sectionChecksums: false });
}

/** Gzips bytes with the platform's CompressionStream (default level). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipeThrough(bytes, new CompressionStream('gzip'), Infinity);
}

/** Gunzips bytes, failing with a clear message on corrupt data or more than `limit` bytes out. */
async function gunzip(bytes: Uint8Array, limit: number, fail: (m: string) => never) {
  try {
    return await pipeThrough(bytes, new DecompressionStream('gzip'), limit);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    if (error instanceof RangeError) {
      return fail(`the file unpacks to more than the ${count(limit)} bytes a bundle may have here`);
    }
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    return fail(`the file is not valid gzip data${why}`);
  }
}

/** Runs bytes through a transform stream and collects the output, up to `limit` bytes. */
async function pipeThrough(
  bytes: Uint8Array,
  transform: { writable: WritableStream<BufferSource>; readable: ReadableStream<Uint8Array> },
  limit: number,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Written without awaiting: the reader below drains the output, which lets the input in.
  // A copy: the stream may transfer or hold the buffer, which belongs to the caller.
  const written = writer.write(bytes.slice() as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('output limit');
    }
    chunks.push(value);
  }
  await written;
  return concatChunks(chunks, total);
}
