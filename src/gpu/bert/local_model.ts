import { ModelLoadError } from '../../core/model_load_error';
import { BERT_FILES, modelIdFromContent } from './bert_loader';
import { createBertModelCache, type BertModelCache } from './bert_model_cache';
import { fileNameOf } from './fetcher';
import { createFileFetcher, type NamedBlob } from './file_fetcher';

/** A model file picked from disk: a browser File, or any named bytes (tests). */
export type PickedModelFile = NamedBlob;

/**
 * The files of a BERT-family model the user picked, or a message naming what is missing, e.g.
 * "model.safetensors is missing: pick config.json, tokenizer.json and model.safetensors". Picked
 * files with other names are ignored (a whole folder can be picked).
 */
export function checkPickedModel(files: readonly PickedModelFile[]): string | null {
  const names = new Set(files.map((f) => fileNameOf(f.name)));
  const missing = BERT_FILES.filter((name) => !names.has(name));
  if (!missing.length) return null;
  const list = BERT_FILES.slice(0, -1).join(', ') + ' and ' + BERT_FILES.at(-1);
  return `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: pick ${list}`;
}

/**
 * Models picked from disk, by content: a picked model has no URL that names it, so its cache id
 * (and every vector cached with it) is a fingerprint of its bytes. Not of names, sizes and dates:
 * two fine-tunes of one architecture have files of the same names and sizes, and archives give
 * them the same dates, yet their vectors must never be mixed up.
 */
export class LocalModels {
  private readonly caches = new Map<string, BertModelCache>();

  /** The model id of picked files, "local-" + 16 hex digits; rejects if a file is missing. */
  async id(files: readonly PickedModelFile[]): Promise<string> {
    const problem = checkPickedModel(files);
    if (problem) throw new ModelLoadError('http', problem, 'model files');
    const chosen = BERT_FILES.map((name) => files.find((f) => fileNameOf(f.name) === name)!);
    return modelIdFromContent(await Promise.all(chosen.map((f) => f.arrayBuffer())));
  }

  /** The model cache for picked files and the base URL that names them in it. */
  async cacheFor(
    files: readonly PickedModelFile[],
  ): Promise<{ cache: BertModelCache; baseUrl: string }> {
    const id = await this.id(files);
    let cache = this.caches.get(id);
    if (!cache) {
      cache = createBertModelCache(createFileFetcher(files));
      this.caches.set(id, cache);
    }
    // modelIdFromBaseUrl turns this back into the id: "local://local-…/" → "local-…".
    return { cache, baseUrl: `local://${id}/` };
  }

  /** Disposes every model loaded from picked files. */
  dispose(): void {
    for (const cache of this.caches.values()) cache.dispose();
    this.caches.clear();
  }
}
