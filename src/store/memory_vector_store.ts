import { dequantiseInt8, quantiseInt8, type QuantisedVectors } from '../core/quantise';
import type { QuantisedRow } from '../core/quantised_rows';
import type { Vectors } from '../core/vectors';
import { rowCacheKey, type VectorStore } from './vector_store';

/** A VectorStore that lives as long as the page: Node, tests, and browsers without IndexedDB. */
export class MemoryVectorStore implements VectorStore {
  readonly kind = 'memory' as const;
  // Quantised like the IndexedDB store, so both give back exactly the same vectors.
  private entries = new Map<string, QuantisedVectors>();
  private rows = new Map<string, QuantisedRow>();

  async get(key: string): Promise<Vectors | undefined> {
    const q = this.entries.get(key);
    return q && dequantiseInt8(q);
  }

  async put(key: string, vectors: Vectors): Promise<void> {
    this.entries.set(key, quantiseInt8(vectors));
  }

  async getRows(
    embedderId: string,
    textHashes: readonly string[],
  ): Promise<(QuantisedRow | undefined)[]> {
    return textHashes.map((hash) => {
      const row = this.rows.get(rowCacheKey(embedderId, hash));
      // Copies, so callers cannot corrupt the cache.
      return row && { ...row, codes: row.codes.slice() };
    });
  }

  async putRows(embedderId: string, rows: ReadonlyMap<string, QuantisedRow>): Promise<void> {
    for (const [hash, row] of rows) {
      this.rows.set(rowCacheKey(embedderId, hash), { ...row, codes: row.codes.slice() });
    }
  }

  destroy(): void {
    this.entries.clear();
    this.rows.clear();
  }
}
