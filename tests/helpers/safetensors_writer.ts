/** One tensor to write: float32 values stored as F32 or rounded to F16. */
export interface TensorToWrite {
  dtype: 'F32' | 'F16';
  shape: readonly number[];
  data: Float32Array;
}

/** Rounds a float32 to the nearest IEEE half (ties to even), as its 16-bit pattern. */
export function float32ToFloat16Bits(value: number): number {
  const f32 = new Float32Array([value]);
  const x = new Uint32Array(f32.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Inf / NaN
  let e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow → ±0
    mantissa |= 0x800000; // subnormal: shift the implicit bit in
    const shift = 14 - e;
    const half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    const round = rest > midpoint || (rest === midpoint && (half & 1) === 1) ? 1 : 0;
    return sign | (half + round);
  }
  const rest = mantissa & 0x1fff;
  let half = (e << 10) | (mantissa >>> 13);
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1)) half++; // may carry into exponent
  e = half >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

/**
 * Writes a safetensors file (8-byte little-endian header length, JSON header padded with spaces
 * to a multiple of 8, then the data in header order), as huggingface/safetensors does.
 */
export function writeSafetensors(
  tensors: Readonly<Record<string, TensorToWrite>>,
  metadata: Record<string, string> = { format: 'pt' },
): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    let bytes: Uint8Array;
    if (t.dtype === 'F32') {
      bytes = new Uint8Array(t.data.slice().buffer);
    } else {
      const halves = Uint16Array.from(t.data, (v) => float32ToFloat16Bits(v));
      bytes = new Uint8Array(halves.buffer);
    }
    header[name] = {
      dtype: t.dtype,
      shape: t.shape,
      data_offsets: [offset, offset + bytes.length],
    };
    parts.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  while ((8 + json.length) % 8 !== 0) json += ' ';
  const headerBytes = new TextEncoder().encode(json);
  const file = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(file.buffer).setUint32(0, headerBytes.length, true);
  file.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}
