/**
 * Neighbour distances as a version-2 bundle stores them: cosine distances lie in [0, 2], so 16-bit
 * codes (step 2 / 65,535 ≈ 3·10⁻⁵, far below the 3 digits the app shows as similarity) keep them
 * at half the bytes of float32 and, shuffled, compress to about half of what float32 does.
 */

/** Distance per code step. */
const STEP = 2 / 65_535;

/** Distances in [0, 2] (values just outside, from float rounding, are clamped) as uint16 codes. */
export function encodeDistances(distances: Float32Array): Uint16Array {
  const codes = new Uint16Array(distances.length);
  for (let i = 0; i < distances.length; i++) {
    codes[i] = Math.round(Math.min(2, Math.max(0, distances[i]!)) / STEP);
  }
  return codes;
}

/** Codes back to distances; encoding the result gives the same codes. */
export function decodeDistances(codes: Uint16Array): Float32Array {
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i]! * STEP;
  return out;
}

/** Distances as they read back from a bundle (as asStored is for vectors). */
export function storedDistances(distances: Float32Array): Float32Array {
  return decodeDistances(encodeDistances(distances));
}
