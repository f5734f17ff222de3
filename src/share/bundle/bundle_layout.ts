import { count } from './map_bundle';

/** How a section's bytes are to be read. Typed sections are little-endian. */
export type SectionDtype = 'json' | 'float32' | 'int32' | 'int8' | 'uint8' | 'uint16';

/** Bytes per element of each dtype (json: UTF-8 bytes). */
export const DTYPE_BYTES: Record<SectionDtype, number> = {
  json: 1,
  float32: 4,
  int32: 4,
  int8: 1,
  uint8: 1,
  uint16: 2,
};

/** One row of the header's section table. */
export interface SectionEntry {
  name: SectionName;
  /** Byte offset from the start of the container, a multiple of 8. */
  offset: number;
  /** Length in bytes. */
  length: number;
  dtype: SectionDtype;
  /** Elements per axis: [n, k] for the neighbour indices; [items] for a JSON array. */
  shape: number[];
  /** 'shuffle': 2- or 4-byte elements stored as byte planes (byte_shuffle.ts) for gzip. */
  filter: 'none' | 'shuffle';
  /** CRC-32 of the stored bytes as 8 hex digits (crc32.ts). */
  crc32: string;
}

/** The counts that fix every section's shape. */
export interface BundleCounts {
  n: number;
  k: number;
  /** Vector dimension, or null when the bundle has no vectors. */
  dim: number | null;
  /** Levels of the topic hierarchy stored in 'topics.assignment'; 0 (older bundles) when absent. */
  levels: number;
  /** The bundle's version (1 to 3): it fixes the dtypes of 'papers' and 'knn.distances'. */
  version: number;
  /** The embedder's dimension when the vectors are stored projected (version 2), else null. */
  basisDim: number | null;
  /** Bits per vector code: 8 ('vectors.codes'), or 4 ('vectors.codes4', version 2). */
  vectorBits: 4 | 8;
}

/**
 * The sections of a bundle, in file order; vectors.* only when dim is not null, vectors.basis
 * only when basisDim is not null (version 2), topics.assignment only when the header's topicLevels
 * is above 0 (added later, so optional).
 */
export const SECTION_NAMES = [
  'papers',
  'topics',
  'layout.xy',
  'knn.indices',
  'knn.distances',
  'clusters',
  'vectors.codes',
  'vectors.codes4',
  'vectors.scales',
  'vectors.basis',
  'topics.assignment',
] as const;

/** The name of one bundle section. */
export type SectionName = (typeof SECTION_NAMES)[number];

/** What a section must be: its dtype, and its shape with the formula for messages. */
export interface SectionSpec {
  dtype: SectionDtype;
  /** Expected shape; null: a list of any length (a JSON array, version 3's papers' bytes). */
  shape: number[] | null;
  /** The shape as a formula, e.g. "n×k", for error messages. */
  formula: string;
}

/** The spec of a section given the counts; null when the section must be absent. */
export function sectionSpec(name: SectionName, c: BundleCounts): SectionSpec | null {
  switch (name) {
    case 'papers':
      return c.version >= 3
        ? { dtype: 'uint8', shape: null, formula: 'any' }
        : { dtype: 'json', shape: [c.n], formula: 'n' };
    case 'topics':
      return { dtype: 'json', shape: null, formula: 'any' };
    case 'layout.xy':
      return { dtype: 'float32', shape: [c.n, 2], formula: 'n×2' };
    case 'knn.indices':
      return { dtype: 'int32', shape: [c.n, c.k], formula: 'n×k' };
    case 'knn.distances':
      return { dtype: c.version >= 2 ? 'uint16' : 'float32', shape: [c.n, c.k], formula: 'n×k' };
    case 'clusters':
      return { dtype: 'int32', shape: [c.n], formula: 'n' };
    case 'vectors.codes':
      return c.dim === null || c.vectorBits !== 8
        ? null
        : { dtype: 'int8', shape: [c.n, c.dim], formula: 'n×dim' };
    case 'vectors.codes4':
      return c.dim === null || c.vectorBits !== 4
        ? null
        : { dtype: 'uint8', shape: [c.n, Math.ceil(c.dim / 2)], formula: 'n×⌈dim/2⌉' };
    case 'vectors.scales':
      return c.dim === null ? null : { dtype: 'float32', shape: [c.n], formula: 'n' };
    case 'vectors.basis':
      return c.dim === null || c.basisDim === null
        ? null
        : { dtype: 'float32', shape: [c.dim, c.basisDim], formula: 'dim×basisDim' };
    case 'topics.assignment':
      return c.levels === 0
        ? null
        : { dtype: 'int32', shape: [c.levels, c.n], formula: 'topicLevels×n' };
  }
}

/** The number of elements a shape holds. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The shape of a section for messages: [236, 15] → "236×15". */
export function shapeText(shape: readonly number[]): string {
  return shape.map(count).join('×');
}

/** Rounds a byte offset up to the next multiple of 8, where every section starts. */
export function align8(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
