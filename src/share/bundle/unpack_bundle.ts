import { concatChunks } from '../../core/import/byte_stream';
import { failIn } from './bundle_error';
import { count } from './map_bundle';
import { papersFirstEnd, readBundleAbstracts } from './map_first';
import { readWireBundle } from './read_bundle';
import type { WireBundle } from './wire_bundle';

/** Errors of a bundle's source (a download): passed on as they are, not taken for bad gzip. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Gunzips a `.papermap` stream and reads the bundle in it, at most `limit` bytes unpacked.
 *
 * With `onMap`, a file laid out as writeBundle lays it out (papersFirstEnd) is read in two steps:
 * as soon as every byte before the abstracts' text has come, `onMap` gets the map without its
 * abstracts, its sections checked against their own CRC-32s (gzip's covers them only at the end);
 * at the end the abstracts are read into it and the whole bundle is returned. At 100k papers the
 * abstracts are two thirds of the file: a shared map is drawn that much sooner, and on a slow
 * network, long before the download ends. Without `onMap`, or for other files, the bundle is read
 * once, whole, its sections' CRC-32s left to gzip's.
 */
export async function unpackWireBundle(
  gzipped: ReadableStream<Uint8Array<ArrayBuffer>>,
  name: string,
  limit: number,
  onMap?: (map: WireBundle) => void,
): Promise<WireBundle> {
  const fail = failIn(name);
  const reader = gzipped.pipeThrough(new DecompressionStream('gzip')).getReader();
  let chunks: Uint8Array[] = [];
  let total = 0;
  // Where the map ends (papersFirstEnd): null when it cannot come first, a number of bytes to
  // wait for before asking again while it is not known.
  let mapEnd: ReturnType<typeof papersFirstEnd> = onMap ? { wait: 0 } : null;
  let map: WireBundle | null = null;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (error instanceof SourceError) throw error;
        const why = error instanceof Error && error.message ? ` (${error.message})` : '';
        return fail(`the file is not valid gzip data${why}`);
      }
      if (next.done) break;
      total += next.value.length;
      if (total > limit) {
        fail(`the file unpacks to more than the ${count(limit)} bytes a bundle may have here`);
      }
      chunks.push(next.value);
      if (mapEnd !== null && typeof mapEnd === 'object' && total >= mapEnd.wait) {
        // One copy of what has come, which the rest is added to.
        chunks = [concatChunks(chunks, total)];
        mapEnd = papersFirstEnd(chunks[0]!, name);
      }
      if (onMap && !map && typeof mapEnd === 'number' && total >= mapEnd) {
        chunks = [concatChunks(chunks, total)];
        map = readWireBundle(chunks[0]!, name, { abstracts: false });
        onMap(map);
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  const container = concatChunks(chunks, total);
  // Gunzip has checked the stream's CRC-32 over the whole container: the sections' own are
  // redundant now.
  if (!map) return readWireBundle(container, name, { sectionChecksums: false });
  map.corpus.table.abstract = readBundleAbstracts(container, name);
  return map;
}
