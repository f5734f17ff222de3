import type { StringChunks } from '../../core/packed_strings';
import { failIn } from './bundle_error';
import { abstractsTextPlace, decodePaperAbstracts } from './paper_table_bytes';
import { locateSections, MAX_HEADER_BYTES, readBundleHeader } from './read_bundle';
import { PREFIX_BYTES } from './write_bundle';

// Reading a container map first: writeBundle stores the papers last and their abstracts' text
// last in them, so a reader of a stream can show the map (readWireBundle with
// `abstracts: false`) before the abstracts, most of the file, have come.

/**
 * The papers' abstracts from a whole container that readWireBundle read with `abstracts: false`
 * before the rest of it had come; checked as readWireBundle checks them.
 */
export function readBundleAbstracts(bytes: Uint8Array, name: string): StringChunks {
  const fail = failIn(name);
  const { header, dataStart } = readBundleHeader(bytes, fail);
  const e = locateSections(header, dataStart, bytes.length, fail).get('papers')!;
  const section = bytes.subarray(e.offset, e.offset + e.length);
  return decodePaperAbstracts(section, header.n, (m) => fail(`section 'papers': ${m}`));
}

/**
 * Where a container's map ends and its abstracts begin, when it is laid out as writeBundle lays
 * it out (version 3 or later, papers last, their abstracts' text last in them), so a reader of a
 * stream can show the map before the abstracts come (readWireBundle with `abstracts: false`).
 * `bytes` is the start of the container, as much as has come. Null when the file is not laid out
 * so; `{ wait }` when the answer needs the first `wait` bytes, more than have come.
 */
export function papersFirstEnd(bytes: Uint8Array, name: string): number | null | { wait: number } {
  if (bytes.length < PREFIX_BYTES) return { wait: PREFIX_BYTES };
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const headerEnd = PREFIX_BYTES + Math.min(headerLength, MAX_HEADER_BYTES);
  if (bytes.length < headerEnd) return { wait: headerEnd };
  const { header } = readBundleHeader(bytes.subarray(0, headerEnd), failIn(name));
  const papers = header.sections.find((s) => s.name === 'papers');
  if (header.version < 3 || !papers) return null;
  if (header.sections.some((s) => s !== papers && s.offset + s.length > papers.offset)) return null;
  if (bytes.length < papers.offset + 4) return { wait: papers.offset + 4 };
  const directoryLength = new DataView(bytes.buffer, bytes.byteOffset + papers.offset).getUint32(
    0,
    true,
  );
  if (directoryLength > papers.length) return null;
  const directoryEnd = papers.offset + 4 + directoryLength;
  if (bytes.length < directoryEnd) return { wait: directoryEnd };
  const text = abstractsTextPlace(bytes.subarray(papers.offset, directoryEnd));
  return typeof text === 'number' && text <= papers.length ? papers.offset + text : null;
}
