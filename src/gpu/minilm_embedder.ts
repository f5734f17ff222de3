import * as tf from '@tensorflow/tfjs-core';
import type { JobOptions } from '../core/job';
import { ModelLoadError } from '../core/model_load_error';
import { tokenBatches } from '../core/text/wordpiece/token_batches';
import type { WordPieceTokenizer } from '../core/text/wordpiece/wordpiece_tokenizer';
import type { Vectors } from '../core/vectors';
import { bertSentenceEmbeddings } from './bert/bert_encoder';
import type { LoadedBertModel } from './bert/bert_model';
import type { Embedder } from './embedder';

/** Options of createBertEmbedder. */
export interface BertEmbedderOptions {
  /** The encoder; the embedder borrows it and never disposes it. */
  model: LoadedBertModel;
  tokenizer: WordPieceTokenizer;
  /** Longest input in tokens, [CLS] and [SEP] included (≥ 2); capped at the model's positions. Default 256, as all-MiniLM-L6-v2's max_seq_length. */
  maxTokens?: number;
  /**
   * Texts per forward pass (≥ 1), lowered where the attention scores would pass 128 MiB; changes
   * speed and memory, not the vectors. Default 32.
   */
  batchSize?: number;
  /** Names the weights in the id; default model.modelId. */
  modelId?: string;
}

/** The default maxTokens: sentence-transformers' max_seq_length for all-MiniLM-L6-v2. */
export const DEFAULT_MAX_TOKENS = 256;

/** The default batchSize. */
export const DEFAULT_BATCH_SIZE = 32;

/** Largest attention-score tensor of a batch, in bytes: WebGPU's default binding limit. */
const SCORES_BYTES = 2 ** 27;

/**
 * The cache id of a BERT sentence embedder, e.g.
 * `minilm-v1:model=sentence-transformers/all-MiniLM-L6-v2;maxTokens=256;pool=mean`; computable
 * without loading the model, so a cached map needs no download. Bump `v1` when the maths changes.
 */
export function bertEmbedderId(modelId: string, maxTokens = DEFAULT_MAX_TOKENS): string {
  return `minilm-v1:model=${modelId};maxTokens=${maxTokens};pool=mean`;
}

/**
 * An embedder running a BERT-family sentence transformer on the current tfjs backend (the
 * all-MiniLM-L6-v2 recipe: WordPiece tokens, encoder, mean pooling, L2 normalisation; see
 * bert_encoder.ts). Texts are sorted by token count so each batch pads little; vectors come back
 * in input order, dim = hidden size. Progress is papers done / total as stage 'embed'; the signal
 * is checked between batches.
 */
export function createBertEmbedder(options: BertEmbedderOptions): Embedder {
  const { model, tokenizer } = options;
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(maxTokens) || maxTokens < 2) {
    throw new RangeError(`minilm: maxTokens must be an integer ≥ 2, got ${maxTokens}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`minilm: batchSize must be a positive integer, got ${batchSize}`);
  }
  if (tokenizer.vocabSize > model.config.vocabSize) {
    throw new ModelLoadError(
      'mismatch',
      `the tokenizer's ${tokenizer.vocabSize} ids exceed the model's vocab_size ` +
        `${model.config.vocabSize}`,
    );
  }
  const tokens = Math.min(maxTokens, model.config.maxPositionEmbeddings);
  const dim = model.config.hiddenSize;
  // Rows per batch such that the attention scores (rows × heads × tokens² float32) fit WebGPU's
  // default maxStorageBufferBindingSize of 128 MiB: 42 rows at 256 tokens and 12 heads.
  const rowsFit = Math.floor(SCORES_BYTES / (model.config.numAttentionHeads * tokens * tokens * 4));
  const rows = Math.max(1, Math.min(batchSize, rowsFit));
  return {
    id: bertEmbedderId(options.modelId ?? model.modelId, maxTokens),
    async embed(texts: readonly string[], job: JobOptions = {}): Promise<Vectors> {
      const { onProgress, signal } = job;
      signal?.throwIfAborted();
      const n = texts.length;
      const data = new Float32Array(n * dim);
      const sequences = texts.map((text) => tokenizer.encode(text, tokens));
      let done = 0;
      for (const batch of tokenBatches(sequences, rows, tokenizer.padId)) {
        signal?.throwIfAborted();
        const shape: [number, number] = [batch.rows.length, batch.length];
        const out = tf.tidy(() =>
          bertSentenceEmbeddings(
            model,
            tf.tensor2d(batch.ids, shape, 'int32'),
            tf.tensor2d(batch.mask, shape, 'int32'),
          ),
        );
        let values: Float32Array;
        try {
          values = (await out.data()) as Float32Array;
        } finally {
          out.dispose();
        }
        batch.rows.forEach((row, i) =>
          data.set(values.subarray(i * dim, (i + 1) * dim), row * dim),
        );
        done += batch.rows.length;
        onProgress?.(done / n, 'embed');
      }
      return { data, n, dim };
    },
  };
}
