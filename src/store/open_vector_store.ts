import { IdbVectorStore } from './idb_vector_store';
import { MemoryVectorStore } from './memory_vector_store';
import type { VectorStore } from './vector_store';

/** A store, and the notice to show when it could not be the persistent one. */
export interface OpenedStore {
  store: VectorStore;
  notice: string | null;
}

/** How long to wait for IndexedDB before giving up (a blocked upgrade can hang forever). */
const OPEN_TIMEOUT_MS = 3000;

/**
 * Opens the IndexedDB vector cache, or falls back to memory with a notice when IndexedDB is
 * missing, refused (private mode), broken or blocked. Never rejects.
 */
export async function openVectorStore(factory?: IDBFactory): Promise<OpenedStore> {
  try {
    if (!factory && typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const store = await withTimeout(IdbVectorStore.open(factory), OPEN_TIMEOUT_MS);
    return { store, notice: null };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      store: new MemoryVectorStore(),
      notice: `Vectors will not be cached between visits: the browser's storage is unavailable (${why}).`,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
