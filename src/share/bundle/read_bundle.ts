import { parseHeader, type BundleHeader } from './bundle_header';
import { topicLevelsProblem, validateTopics } from './bundle_topics';
import { failIn } from './bundle_error';
import {
  align8,
  DTYPE_BYTES,
  SECTION_NAMES,
  sectionSpec,
  shapeSize,
  shapeText,
  type SectionEntry,
  type SectionName,
} from './bundle_layout';
import { basisProblem } from '../../core/vector_basis';
import { notFinite, notFiniteOrNegative, outOfRange } from './bundle_values';
import { decodeDistances } from './distance_codes';
import { unpackInt4 } from './int4_codes';
import { paperTableFromJson } from './paper_columns';
import { decodePaperTable } from './paper_table_bytes';
import { checkPaperTable } from './paper_table_check';
import { bundleFromWire, type WireBundle } from './wire_bundle';
import { unshuffleBytes } from './byte_shuffle';
import { crc32, crc32Hex } from './crc32';
import { BUNDLE_MAGIC, MAX_BUNDLE_BYTES, count, type MapBundle } from './map_bundle';
import { assertLittleEndian, PREFIX_BYTES } from './write_bundle';

/** Largest JSON header accepted, in bytes (the table of 8 sections needs about 2 KB). */
export const MAX_HEADER_BYTES = 1024 * 1024;

type Fail = (message: string) => never;

/**
 * Reads a bundle container (uncompressed: see readBundleFile for what is on disk), treating it as
 * untrusted: sizes, magic, version, every section's place, shape and checksum, every index and
 * every paper are checked before use. Throws a BundleError naming `name` and the section or
 * field; never reads out of bounds.
 */
export function readBundle(bytes: Uint8Array, name: string): MapBundle {
  return bundleFromWire(readWireBundle(bytes, name));
}

/**
 * readBundle, with the papers left packed for posting to the page (WireBundle).
 * `sectionChecksums: false` skips the sections' CRC-32s, for a container that came out of a
 * gzip stream: gunzip has checked the stream's own CRC-32 over every byte of it, and checking
 * 200 MB twice costs a quarter of a second on the way to a shared map's first frame. The header's
 * checksum and every value are still checked.
 *
 * `abstracts: false` reads a container whose papers section may stop where the abstracts' text
 * begins (a stream still arriving, see papersFirstEnd in map_first.ts): the papers' abstracts are empty and their
 * section's checksum is not checked; every other section must be whole.
 */
export function readWireBundle(
  bytes: Uint8Array,
  name: string,
  options: { sectionChecksums?: boolean; abstracts?: boolean } = {},
): WireBundle {
  assertLittleEndian();
  const fail = failIn(name);
  const { header, dataStart } = readBundleHeader(bytes, fail);
  const partial = options.abstracts === false;
  const papersEnd = sectionEnd(header, 'papers');
  const entries = locateSections(
    header,
    dataStart,
    partial ? Math.max(bytes.length, papersEnd) : bytes.length,
    fail,
  );
  const { n, k, dim, version } = header;
  const levels = header.topicLevels ?? 0;
  const raw = (section: SectionName): Uint8Array | null => {
    const e = entries.get(section);
    if (!e) return null;
    const stored = bytes.subarray(e.offset, e.offset + e.length);
    if (partial && section === 'papers') return stored;
    if (stored.length !== e.length) fail(`section '${section}' is cut short`);
    if (options.sectionChecksums !== false && crc32Hex(stored) !== e.crc32) {
      fail(
        `section '${section}' is damaged: its checksum is ${crc32Hex(stored)}, expected ${e.crc32}`,
      );
    }
    if (e.filter === 'shuffle') return unshuffleBytes(stored, DTYPE_BYTES[e.dtype]);
    // Papers and JSON are decoded straight from the file's bytes (a copy of 100+ MB of papers
    // would be garbage at once); typed sections get their own aligned buffer.
    return e.dtype === 'json' || section === 'papers' ? stored : stored.slice();
  };
  const valid = (section: SectionName, why: string | null): void => {
    if (why) fail(`section '${section}': ${why}`);
  };
  // Version 1 stores one object per paper, version 2 one array per field (paper_columns.ts),
  // version 3 packed binary columns (paper_table_bytes.ts).
  const readPapers = () => {
    const where = `${name}: section 'papers'`;
    if (version < 3) return paperTableFromJson(json('papers'), n, version, where);
    const table = decodePaperTable(raw('papers')!, n, (m) => fail(`section 'papers': ${m}`), {
      abstracts: !partial,
    });
    checkPaperTable(table, where);
    return table;
  };
  const json = (section: 'papers' | 'topics'): unknown => {
    const value = parseJson(raw(section)!, `section '${section}'`, fail);
    const items = entries.get(section)!.shape[0];
    if (!Array.isArray(value)) return value; // the validators say what is wrong
    if (value.length !== items) {
      fail(
        `section '${section}' holds ${count(value.length)} items, but its shape says ${count(items ?? 0)}`,
      );
    }
    return value;
  };
  const papers = readPapers();
  const topics = validateTopics(json('topics'), `${name}: section 'topics'`);
  const xy = new Float32Array(raw('layout.xy')!.buffer);
  valid('layout.xy', notFinite(xy));
  const indices = new Int32Array(raw('knn.indices')!.buffer);
  valid('knn.indices', outOfRange(indices, n, 'a paper index'));
  const storedDistances = raw('knn.distances')!.buffer;
  const distances =
    version < 2
      ? new Float32Array(storedDistances)
      : decodeDistances(new Uint16Array(storedDistances));
  valid('knn.distances', notFinite(distances));
  const clusters = new Int32Array(raw('clusters')!.buffer);
  valid('clusters', outOfRange(clusters, header.clusterCount, 'a cluster id'));
  const map: WireBundle = {
    name: header.name,
    corpus: { table: papers, hash: header.corpusHash },
    embedderId: header.embedderId,
    layout: { xy, n, id: header.layout.id },
    layoutParams: header.layout.params,
    graph: { indices, distances, n, k },
    clusters,
    clusterCount: header.clusterCount,
    topics,
  };
  if (dim !== null) {
    let codes: Int8Array;
    if (header.vectorBits === 4) {
      const unpacked = unpackInt4(raw('vectors.codes4')!, n, dim);
      if ('problem' in unpacked) return fail(`section 'vectors.codes4': ${unpacked.problem}`);
      codes = unpacked.codes;
    } else codes = new Int8Array(raw('vectors.codes')!.buffer);
    const scales = new Float32Array(raw('vectors.scales')!.buffer);
    valid('vectors.scales', notFiniteOrNegative(scales));
    map.vectors = { codes, scales, n, dim };
    if (header.basisDim !== undefined) {
      const rows = new Float32Array(raw('vectors.basis')!.buffer);
      valid('vectors.basis', basisProblem(rows, dim, header.basisDim));
      map.vectorBasis = { rows, dim, fullDim: header.basisDim };
    }
  }
  if (levels > 0) {
    const all = new Int32Array(raw('topics.assignment')!.buffer);
    const rows = Array.from({ length: levels }, (_, l) => all.subarray(l * n, (l + 1) * n));
    valid('topics.assignment', topicLevelsProblem(topics, rows, n));
    map.topicLevels = rows;
  }
  return map;
}

/** Where section `name` ends by the header's table (0 without it). */
function sectionEnd(header: BundleHeader, name: SectionName): number {
  const e = header.sections.find((s) => s.name === name);
  return e ? e.offset + e.length : 0;
}

/** The prefix and JSON header, checked: magic, lengths, checksum, fields. */
export function readBundleHeader(
  bytes: Uint8Array,
  fail: Fail,
): { header: BundleHeader; dataStart: number } {
  if (bytes.length > MAX_BUNDLE_BYTES) {
    fail(`the file is ${count(bytes.length)} bytes, more than the 1 GiB a bundle may have`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    fail('the file is gzip-compressed: read it with readBundleFile, which decompresses it');
  }
  if (bytes.length < PREFIX_BYTES)
    fail(`the file is ${bytes.length} bytes, too short for a bundle`);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== BUNDLE_MAGIC)
    fail(`not a papermap bundle: it does not start with "${BUNDLE_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PREFIX_BYTES);
  const headerLength = view.getUint32(8, true);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > bytes.length) {
    fail(
      `the header length ${count(headerLength)} runs past the end of the file (${count(bytes.length)} bytes)`,
    );
  }
  const headerBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength);
  if (crc32(headerBytes) !== view.getUint32(12, true)) fail('the header is damaged (checksum)');
  const header = parseHeader(parseJson(headerBytes, 'the header', fail), fail);
  // Sections start after the header, which is padded to a multiple of 8.
  return { header, dataStart: align8(PREFIX_BYTES + headerLength) };
}

/** Every section's entry by name, after checking it against the counts and the file's size. */
export function locateSections(
  header: BundleHeader,
  dataStart: number,
  fileLength: number,
  fail: Fail,
): Map<SectionName, SectionEntry> {
  const entries = new Map<SectionName, SectionEntry>();
  for (const e of header.sections) {
    if (entries.has(e.name)) fail(`section '${e.name}' appears twice in the section table`);
    entries.set(e.name, e);
  }
  const counts = {
    ...header,
    levels: header.topicLevels ?? 0,
    basisDim: header.basisDim ?? null,
    vectorBits: header.vectorBits ?? (8 as const),
  };
  for (const name of SECTION_NAMES) {
    const spec = sectionSpec(name, counts);
    const e = entries.get(name);
    if (!spec && e) {
      const why =
        name === 'topics.assignment'
          ? 'topicLevels is 0'
          : header.dim === null
            ? 'dim is null'
            : name === 'vectors.basis'
              ? 'the header has no basisDim'
              : `vectorBits is ${header.vectorBits ?? 8}`;
      fail(`section '${name}' is present, but ${why}`);
    }
    if (!spec) continue;
    if (!e) return fail(`section '${name}' is missing`);
    const at = `section '${name}'`;
    if (e.dtype !== spec.dtype) fail(`${at} has dtype ${e.dtype}, expected ${spec.dtype}`);
    if (spec.shape) {
      const expected = shapeSize(spec.shape);
      const actual = shapeSize(e.shape);
      if (actual !== expected) {
        fail(`${at} has ${count(actual)} entries, expected ${spec.formula} = ${count(expected)}`);
      }
      if (e.shape.join() !== spec.shape.join()) {
        fail(
          `${at} has shape ${shapeText(e.shape)}, expected ${spec.formula} = ${shapeText(spec.shape)}`,
        );
      }
    } else if (e.shape.length !== 1) fail(`${at} has shape ${shapeText(e.shape)}, expected a list`);
    const width = DTYPE_BYTES[e.dtype];
    if (e.dtype !== 'json' && e.length !== shapeSize(e.shape) * width) {
      fail(
        `${at} is ${count(e.length)} bytes, expected ${count(shapeSize(e.shape) * width)} for ${count(shapeSize(e.shape))} ${e.dtype} entries`,
      );
    }
    if (e.filter === 'shuffle' && width < 2) fail(`${at} cannot be byte-shuffled`);
    if (e.offset % 8 !== 0) fail(`${at} starts at byte ${count(e.offset)}, not a multiple of 8`);
    if (e.offset < dataStart) fail(`${at} starts at byte ${count(e.offset)}, inside the header`);
    if (e.offset + e.length > fileLength) {
      fail(
        `${at} runs past the end of the file: bytes ${count(e.offset)}–${count(e.offset + e.length)} of ${count(fileLength)}`,
      );
    }
  }
  const sorted = [...entries.values()].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.offset + prev.length > sorted[i]!.offset) {
      fail(`sections '${prev.name}' and '${sorted[i]!.name}' overlap`);
    }
  }
  return entries;
}

/** Strict UTF-8 and JSON, each failure named. */
function parseJson(bytes: Uint8Array, what: string, fail: Fail): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${what} is not valid UTF-8`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? `: ${error.message}` : '';
    return fail(`${what} is not valid JSON${why}`);
  }
}
