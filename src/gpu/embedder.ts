import type { JobOptions } from '../core/job';
import type { Vectors } from '../core/vectors';

/** Turns texts into unit vectors on the current tfjs backend. */
export interface Embedder {
  /** Encodes the model and every parameter that changes the vectors; enters every cache key. */
  readonly id: string;
  /** Embeds the texts; rows are L2-normalised; progress stage names are user-facing. */
  embed(texts: readonly string[], options?: JobOptions): Promise<Vectors>;
  /**
   * Embeds new texts (search queries) into the space of the last embed() call, for embedders whose
   * space depends on the corpus (LSA); throws before any embed(). Absent where embed() treats each
   * text on its own (sentence transformers): use embed() for queries then.
   */
  embedQueries?(texts: readonly string[], options?: JobOptions): Promise<Vectors>;
  /** Releases what the embedder keeps from its last corpus (a fitted model); safe to call twice. */
  dispose?(): void;
}
