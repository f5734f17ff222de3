import { BUNDLE_FORMAT, MAX_BUNDLE_PAPERS, READABLE_VERSIONS, count } from './map_bundle';
import {
  SECTION_NAMES,
  type SectionDtype,
  type SectionEntry,
  type SectionName,
} from './bundle_layout';

/** The JSON header of a bundle container: identity, counts, metadata and the section table. */
export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  /** 1 or 2 (READABLE_VERSIONS); the writer writes BUNDLE_VERSION. */
  version: number;
  /** The checksum algorithm of the header and every section. */
  checksum: 'crc32';
  name: string;
  corpusHash: string;
  embedderId: string;
  layout: { id: string; params: Record<string, number> };
  n: number;
  k: number;
  dim: number | null;
  clusterCount: number;
  /** Levels of the topic hierarchy in section 'topics.assignment'; absent (0) in older bundles. */
  topicLevels?: number;
  /**
   * The embedder's dimension when the vectors are stored projected on section 'vectors.basis'
   * (version 2, dim ≤ basisDim); absent when they are stored in full.
   */
  basisDim?: number;
  /** 4 when the vectors are stored as 4-bit codes (section 'vectors.codes4', version 2); absent: 8. */
  vectorBits?: 4;
  sections: SectionEntry[];
}

/** Most topic levels a bundle may hold. */
export const MAX_TOPIC_LEVELS = 16;

/** Largest vector dimension accepted (BERT-large is 1,024; this leaves room). */
export const MAX_DIM = 65_536;

/** Largest embedder dimension a vector basis may project from (OpenAI's largest is 3,072). */
export const MAX_BASIS_DIM = 4_096;

/** Most axes a vector basis may have (bundles write 256): its check stays under ~0.5 s. */
export const MAX_BASIS_AXES = 512;

/** Most neighbours per paper accepted. */
export const MAX_K = 1_000;

const DTYPES: readonly SectionDtype[] = ['json', 'float32', 'int32', 'int8', 'uint8', 'uint16'];

/**
 * Checks the parsed header JSON field by field (not yet against the file: see readBundle) and
 * returns it typed; `fail` throws with the file name in front.
 */
export function parseHeader(json: unknown, fail: (message: string) => never): BundleHeader {
  const bad = (field: string, expected: string, value: unknown): never =>
    fail(`header field '${field}' should be ${expected}, but is ${describe(value)}`);
  if (!isRecord(json)) return fail('the header is not a JSON object');
  if (json.format !== BUNDLE_FORMAT) {
    return fail(`not a papermap bundle (header format is ${describe(json.format)})`);
  }
  const version = json.version;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    return fail(
      `bundle version ${describe(version)} is not supported: this papermap reads versions ${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}`,
    );
  }
  if (json.checksum !== 'crc32') bad('checksum', '"crc32"', json.checksum);
  const text = (field: string, nonEmpty = false): string => {
    const v = json[field];
    if (typeof v !== 'string' || (nonEmpty && v === '')) {
      return bad(field, nonEmpty ? 'a non-empty string' : 'a string', v);
    }
    return v;
  };
  const whole = (field: string, max: number, value = json[field]): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
      return bad(field, `a whole number in [0, ${count(max)}]`, value);
    }
    return value;
  };
  const n = whole('n', MAX_BUNDLE_PAPERS);
  const k = whole('k', Math.min(MAX_K, Math.max(0, n - 1)));
  const dim = json.dim === null ? null : whole('dim', MAX_DIM);
  if (dim === 0) bad('dim', 'a whole number ≥ 1 or null', dim);
  const clusterCount = whole('clusterCount', MAX_BUNDLE_PAPERS);
  const topicLevels = json.topicLevels === undefined ? 0 : whole('topicLevels', MAX_TOPIC_LEVELS);
  let basisDim: number | null = null;
  if (json.basisDim !== undefined) {
    if (version < 2 || dim === null) {
      bad(
        'basisDim',
        version < 2 ? 'absent in a version-1 bundle' : 'absent when dim is null',
        json.basisDim,
      );
    }
    basisDim = whole('basisDim', MAX_BASIS_DIM);
    if (basisDim < dim!) bad('basisDim', `a whole number ≥ dim = ${dim}`, basisDim);
    // The reader checks the basis is orthonormal, dim² × basisDim / 2 steps: bounded here.
    if (dim! > MAX_BASIS_AXES) bad('dim', `at most ${MAX_BASIS_AXES} with a basis`, dim);
  }
  const layout = json.layout;
  if (json.vectorBits !== undefined && (json.vectorBits !== 4 || version < 2 || dim === null)) {
    bad('vectorBits', 'absent, or 4 in a version-2 bundle with vectors', json.vectorBits);
  }
  if (!isRecord(layout)) return bad('layout', 'an object', layout);
  if (typeof layout.id !== 'string') bad('layout.id', 'a string', layout.id);
  const params = layout.params;
  if (!isRecord(params)) return bad('layout.params', 'an object', params);
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      bad(`layout.params.${key}`, 'a finite number', value);
    }
  }
  if (!Array.isArray(json.sections)) return bad('sections', 'an array', json.sections);
  const sections = json.sections.map((raw: unknown, i) => parseEntry(raw, i, bad));
  return {
    format: BUNDLE_FORMAT,
    version,
    checksum: 'crc32',
    name: text('name'),
    corpusHash: text('corpusHash', true),
    embedderId: text('embedderId'),
    layout: { id: layout.id as string, params: { ...(params as Record<string, number>) } },
    n,
    k,
    dim,
    clusterCount,
    ...(topicLevels > 0 ? { topicLevels } : {}),
    ...(basisDim !== null ? { basisDim } : {}),
    ...(json.vectorBits === 4 ? { vectorBits: 4 as const } : {}),
    sections,
  };
}

type Bad = (field: string, expected: string, value: unknown) => never;

function parseEntry(raw: unknown, i: number, bad: Bad): SectionEntry {
  const at = `sections[${i}]`;
  if (!isRecord(raw)) return bad(at, 'an object', raw);
  const name = raw.name as SectionName;
  if (!SECTION_NAMES.includes(name)) {
    bad(`${at}.name`, `one of ${SECTION_NAMES.join(', ')}`, raw.name);
  }
  const place = (field: string): number => {
    const v = raw[field];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      return bad(`${at}.${field}`, 'a whole number ≥ 0', v);
    }
    return v;
  };
  const dtype = raw.dtype as SectionDtype;
  if (!DTYPES.includes(dtype)) bad(`${at}.dtype`, `one of ${DTYPES.join(', ')}`, raw.dtype);
  const shape = raw.shape;
  if (
    !Array.isArray(shape) ||
    shape.length > 4 ||
    !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    return bad(`${at}.shape`, 'a list of up to 4 whole numbers', shape);
  }
  if (raw.filter !== 'none' && raw.filter !== 'shuffle') {
    bad(`${at}.filter`, '"none" or "shuffle"', raw.filter);
  }
  if (typeof raw.crc32 !== 'string' || !/^[0-9a-f]{8}$/.test(raw.crc32)) {
    bad(`${at}.crc32`, '8 lower-case hex digits', raw.crc32);
  }
  return {
    name,
    offset: place('offset'),
    length: place('length'),
    dtype,
    shape: [...(shape as number[])],
    filter: raw.filter as 'none' | 'shuffle',
    crc32: raw.crc32 as string,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a wrong value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
