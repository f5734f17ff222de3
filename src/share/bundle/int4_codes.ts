import { dequantiseInt8, type QuantisedVectors } from '../../core/quantise';
import { count } from './map_bundle';

/**
 * 4-bit vector codes, as a version-2 bundle file stores vectors (section 'vectors.codes4'): each
 * row's values scaled by max-abs / 7 and rounded to [−7, 7], two codes a byte (the even component
 * in the low nibble, two's complement). Half the bytes of int8 over every dimension, which on the
 * default corpus keeps search by meaning far closer to the full vectors (top-10 overlap 0.88,
 * same top hit on every test query) than int8 over the first 128 principal axes did in the same comparison (0.76, 0.90):
 * the error of 4-bit rounding is spread thinly over all dimensions, while dropping axes loses
 * whole directions (tests/gpu/meaning_search_reduced.test.ts).
 */

/** Largest 4-bit code magnitude. */
export const INT4_MAX = 7;

/** Whether every code already lies in [−7, 7] (such vectors are stored in 4 bits as they are). */
export function fitsInt4(codes: Int8Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    if (codes[i]! > INT4_MAX || codes[i]! < -INT4_MAX) return false;
  }
  return true;
}

/** Requantises int8 vectors to 4-bit codes (kept in an Int8Array) with a new scale per row. */
export function quantiseInt4(q: QuantisedVectors): QuantisedVectors {
  if (fitsInt4(q.codes)) return q;
  const { n, dim, data } = { ...dequantiseInt8(q) };
  const codes = new Int8Array(n * dim);
  const scales = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * dim;
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(data[off + j]!));
    // Rounded to float32 first, as quantiseInt8 does, so that decoding then encoding is stable.
    const scale = Math.fround(max / INT4_MAX);
    scales[i] = scale;
    if (scale === 0) continue;
    for (let j = 0; j < dim; j++) {
      codes[off + j] = Math.max(-INT4_MAX, Math.min(INT4_MAX, Math.round(data[off + j]! / scale)));
    }
  }
  return { codes, scales, n, dim };
}

/** Bytes per row of packed 4-bit codes. */
export function int4RowBytes(dim: number): number {
  return Math.ceil(dim / 2);
}

/** Packs codes in [−7, 7] (n × dim) two to a byte, each row starting on a byte. */
export function packInt4(codes: Int8Array, n: number, dim: number): Uint8Array {
  const row = int4RowBytes(dim);
  const out = new Uint8Array(n * row);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) {
      const nibble = codes[i * dim + j]! & 0x0f;
      out[i * row + (j >> 1)]! |= j & 1 ? nibble << 4 : nibble;
    }
  }
  return out;
}

/** Each byte's two signed codes (low nibble first), and whether either nibble is −8. */
const LOW = new Int8Array(256);
const HIGH = new Int8Array(256);
const HAS_MINUS_8 = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const lo = b & 0x0f;
  const hi = b >> 4;
  LOW[b] = lo > 7 ? lo - 16 : lo;
  HIGH[b] = hi > 7 ? hi - 16 : hi;
  HAS_MINUS_8[b] = lo === 8 || hi === 8 ? 1 : 0;
}

/**
 * Unpacks 4-bit codes, or says why they are not codes in [−7, 7] (−8 is never written). A byte at
 * a time through lookup tables: 12.8 M codes (100k × 256) in tens of milliseconds.
 */
export function unpackInt4(
  bytes: Uint8Array,
  n: number,
  dim: number,
): { codes: Int8Array } | { problem: string } {
  const row = int4RowBytes(dim);
  const pairs = dim >> 1;
  const codes = new Int8Array(n * dim);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const from = i * row;
    const to = i * dim;
    for (let p = 0; p < pairs; p++) {
      const byte = bytes[from + p]!;
      bad |= HAS_MINUS_8[byte]!;
      codes[to + 2 * p] = LOW[byte]!;
      codes[to + 2 * p + 1] = HIGH[byte]!;
    }
    if (dim & 1) {
      const byte = bytes[from + pairs]! & 0x0f;
      bad |= HAS_MINUS_8[byte]!;
      codes[to + dim - 1] = LOW[byte]!;
    }
  }
  if (bad) {
    // Rare (a damaged or hostile file): find the first −8 for the message.
    for (let i = 0; i < n * dim; i++) {
      const byte = bytes[Math.floor(i / dim) * row + ((i % dim) >> 1)]!;
      if (((i % dim) & 1 ? byte >> 4 : byte & 0x0f) === 8) {
        return { problem: `code ${count(i)} is −8, expected a 4-bit code in [−7, 7]` };
      }
    }
  }
  return { codes };
}
