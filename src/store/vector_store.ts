import type { QuantisedRow } from '../core/quantised_rows';
import type { Vectors } from '../core/vectors';

/**
 * A cache of embedded vectors, stored as int8 with a scale per row: whole corpora keyed by
 * embedder id + corpus text hash (see vectorCacheKey), for embedders whose vectors depend on the
 * corpus (`get` returns what `asStored` in core/quantise gives), and single rows keyed by embedder
 * id + text hash, for embedders that embed each text on its own.
 */
export interface VectorStore {
  /** "indexeddb" or "memory": shown to the user when the cache is not persistent. */
  readonly kind: 'indexeddb' | 'memory';
  /** The cached vectors for a key, or undefined when absent or unreadable. */
  get(key: string): Promise<Vectors | undefined>;
  /** Stores vectors under a key; failures (quota) are reported, never thrown past the store. */
  put(key: string, vectors: Vectors): Promise<void>;
  /**
   * The cached row of each text hash for an embedder, in the order asked; undefined for a row that
   * is absent or unreadable.
   */
  getRows(embedderId: string, textHashes: readonly string[]): Promise<(QuantisedRow | undefined)[]>;
  /** Stores rows by text hash for an embedder; rejects on failure (quota), like `put`. */
  putRows(embedderId: string, rows: ReadonlyMap<string, QuantisedRow>): Promise<void>;
  /**
   * User-facing notices about the cache since the last call (damaged entries dropped, the
   * connection given up); each distinct notice is given once. Optional: memory stores have none.
   */
  takeNotices?(): string[];
  /** Closes the store; safe to call twice. */
  destroy(): void;
}

/** The cache key of a corpus's vectors: the embedder id and a hash of every text, in order. */
export function vectorCacheKey(embedderId: string, textsHash: string): string {
  return `${embedderId}|${textsHash}`;
}

/** The cache key of one text's row: the embedder id and the hash of the text (core/hash). */
export function rowCacheKey(embedderId: string, textHash: string): string {
  return `${embedderId}|${textHash}`;
}
