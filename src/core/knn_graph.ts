/**
 * The k nearest neighbours of every point, row-major: row i holds point i's neighbours,
 * nearest first, never i itself. Distances are cosine distances (1 − cosine similarity).
 */
export interface KnnGraph {
  indices: Int32Array;
  distances: Float32Array;
  n: number;
  k: number;
}

/** Returns the neighbour indices of point i as a view (no copy). */
export function neighboursOf(graph: KnnGraph, i: number): Int32Array {
  return graph.indices.subarray(i * graph.k, (i + 1) * graph.k);
}

/** Returns the neighbour distances of point i as a view (no copy). */
export function neighbourDistancesOf(graph: KnnGraph, i: number): Float32Array {
  return graph.distances.subarray(i * graph.k, (i + 1) * graph.k);
}
