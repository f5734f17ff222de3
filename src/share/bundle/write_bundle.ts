import {
  MAX_BASIS_AXES,
  MAX_BASIS_DIM,
  MAX_DIM,
  MAX_K,
  MAX_TOPIC_LEVELS,
  type BundleHeader,
} from './bundle_header';
import { topicLevelsProblem, validateTopics } from './bundle_topics';
import { failIn } from './bundle_error';
import {
  align8,
  DTYPE_BYTES,
  sectionSpec,
  shapeSize,
  type SectionDtype,
  type SectionEntry,
  type SectionName,
} from './bundle_layout';
import { basisProblem } from '../../core/vector_basis';
import { notFinite, notFiniteOrNegative, outOfRange } from './bundle_values';
import { encodeDistances } from './distance_codes';
import { fitsInt4, int4RowBytes, packInt4 } from './int4_codes';
import { paperTableFromJson, papersToColumns } from './paper_columns';
import { encodePaperTable } from './paper_table_bytes';
import { shuffleBytes } from './byte_shuffle';
import { crc32, crc32Hex } from './crc32';
import {
  BUNDLE_FORMAT,
  BUNDLE_MAGIC,
  BUNDLE_VERSION,
  MAX_BUNDLE_PAPERS,
  type MapBundle,
} from './map_bundle';

/** Bytes before the header: magic (8), header length (u32 LE), header CRC-32 (u32 LE). */
export const PREFIX_BYTES = 16;

interface Payload {
  name: SectionName;
  dtype: SectionDtype;
  shape: number[];
  bytes: Uint8Array;
}

/**
 * Encodes a map as a bundle container (uncompressed; bundle_file.ts gzips it for disk and the
 * web). Checks the map first, with the reader's rules, so every bundle written can be read back;
 * throws a BundleError naming the section otherwise.
 */
export function writeBundle(map: MapBundle): Uint8Array {
  assertLittleEndian();
  const fail = failIn('cannot write the map bundle');
  const payloads = sectionPayloads(map, fail);
  const packed = map.vectors && map.corpus.papers.length > 0 && fitsInt4(map.vectors.codes);
  if (packed) {
    const { codes, n: rows, dim: width } = map.vectors!;
    const at = payloads.findIndex((p) => p.name === 'vectors.codes');
    payloads[at] = {
      name: 'vectors.codes4',
      dtype: 'uint8',
      shape: [rows, int4RowBytes(width)],
      bytes: packInt4(codes, rows, width),
    };
  }
  const n = map.corpus.papers.length;
  const levels = map.topicLevels?.length ?? 0;
  const dim = map.vectors ? map.vectors.dim : null;
  const basisDim = map.vectors && map.vectorBasis ? map.vectorBasis.fullDim : null;
  // Codes that fit in 4 bits (compactVectors makes them so) are stored two to a byte.
  const vectorBits =
    map.vectors && n > 0 && fitsInt4(map.vectors.codes) ? (4 as const) : (8 as const);
  const counts = { n, k: map.graph.k, dim, levels, version: BUNDLE_VERSION, basisDim, vectorBits };
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    checksum: 'crc32',
    name: map.name,
    corpusHash: map.corpus.hash,
    embedderId: map.embedderId,
    layout: { id: map.layout.id, params: { ...map.layoutParams } },
    n,
    k: counts.k,
    dim: counts.dim,
    clusterCount: map.clusterCount,
    ...(levels > 0 ? { topicLevels: levels } : {}),
    ...(basisDim !== null ? { basisDim } : {}),
    ...(vectorBits === 4 ? { vectorBits } : {}),
    sections: [],
  };
  for (const p of payloads) {
    if (!sectionSpec(p.name, counts)) fail(`section '${p.name}' is not expected`);
  }
  // Checksums cover the stored bytes, so they are computed once, before any offset is known.
  const stored = payloads.map((p) => {
    const width = DTYPE_BYTES[p.dtype];
    const filter = width >= 2 ? ('shuffle' as const) : ('none' as const);
    const bytes = filter === 'shuffle' ? shuffleBytes(p.bytes, width) : p.bytes;
    return { ...p, bytes, filter, crc32: crc32Hex(bytes) };
  });
  // Offsets are written in the header, whose length depends on them: grow until it fits.
  let dataStart = align8(PREFIX_BYTES + 512);
  let headerBytes: Uint8Array;
  for (;;) {
    let offset = dataStart;
    header.sections = stored.map(({ name, bytes, dtype, shape, filter, crc32 }): SectionEntry => {
      const entry = { name, offset, length: bytes.length, dtype, shape, filter, crc32 };
      offset = align8(offset + bytes.length);
      return entry;
    });
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
    if (PREFIX_BYTES + headerBytes.length <= dataStart) break;
    dataStart = align8(PREFIX_BYTES + headerBytes.length);
  }
  const last = header.sections[header.sections.length - 1];
  const out = new Uint8Array(last ? last.offset + last.length : dataStart);
  out.set(new TextEncoder().encode(BUNDLE_MAGIC), 0);
  // Trailing spaces fill the header up to the aligned data start; JSON ignores them.
  out.fill(0x20, PREFIX_BYTES, dataStart);
  out.set(headerBytes, PREFIX_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(8, dataStart - PREFIX_BYTES, true);
  view.setUint32(12, crc32(out.subarray(PREFIX_BYTES, dataStart)), true);
  stored.forEach((p, i) => out.set(p.bytes, header.sections[i]!.offset));
  return out;
}

/** The sections of a map as raw little-endian bytes, after checking every count and value. */
function sectionPayloads(map: MapBundle, fail: (message: string) => never): Payload[] {
  const { corpus, layout, graph, clusters, vectors, vectorBasis } = map;
  const n = corpus.papers.length;
  if (n > MAX_BUNDLE_PAPERS) fail(`${n} papers is more than a bundle holds`);
  const { k } = graph;
  if (!Number.isInteger(k) || k < 0 || k > Math.min(MAX_K, Math.max(0, n - 1))) {
    fail(`the neighbour graph's k = ${k} should be a whole number in [0, min(n − 1, ${MAX_K})]`);
  }
  if (!corpus.hash) fail('the corpus hash is empty');
  const c = map.clusterCount;
  if (!Number.isInteger(c) || c < 0 || c > MAX_BUNDLE_PAPERS) {
    fail(`clusterCount = ${c} should be a whole number in [0, ${MAX_BUNDLE_PAPERS}]`);
  }
  const sized = (name: SectionName, length: number, expected: number, formula: string) => {
    if (length !== expected) {
      fail(`section '${name}' has ${length} entries, expected ${formula} = ${expected}`);
    }
  };
  const valid = (name: SectionName, why: string | null) => {
    if (why) fail(`section '${name}': ${why}`);
  };
  sized('layout.xy', layout.xy.length, n * 2, 'n×2');
  sized('knn.indices', graph.indices.length, n * k, 'n×k');
  sized('knn.distances', graph.distances.length, n * k, 'n×k');
  sized('clusters', clusters.length, n, 'n');
  if (layout.n !== n || graph.n !== n) fail(`layout.n and graph.n should both be n = ${n}`);
  valid('layout.xy', notFinite(layout.xy));
  valid('knn.indices', outOfRange(graph.indices, n, 'a paper index'));
  valid('knn.distances', notFinite(graph.distances));
  valid('clusters', outOfRange(clusters, c, 'a cluster id'));
  for (const [key, value] of Object.entries(map.layoutParams)) {
    if (!Number.isFinite(value)) fail(`layout parameter ${key} = ${value} is not finite`);
  }
  // Only the known fields are written, checked as the reader will check them.
  const where = "cannot write the map bundle: section 'papers'";
  const papers = encodePaperTable(paperTableFromJson(papersToColumns(corpus.papers), n, 2, where));
  const topics = validateTopics(map.topics, "cannot write the map bundle: section 'topics'");
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const payloads: Payload[] = [
    { name: 'topics', dtype: 'json', shape: [topics.length], bytes: json(topics) },
    { name: 'layout.xy', dtype: 'float32', shape: [n, 2], bytes: bytesOf(layout.xy) },
    { name: 'knn.indices', dtype: 'int32', shape: [n, k], bytes: bytesOf(graph.indices) },
    {
      name: 'knn.distances',
      dtype: 'uint16',
      shape: [n, k],
      bytes: bytesOf(encodeDistances(graph.distances)),
    },
    { name: 'clusters', dtype: 'int32', shape: [n], bytes: bytesOf(clusters) },
  ];
  if (vectorBasis && !vectors) fail('the map has a vector basis but no vectors');
  if (vectors) {
    const { dim } = vectors;
    if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) {
      fail(`the vectors' dim = ${dim} should be a whole number in [1, ${MAX_DIM}]`);
    }
    if (vectors.n !== n) fail(`the vectors have n = ${vectors.n} rows, expected ${n}`);
    sized('vectors.codes', vectors.codes.length, n * dim, 'n×dim');
    sized('vectors.scales', vectors.scales.length, n, 'n');
    valid('vectors.scales', notFiniteOrNegative(vectors.scales));
    payloads.push(
      { name: 'vectors.codes', dtype: 'int8', shape: [n, dim], bytes: bytesOf(vectors.codes) },
      { name: 'vectors.scales', dtype: 'float32', shape: [n], bytes: bytesOf(vectors.scales) },
    );
    if (vectorBasis) {
      const { rows, fullDim } = vectorBasis;
      if (vectorBasis.dim !== dim)
        fail(`the vector basis has ${vectorBasis.dim} axes, expected dim = ${dim}`);
      if (!Number.isInteger(fullDim) || fullDim < dim || fullDim > MAX_BASIS_DIM) {
        fail(
          `the vector basis's fullDim = ${fullDim} should be a whole number in [dim, ${MAX_BASIS_DIM}]`,
        );
      }
      if (dim > MAX_BASIS_AXES)
        fail(`a vector basis has at most ${MAX_BASIS_AXES} axes, not ${dim}`);
      valid('vectors.basis', basisProblem(rows, dim, fullDim));
      payloads.push({
        name: 'vectors.basis',
        dtype: 'float32',
        shape: [dim, fullDim],
        bytes: bytesOf(rows),
      });
    }
  }
  if (map.topicLevels && map.topicLevels.length > 0) {
    const rows = map.topicLevels;
    if (rows.length > MAX_TOPIC_LEVELS)
      fail(`${rows.length} topic levels is more than ${MAX_TOPIC_LEVELS}`);
    valid('topics.assignment', topicLevelsProblem(topics, rows, n));
    const all = new Int32Array(rows.length * n);
    rows.forEach((row, l) => all.set(row, l * n));
    payloads.push({
      name: 'topics.assignment',
      dtype: 'int32',
      shape: [rows.length, n],
      bytes: bytesOf(all),
    });
  }
  // Papers last, their abstracts' text last in them: a reader of a stream can show the map
  // before most of the file has come (papersFirstEnd in read_bundle.ts).
  payloads.push({ name: 'papers', dtype: 'uint8', shape: [papers.length], bytes: papers });
  for (const p of payloads) {
    if (p.dtype !== 'json' && p.bytes.length !== shapeSize(p.shape) * DTYPE_BYTES[p.dtype]) {
      fail(`section '${p.name}' has the wrong byte length`);
    }
  }
  return payloads;
}

/** A typed array's own bytes (a view, not a copy). */
function bytesOf(array: Float32Array | Int32Array | Int8Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Typed sections are stored little-endian, as every platform papermap runs on is. */
export function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('papermap bundles need a little-endian platform');
  }
}
