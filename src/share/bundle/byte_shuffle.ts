/**
 * The byte-shuffle filter of HDF5 and Blosc: the bytes of width-byte elements are stored plane by
 * plane (every element's byte 0, then every byte 1, …). Neighbour indices below 2^24 and
 * similar floats share their high bytes, so after shuffling gzip finds long runs it would
 * otherwise miss; the bytes themselves are unchanged, only reordered.
 */

/** Reorders `bytes` (whole elements of `width` bytes) into byte planes; returns a new array. */
export function shuffleBytes(bytes: Uint8Array, width: number): Uint8Array {
  const count = Math.floor(bytes.length / width);
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) {
    const plane = b * count;
    for (let i = 0; i < count; i++) out[plane + i] = bytes[i * width + b]!;
  }
  return out;
}

/** Undoes shuffleBytes: byte planes back to whole elements; returns a new array. */
export function unshuffleBytes(bytes: Uint8Array, width: number): Uint8Array {
  const count = Math.floor(bytes.length / width);
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) {
    const plane = b * count;
    for (let i = 0; i < count; i++) out[i * width + b] = bytes[plane + i]!;
  }
  return out;
}
