/** A fixed layout for corpora too small for UMAP (0–2 points): the origin, or two points apart. */
export function tinyLayout(n: number): Float32Array {
  const xy = new Float32Array(n * 2);
  if (n === 2) {
    xy[0] = -1;
    xy[2] = 1;
  }
  return xy;
}
