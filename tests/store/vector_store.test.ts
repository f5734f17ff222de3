import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, IdbVectorStore } from '../../src/store/idb_vector_store';
import { MemoryVectorStore } from '../../src/store/memory_vector_store';
import { openVectorStore } from '../../src/store/open_vector_store';
import { rowCacheKey, vectorCacheKey } from '../../src/store/vector_store';
import { asStored } from '../../src/core/quantise';
import { assembleRows, quantiseRows, type QuantisedRow } from '../../src/core/quantised_rows';

const vectors = () => ({ data: Float32Array.from([0.6, 0.8, 1, 0, 0, 1]), n: 3, dim: 2 });

/** Rows of `vectors()` keyed by made-up text hashes h0, h1, h2. */
const rowMap = (): Map<string, QuantisedRow> =>
  new Map(quantiseRows(vectors()).map((row, i) => [`h${i}`, row]));

describe('vector stores', () => {
  afterEach(async () => {
    await new Promise<void>((ok) => {
      const req = indexedDB.deleteDatabase(DATABASE_NAME);
      req.onsuccess = req.onerror = req.onblocked = () => ok();
    });
  });

  it('IndexedDB keeps vectors across a reopen, as a reload would', async () => {
    const key = vectorCacheKey('lsa-v1:dim=2', 'abc');
    const first = await IdbVectorStore.open();
    await first.put(key, vectors());
    first.destroy();
    first.destroy();
    const second = await IdbVectorStore.open();
    const got = await second.get(key);
    expect(got?.n).toBe(3);
    expect(got?.dim).toBe(2);
    expect(Array.from(got!.data)).toEqual(Array.from(asStored(vectors()).data));
    expect(await second.get(vectorCacheKey('lsa-v1:dim=3', 'abc'))).toBeUndefined();
    second.destroy();
  });

  it('treats an entry whose sizes disagree with its shape as a miss', async () => {
    const store = await IdbVectorStore.open();
    await store.put('k', vectors());
    store.destroy();
    // Corrupt the entry behind the store's back, as a foreign or truncated write would.
    const db = await openDB(DATABASE_NAME);
    const entry = await db.get('vectors', 'k');
    await db.put('vectors', { ...entry, codes: new ArrayBuffer(5) });
    db.close();
    const reopened = await IdbVectorStore.open();
    expect(await reopened.get('k')).toBeUndefined();
    reopened.destroy();
  });

  it('stores a view of a larger buffer without its neighbours', async () => {
    const store = await IdbVectorStore.open();
    const big = new Float32Array(10).map((_, i) => i);
    const view = { data: big.subarray(2, 6), n: 2, dim: 2 };
    await store.put('k', view);
    expect(Array.from((await store.get('k'))!.data)).toEqual(Array.from(asStored(view).data));
    store.destroy();
  });

  it('falls back to memory with a notice when IndexedDB refuses to open', async () => {
    const broken = new IDBFactory();
    broken.open = () => {
      throw new Error('The operation is insecure.');
    };
    const { store, notice } = await openVectorStore(broken);
    expect(store.kind).toBe('memory');
    expect(notice).toMatch(/not be cached.*insecure/);
    await store.put('k', vectors());
    expect((await store.get('k'))?.n).toBe(3);
  });

  it('the memory store returns copies, so callers cannot corrupt the cache', async () => {
    const store = new MemoryVectorStore();
    await store.put('k', vectors());
    const got = await store.get('k');
    got!.data[0] = 99;
    expect((await store.get('k'))!.data[0]).toBeCloseTo(0.6, 2);
  });

  it('IndexedDB keeps rows per text across a reopen; a missing row is undefined', async () => {
    const first = await IdbVectorStore.open();
    await first.putRows('minilm-v1:x', rowMap());
    first.destroy();
    const second = await IdbVectorStore.open();
    const got = await second.getRows('minilm-v1:x', ['h2', 'nope', 'h0', 'h1']);
    expect(got[1]).toBeUndefined();
    const assembled = assembleRows([got[2]!, got[3]!, got[0]!]);
    expect(Array.from(assembled.data)).toEqual(Array.from(asStored(vectors()).data));
    // Rows belong to their embedder.
    expect(await second.getRows('minilm-v1:y', ['h0'])).toEqual([undefined]);
    expect(await second.getRows('minilm-v1:x', [])).toEqual([]);
    second.destroy();
  });

  it('writes rows in batches of the given size, one transaction each', async () => {
    const store = await IdbVectorStore.open(undefined, 2);
    const rows = new Map(
      Array.from({ length: 5 }, (_, i): [string, QuantisedRow] => [
        `h${i}`,
        { codes: Int8Array.from([i, -i]), scale: 0.5, dim: 2 },
      ]),
    );
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      await store.putRows('e', rows);
      const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
      expect(writes.length).toBe(3);
      spy.mockClear();
      const got = await store.getRows('e', [...rows.keys()]);
      // All gets share one readonly transaction.
      expect(spy.mock.calls.length).toBe(1);
      expect(got.map((row) => Array.from(row!.codes))).toEqual(
        [...rows.values()].map((r) => Array.from(r.codes)),
      );
    } finally {
      spy.mockRestore();
      store.destroy();
    }
  });

  it('stores a row that views a larger buffer without its neighbours', async () => {
    const store = await IdbVectorStore.open();
    const big = Int8Array.from([1, 2, 3, 4, 5, 6]);
    await store.putRows('e', new Map([['h', { codes: big.subarray(2, 4), scale: 1, dim: 2 }]]));
    store.destroy();
    const db = await openDB(DATABASE_NAME);
    expect((await db.get('rows', rowCacheKey('e', 'h'))).codes.byteLength).toBe(2);
    db.close();
  });

  it('treats a row whose size disagrees with its dimension as a miss', async () => {
    const store = await IdbVectorStore.open();
    await store.putRows('e', rowMap());
    store.destroy();
    const db = await openDB(DATABASE_NAME);
    const entry = await db.get('rows', rowCacheKey('e', 'h0'));
    await db.put('rows', { ...entry, codes: new ArrayBuffer(5) });
    db.close();
    const reopened = await IdbVectorStore.open();
    const [h0, h1] = await reopened.getRows('e', ['h0', 'h1']);
    expect(h0).toBeUndefined();
    expect(h1?.dim).toBe(2);
    reopened.destroy();
  });

  it('migrating a version-2 database keeps its whole-corpus vectors and adds rows', async () => {
    const key = vectorCacheKey('lsa-v1:dim=2', 'abc');
    const q = { codes: Int8Array.from([127, 0]), scales: Float32Array.from([0.5 / 127]) };
    const v2 = await openDB(DATABASE_NAME, 2, {
      upgrade: (db) => void db.createObjectStore('vectors', { keyPath: 'key' }),
    });
    await v2.put('vectors', {
      key,
      n: 1,
      dim: 2,
      codes: q.codes.buffer,
      scales: q.scales.buffer,
      savedAt: 0,
    });
    v2.close();
    const store = await IdbVectorStore.open();
    const got = await store.get(key);
    expect(got?.n).toBe(1);
    expect(got!.data[0]).toBeCloseTo(0.5, 6);
    await store.putRows('e', rowMap());
    expect((await store.getRows('e', ['h1']))[0]?.dim).toBe(2);
    store.destroy();
  });

  it('the memory store keeps rows per embedder and returns copies', async () => {
    const store = new MemoryVectorStore();
    await store.putRows('e', rowMap());
    const [h0, missing] = await store.getRows('e', ['h0', 'nope']);
    expect(missing).toBeUndefined();
    expect(await store.getRows('other', ['h0'])).toEqual([undefined]);
    h0!.codes[0] = 0;
    expect((await store.getRows('e', ['h0']))[0]!.codes[0]).not.toBe(0);
    store.destroy();
    store.destroy();
  });
});
