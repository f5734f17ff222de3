/**
 * A fast, stable, non-cryptographic 64-bit string hash (two interleaved 32-bit FNV-1a-like lanes
 * mixed with murmur finalisers), as 16 hex characters. Used for ids and cache keys, never security.
 */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Hashes a list of strings so that ["ab", "c"] and ["a", "bc"] differ. */
export function hashStrings(parts: readonly string[], seed = 0): string {
  return hashString(parts.map((p) => `${p.length}:${p}`).join('\u0000'), seed);
}
