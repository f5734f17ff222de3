import { normalizeBert } from './bert_normalizer';
import { preTokenizeBert } from './bert_pre_tokenizer';
import type { WordPieceTokenizerSpec } from './tokenizer_json';
import { wordPieceIds } from './wordpiece';

/** A BERT tokenizer: text → ids with [CLS] … [SEP]. */
export interface WordPieceTokenizer {
  /**
   * The ids of one text: prefix (e.g. [CLS]), word pieces, suffix (e.g. [SEP]); at most maxTokens
   * ids (≥ prefix + suffix length), the word pieces truncated so the suffix stays at the end.
   */
  encode(text: string, maxTokens: number): Int32Array;
  /** Id of the padding token. */
  readonly padId: number;
  /** One more than the largest token id. */
  readonly vocabSize: number;
}

/**
 * A tokenizer that behaves as BERT's BasicTokenizer + WordpieceTokenizer (and Hugging Face's
 * BertNormalizer + BertPreTokenizer + WordPiece + TemplateProcessing): normalise, split on
 * whitespace and punctuation, split words greedily into pieces, add the special tokens. Special
 * tokens written inside the text ("[SEP]") are split as ordinary text, unlike tokenizers' added
 * tokens; abstracts do not contain them.
 */
export function createWordPieceTokenizer(spec: WordPieceTokenizerSpec): WordPieceTokenizer {
  const { model, normalizer, prefixIds, suffixIds } = spec;
  const specials = prefixIds.length + suffixIds.length;
  return {
    padId: spec.padId,
    vocabSize: spec.vocabSize,
    encode(text: string, maxTokens: number): Int32Array {
      if (!Number.isInteger(maxTokens) || maxTokens < specials) {
        throw new RangeError(`wordpiece: maxTokens must be an integer ≥ ${specials}`);
      }
      const budget = maxTokens - specials;
      const pieces: number[] = [];
      const normalised = normalizer ? normalizeBert(text, normalizer) : text;
      for (const word of preTokenizeBert(normalised)) {
        wordPieceIds(word, model, pieces);
        // Stop early: a long abstract should not be split in full only to be truncated.
        if (pieces.length >= budget) break;
      }
      const n = Math.min(pieces.length, budget);
      const ids = new Int32Array(specials + n);
      ids.set(prefixIds, 0);
      for (let i = 0; i < n; i++) ids[prefixIds.length + i] = pieces[i]!;
      ids.set(suffixIds, prefixIds.length + n);
      return ids;
    },
  };
}
