import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { dequantiseInt8, quantiseInt8 } from '../core/quantise';
import type { QuantisedRow } from '../core/quantised_rows';
import type { Vectors } from '../core/vectors';
import { rowCacheKey, type VectorStore } from './vector_store';

/** The database papermap keeps its caches in. */
export const DATABASE_NAME = 'papermap';
const DATABASE_VERSION = 3;

/** Rows written per transaction by putRows, so 100k rows do not make one giant transaction. */
export const ROW_BATCH_SIZE = 5000;

/** Vectors as stored: int8 codes with a float32 scale per row (a quarter of float32's size). */
interface StoredVectors {
  key: string;
  n: number;
  dim: number;
  /** n×dim int8 codes; plain buffers clone faster than typed-array views. */
  codes: ArrayBuffer;
  /** n float32 row scales. */
  scales: ArrayBuffer;
  savedAt: number;
}

/** One text's vector as stored: int8 codes and a float32 scale (see core/quantised_rows). */
interface StoredRow {
  /** rowCacheKey(embedder id, text hash). */
  key: string;
  dim: number;
  /** dim int8 codes. */
  codes: ArrayBuffer;
  scale: number;
}

interface PapermapDb extends DBSchema {
  vectors: { key: string; value: StoredVectors };
  rows: { key: string; value: StoredRow };
}

/** A VectorStore in IndexedDB, so a reload with the same corpus does not embed again. */
export class IdbVectorStore implements VectorStore {
  readonly kind = 'indexeddb' as const;

  private constructor(
    private db: IDBPDatabase<PapermapDb> | null,
    private readonly rowBatchSize: number,
  ) {}

  /**
   * Opens (and migrates) the database; rejects when IndexedDB is unavailable or blocked.
   * `rowBatchSize` (default ROW_BATCH_SIZE) is how many rows one putRows transaction writes.
   */
  static async open(factory?: IDBFactory, rowBatchSize = ROW_BATCH_SIZE): Promise<IdbVectorStore> {
    const open = () =>
      openDB<PapermapDb>(DATABASE_NAME, DATABASE_VERSION, {
        upgrade(db, oldVersion, _newVersion, transaction) {
          if (oldVersion < 1) db.createObjectStore('vectors', { keyPath: 'key' });
          // Version 2 stores int8 codes instead of float32: old entries are dropped, recomputed.
          if (oldVersion >= 1 && oldVersion < 2) transaction.objectStore('vectors').clear();
          // Version 3 adds rows per text; whole-corpus entries (lsa) stay as they are.
          if (oldVersion < 3) db.createObjectStore('rows', { keyPath: 'key' });
        },
        blocking() {
          // Another tab wants a newer schema: step aside rather than block it.
          db?.close();
        },
      });
    let db: IDBPDatabase<PapermapDb> | undefined;
    if (factory) {
      const previous = globalThis.indexedDB;
      globalThis.indexedDB = factory;
      try {
        db = await open();
      } finally {
        globalThis.indexedDB = previous;
      }
    } else {
      db = await open();
    }
    return new IdbVectorStore(db, Math.max(1, Math.floor(rowBatchSize)));
  }

  async get(key: string): Promise<Vectors | undefined> {
    if (!this.db) return undefined;
    const stored = await this.db.get('vectors', key);
    if (!stored) return undefined;
    const { n, dim, codes, scales } = stored;
    // A truncated or foreign entry is treated as a miss, and recomputed.
    if (!isArrayBuffer(codes) || !isArrayBuffer(scales)) return undefined;
    if (codes.byteLength !== n * dim || scales.byteLength !== n * 4) return undefined;
    return dequantiseInt8({
      codes: new Int8Array(codes),
      scales: new Float32Array(scales),
      n,
      dim,
    });
  }

  async put(key: string, vectors: Vectors): Promise<void> {
    if (!this.db) return;
    const { codes, scales, n, dim } = quantiseInt8(vectors);
    await this.db.put('vectors', {
      key,
      n,
      dim,
      codes: codes.buffer as ArrayBuffer,
      scales: scales.buffer as ArrayBuffer,
      savedAt: Date.now(),
    });
  }

  async getRows(
    embedderId: string,
    textHashes: readonly string[],
  ): Promise<(QuantisedRow | undefined)[]> {
    if (!this.db) return textHashes.map(() => undefined);
    // One readonly transaction for all gets: requests queue up without waiting for each other.
    const tx = this.db.transaction('rows', 'readonly');
    const [stored] = await Promise.all([
      Promise.all(textHashes.map((hash) => tx.store.get(rowCacheKey(embedderId, hash)))),
      tx.done,
    ]);
    return stored.map((row) => {
      // A truncated or foreign row is treated as a miss, and recomputed.
      if (!row || !isArrayBuffer(row.codes) || row.codes.byteLength !== row.dim) return undefined;
      if (!Number.isFinite(row.scale)) return undefined;
      return { codes: new Int8Array(row.codes), scale: row.scale, dim: row.dim };
    });
  }

  async putRows(embedderId: string, rows: ReadonlyMap<string, QuantisedRow>): Promise<void> {
    if (!this.db) return;
    const entries = [...rows];
    for (let start = 0; start < entries.length; start += this.rowBatchSize) {
      // Built before the transaction opens: nothing but IDB requests may be awaited inside it.
      const batch: StoredRow[] = entries
        .slice(start, start + this.rowBatchSize)
        .map(([hash, { codes, scale, dim }]) => ({
          key: rowCacheKey(embedderId, hash),
          dim,
          // A copy, so a row that views a larger buffer is stored without its neighbours.
          codes: codes.slice().buffer as ArrayBuffer,
          scale,
        }));
      const tx = this.db.transaction('rows', 'readwrite');
      await Promise.all([...batch.map((row) => tx.store.put(row)), tx.done]);
    }
  }

  destroy(): void {
    this.db?.close();
    this.db = null;
  }
}

/** Realm-independent ArrayBuffer check (entries are cloned by IndexedDB, maybe from another realm). */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
