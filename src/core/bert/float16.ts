// IEEE 754 binary16 → binary32 by bit manipulation (as in Fabien Giesen's "half to float done
// quic", https://gist.github.com/rygorous/2144712, without the float tricks), exact for every
// half value: zeros, subnormals, infinities and NaN included.

/**
 * Widens IEEE half-precision bit patterns to float32 values, exactly; `out` defaults to a new
 * array of the same length.
 */
export function float16ToFloat32(
  halves: Uint16Array,
  out = new Float32Array(halves.length),
): Float32Array {
  const bits = new Uint32Array(out.buffer, out.byteOffset, out.length);
  for (let i = 0; i < halves.length; i++) {
    const h = halves[i]!;
    const sign = (h & 0x8000) << 16;
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) {
      // Zero or subnormal: mantissa · 2^-24, exact in float32.
      out[i] = mantissa * 2 ** -24;
      bits[i]! |= sign;
    } else if (exponent === 0x1f) {
      bits[i] = sign | 0x7f800000 | (mantissa << 13);
    } else {
      // Rebias the exponent from 15 to 127.
      bits[i] = sign | ((exponent + 112) << 23) | (mantissa << 13);
    }
  }
  return out;
}

/** Widens bfloat16 bit patterns (the top half of a float32) to float32 values, exactly. */
export function bfloat16ToFloat32(
  halves: Uint16Array,
  out = new Float32Array(halves.length),
): Float32Array {
  const bits = new Uint32Array(out.buffer, out.byteOffset, out.length);
  for (let i = 0; i < halves.length; i++) bits[i] = halves[i]! << 16;
  return out;
}
