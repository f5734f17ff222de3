import type { JobOptions } from '../../core/job';
import { DEFAULT_BERT_BASE_URL, folderUrl, loadBert, type LoadedBert } from './bert_loader';
import type { Fetcher } from './fetcher';

/** Loaded models by base URL, so a worker downloads and uploads each model once. */
export interface BertModelCache {
  /** The model at baseUrl (default DEFAULT_BERT_BASE_URL), loading it on first use. */
  get(baseUrl?: string, options?: Pick<JobOptions, 'onProgress' | 'signal'>): Promise<LoadedBert>;
  /** Disposes every loaded model and forgets it; idempotent. */
  dispose(): void;
}

/**
 * A BertModelCache over a fetcher. A load that fails or is cancelled is forgotten, so the next
 * call tries again; callers that join a load in flight share its progress and its cancellation.
 */
export function createBertModelCache(fetcher: Fetcher): BertModelCache {
  const loads = new Map<string, Promise<LoadedBert>>();
  return {
    get(baseUrl = DEFAULT_BERT_BASE_URL, options = {}) {
      const key = folderUrl(baseUrl);
      let load = loads.get(key);
      if (!load) {
        load = loadBert({ fetcher, baseUrl: key, ...options });
        loads.set(key, load);
        load.catch(() => {
          if (loads.get(key) === load) loads.delete(key);
        });
      }
      return load;
    },
    dispose() {
      for (const load of loads.values())
        load.then(
          (loaded) => loaded.model.dispose(),
          () => {},
        );
      loads.clear();
    },
  };
}
