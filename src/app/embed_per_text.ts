import { hashString } from '../core/hash';
import { assembleRows, quantiseRows, type QuantisedRow } from '../core/quantised_rows';
import type { Vectors } from '../core/vectors';
import type { ComputeService, EmbedderSpec } from '../gpu/compute_api';
import type { VectorStore } from '../store/vector_store';

/** Vectors assembled from cached and newly embedded rows, and how many texts were embedded now. */
export interface PerTextVectors {
  /** n×dim in corpus order, exactly as they will read back from the cache. */
  vectors: Vectors;
  /** Texts embedded now (0: all from the cache; texts.length: none were). */
  computed: number;
  /** Why the new rows could not be cached, or null when they were (or there were none). */
  storeError: string | null;
}

/** Cancellation, and progress of the embedding with how many texts are being embedded. */
export interface EmbedPerTextOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string, embedding: number) => void;
}

/**
 * Vectors of `texts` for an embedder that embeds each text on its own (see gpu/embeds_per_text):
 * rows cached under (embedderId, text hash) are reused, only the missing texts are embedded, and
 * their rows are stored. Every row goes through int8, so the result equals what a reload gives.
 */
export async function embedPerText(
  texts: readonly string[],
  compute: ComputeService,
  store: VectorStore,
  embedderId: string,
  spec: EmbedderSpec,
  options: EmbedPerTextOptions = {},
): Promise<PerTextVectors> {
  const hashes = texts.map((text) => hashString(text));
  // An unreadable cache is an empty one: everything is embedded again.
  const cached = await store
    .getRows(embedderId, hashes)
    .catch((): (QuantisedRow | undefined)[] => hashes.map(() => undefined));
  const rows = [...cached];
  const missing = hashes.flatMap((_, i) => (rows[i] ? [] : [i]));

  let storeError: string | null = null;
  if (missing.length > 0) {
    // Every missing text in corpus order, duplicates too: when nothing was cached this is the
    // whole corpus, and the worker's search corpus then lines up with the papers.
    const embedded = await compute.embed(
      missing.map((i) => texts[i]!),
      spec,
      {
        signal: options.signal,
        onProgress: (fraction, stage) => options.onProgress?.(fraction, stage, missing.length),
      },
    );
    const fresh = new Map<string, QuantisedRow>();
    quantiseRows(embedded).forEach((row, k) => {
      const i = missing[k]!;
      rows[i] = row;
      fresh.set(hashes[i]!, row);
    });
    try {
      await store.putRows(embedderId, fresh);
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
  }
  options.signal?.throwIfAborted();
  const vectors = assembleRows(rows.map((row) => row!));
  return { vectors, computed: missing.length, storeError };
}
