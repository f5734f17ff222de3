/** 2-D coordinates of a corpus, with the parameters and seed that made them. */
export interface Layout {
  /** n×2 row-major: x of point i at 2i, y at 2i + 1. */
  xy: Float32Array;
  n: number;
  /** Which algorithm and parameters made it, e.g. "umap-js:k=15;minDist=0.1;seed=42". */
  id: string;
}

/** Parameters of a UMAP projection; defaults follow UMAP's own. */
export interface UmapParams {
  /** Neighbours per point, including the point itself as UMAP counts them; default 15. */
  nNeighbors: number;
  /** Minimum distance between embedded points, in layout units; default 0.1. */
  minDist: number;
  /** Optimisation epochs; 0 lets UMAP choose by corpus size (500 up to 2,500 points). */
  nEpochs: number;
  /** Seed of the initialisation and negative sampling; default 42. */
  seed: number;
}

/** UMAP's defaults, with papermap's fixed seed so the same corpus gives the same map. */
export const DEFAULT_UMAP_PARAMS: UmapParams = {
  nNeighbors: 15,
  minDist: 0.1,
  nEpochs: 0,
  seed: 42,
};

/** A callback that receives the layout while it is still being optimised. */
export type PartialLayoutFn = (xy: Float32Array, epoch: number, nEpochs: number) => void;
