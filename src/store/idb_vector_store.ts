import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { dequantiseInt8, quantiseInt8 } from '../core/quantise';
import type { QuantisedRow } from '../core/quantised_rows';
import type { Vectors } from '../core/vectors';
import { entryChecksum } from './entry_checksum';
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
  /** entryChecksum of codes, scales, n and dim; absent in entries written before checksums. */
  checksum?: number;
}

/** One text's vector as stored: int8 codes and a float32 scale (see core/quantised_rows). */
interface StoredRow {
  /** rowCacheKey(embedder id, text hash). */
  key: string;
  dim: number;
  /** dim int8 codes. */
  codes: ArrayBuffer;
  scale: number;
  /** entryChecksum of codes, scale and dim; absent in rows written before checksums. */
  checksum?: number;
}

interface PapermapDb extends DBSchema {
  vectors: { key: string; value: StoredVectors };
  rows: { key: string; value: StoredRow };
}

/** A VectorStore in IndexedDB, so a reload with the same corpus does not embed again. */
export class IdbVectorStore implements VectorStore {
  readonly kind = 'indexeddb' as const;

  /** User-facing notices not yet taken (see takeNotices); each is queued once per store. */
  private notices: string[] = [];
  private noticed = new Set<string>();
  /** Why the connection was given up while the page runs (another tab upgraded), or null. */
  private closedBecause: string | null = null;

  private constructor(
    private db: IDBPDatabase<PapermapDb> | null,
    private readonly rowBatchSize: number,
  ) {}

  /** Notices about the cache since the last call (damaged entries, a lost connection). */
  takeNotices(): string[] {
    const taken = this.notices;
    this.notices = [];
    return taken;
  }

  private notice(text: string): void {
    if (this.noticed.has(text)) return;
    this.noticed.add(text);
    this.notices.push(text);
  }

  /** Called when another tab needs a newer schema: this tab steps aside and stops caching. */
  private stepAside(): void {
    this.db?.close();
    this.db = null;
    // The next write fails with this reason, and build_map says so once.
    this.closedBecause = 'another papermap tab upgraded the cache; reload this tab to cache again';
  }

  /**
   * Opens (and migrates) the database; rejects when IndexedDB is unavailable or blocked.
   * `rowBatchSize` (default ROW_BATCH_SIZE) is how many rows one putRows transaction writes.
   */
  static async open(factory?: IDBFactory, rowBatchSize = ROW_BATCH_SIZE): Promise<IdbVectorStore> {
    let store: IdbVectorStore | null = null;
    let rejectBlocked: (error: Error) => void = () => {};
    const blocked = new Promise<never>((_, reject) => (rejectBlocked = reject));
    let gaveUp = false;
    const open = () =>
      openDB<PapermapDb>(DATABASE_NAME, DATABASE_VERSION, {
        upgrade(db, oldVersion, _newVersion, transaction) {
          if (oldVersion < 1) db.createObjectStore('vectors', { keyPath: 'key' });
          // Version 2 stores int8 codes instead of float32: old entries are dropped, recomputed.
          if (oldVersion >= 1 && oldVersion < 2) transaction.objectStore('vectors').clear();
          // Version 3 adds rows per text; whole-corpus entries (lsa) stay as they are.
          if (oldVersion < 3) db.createObjectStore('rows', { keyPath: 'key' });
        },
        blocked() {
          // A tab still runs an older papermap and holds the database open: waiting could take
          // forever, so this page runs without the cache (the open may still finish later).
          rejectBlocked(
            new Error('another papermap tab holds an older version of the cache open; close it'),
          );
        },
        blocking() {
          // Another tab wants a newer schema: step aside rather than block it.
          if (store) store.stepAside();
          else db?.close();
        },
      });
    let db: IDBPDatabase<PapermapDb> | undefined;
    let opening: Promise<IDBPDatabase<PapermapDb>>;
    if (factory) {
      const previous = globalThis.indexedDB;
      globalThis.indexedDB = factory;
      try {
        opening = open();
      } finally {
        globalThis.indexedDB = previous;
      }
    } else {
      opening = open();
    }
    // An open that succeeds after this page gave up (the other tab closed) is closed again.
    opening.then(
      (late) => gaveUp && late.close(),
      () => {},
    );
    try {
      db = await Promise.race([opening, blocked]);
    } catch (error) {
      gaveUp = true;
      throw error;
    }
    store = new IdbVectorStore(db, Math.max(1, Math.floor(rowBatchSize)));
    return store;
  }

  async get(key: string): Promise<Vectors | undefined> {
    if (!this.db) return undefined;
    const stored = await this.db.get('vectors', key);
    if (!stored) return undefined;
    const { n, dim, codes, scales } = stored;
    // A truncated or foreign entry is treated as a miss, and recomputed.
    if (!isArrayBuffer(codes) || !isArrayBuffer(scales)) return undefined;
    if (codes.byteLength !== n * dim || scales.byteLength !== n * 4) return undefined;
    if (
      stored.checksum !== undefined &&
      stored.checksum !== entryChecksum([codes, scales], [n, dim])
    ) {
      this.damaged();
      return undefined;
    }
    return dequantiseInt8({
      codes: new Int8Array(codes),
      scales: new Float32Array(scales),
      n,
      dim,
    });
  }

  async put(key: string, vectors: Vectors): Promise<void> {
    if (!this.db) return this.closed();
    const { codes, scales, n, dim } = quantiseInt8(vectors);
    const codeBytes = codes.buffer as ArrayBuffer;
    const scaleBytes = scales.buffer as ArrayBuffer;
    await this.db
      .put('vectors', {
        key,
        n,
        dim,
        codes: codeBytes,
        scales: scaleBytes,
        savedAt: Date.now(),
        checksum: entryChecksum([codeBytes, scaleBytes], [n, dim]),
      })
      .catch(explainWriteError);
  }

  /** A write to a store given up while the page runs: say why, as a failed write. */
  private closed(): Promise<void> {
    return this.closedBecause ? Promise.reject(new Error(this.closedBecause)) : Promise.resolve();
  }

  private damaged(): void {
    this.notice('Some cached vectors were damaged (checksum mismatch) and were computed again.');
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
    let damaged = false;
    const rows = stored.map((row) => {
      // A truncated or foreign row is treated as a miss, and recomputed.
      if (!row || !isArrayBuffer(row.codes) || row.codes.byteLength !== row.dim) return undefined;
      if (!Number.isFinite(row.scale)) return undefined;
      if (
        row.checksum !== undefined &&
        row.checksum !== rowChecksum(row.codes, row.scale, row.dim)
      ) {
        damaged = true;
        return undefined;
      }
      return { codes: new Int8Array(row.codes), scale: row.scale, dim: row.dim };
    });
    if (damaged) this.damaged();
    return rows;
  }

  async putRows(embedderId: string, rows: ReadonlyMap<string, QuantisedRow>): Promise<void> {
    if (!this.db) return this.closed();
    const entries = [...rows];
    for (let start = 0; start < entries.length; start += this.rowBatchSize) {
      // Built before the transaction opens: nothing but IDB requests may be awaited inside it.
      const batch: StoredRow[] = entries
        .slice(start, start + this.rowBatchSize)
        .map(([hash, { codes, scale, dim }]) => {
          // A copy, so a row that views a larger buffer is stored without its neighbours.
          const bytes = codes.slice().buffer as ArrayBuffer;
          const key = rowCacheKey(embedderId, hash);
          return { key, dim, codes: bytes, scale, checksum: rowChecksum(bytes, scale, dim) };
        });
      if (!this.db) return this.closed();
      try {
        const tx = this.db.transaction('rows', 'readwrite');
        await Promise.all([...batch.map((row) => tx.store.put(row)), tx.done]);
      } catch (error) {
        explainWriteError(error);
      }
    }
  }

  destroy(): void {
    this.db?.close();
    this.db = null;
  }
}

function rowChecksum(codes: ArrayBuffer, scale: number, dim: number): number {
  return entryChecksum([codes], [scale, dim]);
}

/** Rethrows a failed write, in words the user can act on when the browser's storage is full. */
function explainWriteError(error: unknown): never {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError')
    throw new Error("the browser's storage for this site is full (free some space to cache again)");
  throw error instanceof Error ? error : new Error(String(error));
}

/** Realm-independent ArrayBuffer check (entries are cloned by IndexedDB, maybe from another realm). */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
