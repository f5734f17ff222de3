import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, IdbVectorStore } from '../../src/store/idb_vector_store';
import { openVectorStore } from '../../src/store/open_vector_store';
import { rowCacheKey } from '../../src/store/vector_store';
import { quantiseRows, type QuantisedRow } from '../../src/core/quantised_rows';

const vectors = () => ({ data: Float32Array.from([0.6, 0.8, 1, 0, 0, 1]), n: 3, dim: 2 });
const rowMap = (): Map<string, QuantisedRow> =>
  new Map(quantiseRows(vectors()).map((row, i) => [`h${i}`, row]));

const DAMAGED = 'Some cached vectors were damaged (checksum mismatch) and were computed again.';

/** Rewrites one stored entry behind the store's back, as a disk error or another program would. */
async function tamper(
  storeName: 'vectors' | 'rows',
  key: string,
  change: (entry: { codes: ArrayBuffer; scale?: number }) => object,
): Promise<void> {
  const db = await openDB(DATABASE_NAME);
  await db.put(storeName, change(await db.get(storeName, key)));
  db.close();
}

/** The same bytes with one flipped: the size still matches, only a checksum can tell. */
function flipByte(buffer: ArrayBuffer, at: number): ArrayBuffer {
  const copy = new Uint8Array(buffer.slice(0));
  copy[at] = copy[at]! ^ 0x21;
  return copy.buffer;
}

describe('the IndexedDB cache when it fails', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise<void>((ok) => {
      const req = indexedDB.deleteDatabase(DATABASE_NAME);
      req.onsuccess = req.onerror = req.onblocked = () => ok();
    });
  });

  it('a corpus entry with a flipped byte is a miss, reported once', async () => {
    const store = await IdbVectorStore.open();
    await store.put('k', vectors());
    await tamper('vectors', 'k', (e) => ({ ...e, codes: flipByte(e.codes, 3) }));
    expect(await store.get('k')).toBeUndefined();
    expect(await store.get('k')).toBeUndefined();
    expect(store.takeNotices()).toEqual([DAMAGED]);
    expect(store.takeNotices()).toEqual([]);
    // Rewritten, it reads back again.
    await store.put('k', vectors());
    expect((await store.get('k'))?.n).toBe(3);
    store.destroy();
  });

  it('rows with a flipped byte or a changed scale are misses; the others are kept', async () => {
    const store = await IdbVectorStore.open();
    await store.putRows('e', rowMap());
    await tamper('rows', rowCacheKey('e', 'h0'), (e) => ({ ...e, codes: flipByte(e.codes, 1) }));
    await tamper('rows', rowCacheKey('e', 'h2'), (e) => ({ ...e, scale: e.scale! * 2 }));
    const [h0, h1, h2] = await store.getRows('e', ['h0', 'h1', 'h2']);
    expect(h0).toBeUndefined();
    expect(h1?.dim).toBe(2);
    expect(h2).toBeUndefined();
    await store.getRows('e', ['h0']);
    expect(store.takeNotices()).toEqual([DAMAGED]);
    store.destroy();
  });

  it('a full disk makes writes fail with words the user can act on', async () => {
    const store = await IdbVectorStore.open();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await expect(store.put('k', vectors())).rejects.toThrow(/storage for this site is full/);
    await expect(store.putRows('e', rowMap())).rejects.toThrow(/storage for this site is full/);
    vi.restoreAllMocks();
    // Nothing half-written is read back.
    expect(await store.get('k')).toBeUndefined();
    store.destroy();
  });

  it('an older tab holding the database open does not hang the page: memory, with a notice', async () => {
    // A tab of an older papermap (schema 2) that does not step aside for an upgrade.
    const old = await openDB(DATABASE_NAME, 2, {
      upgrade: (db) => void db.createObjectStore('vectors', { keyPath: 'key' }),
    });
    const { store, notice } = await openVectorStore();
    expect(store.kind).toBe('memory');
    expect(notice).toMatch(/not be cached.*older version of the cache open/);
    old.close();
    // Once the old tab is gone, the upgrade goes through and the cache works again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = await IdbVectorStore.open();
    await later.put('k', vectors());
    expect((await later.get('k'))?.n).toBe(3);
    later.destroy();
  });

  it('steps aside for a newer tab, then says why it no longer caches', async () => {
    const store = await IdbVectorStore.open();
    await store.put('k', vectors());
    const newer = await openDB(DATABASE_NAME, 99);
    expect(await store.get('k')).toBeUndefined();
    await expect(store.put('k', vectors())).rejects.toThrow(/another papermap tab upgraded/);
    await expect(store.putRows('e', rowMap())).rejects.toThrow(/another papermap tab upgraded/);
    newer.close();
    store.destroy();
    store.destroy();
  });
});
