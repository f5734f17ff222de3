/** The vocabulary and options of a WordPiece model (tokenizer.json `model`). */
export interface WordPieceModel {
  /** Token → id. */
  vocab: ReadonlyMap<string, number>;
  /** Id of the unknown token, e.g. 100 for "[UNK]" in bert-base-uncased. */
  unkId: number;
  /** Prefix of pieces that continue a word; "##" in BERT. */
  continuingSubwordPrefix: string;
  /** Words longer than this many code points become unkId; 100 in BERT. */
  maxInputCharsPerWord: number;
}

/**
 * Splits one word into WordPiece ids, greedy longest-match-first, as BERT's WordpieceTokenizer
 * (google-research/bert tokenization.py) and Hugging Face tokenizers (models/wordpiece) do:
 * "unaffable" → un ##aff ##able. A word with no full segmentation, or longer than
 * maxInputCharsPerWord code points, is the single id unkId. Appends to `out`; returns it.
 */
export function wordPieceIds(word: string, model: WordPieceModel, out: number[] = []): number[] {
  const chars = Array.from(word); // by code point, so astral characters are never split
  if (chars.length > model.maxInputCharsPerWord) {
    out.push(model.unkId);
    return out;
  }
  const start = out.length;
  let begin = 0;
  while (begin < chars.length) {
    let end = chars.length;
    let id: number | undefined;
    while (begin < end) {
      const piece = chars.slice(begin, end).join('');
      id = model.vocab.get(begin > 0 ? model.continuingSubwordPrefix + piece : piece);
      if (id !== undefined) break;
      end--;
    }
    if (id === undefined) {
      out.length = start;
      out.push(model.unkId);
      return out;
    }
    out.push(id);
    begin = end;
  }
  return out;
}
