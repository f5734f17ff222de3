import { ModelLoadError } from '../../model_load_error';
import { UNCASED_BERT_NORMALIZER, type BertNormalizerOptions } from './bert_normalizer';
import type { WordPieceModel } from './wordpiece';

/** Everything a BERT WordPiece tokenizer needs, read from a Hugging Face tokenizer.json. */
export interface WordPieceTokenizerSpec {
  model: WordPieceModel;
  /** null when tokenizer.json has no normaliser: the text is split as it is. */
  normalizer: Readonly<BertNormalizerOptions> | null;
  /** Ids before the text, e.g. [101] for [CLS]; from the post-processor. */
  prefixIds: readonly number[];
  /** Ids after the text, e.g. [102] for [SEP]; kept when the text is truncated. */
  suffixIds: readonly number[];
  /** Id that pads short rows of a batch: padding.pad_id, else "[PAD]", else 0. */
  padId: number;
  /** One more than the largest id in the vocabulary. */
  vocabSize: number;
}

const FILE = 'tokenizer.json';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(failure: 'format' | 'unsupported', message: string): never {
  throw new ModelLoadError(failure, `${FILE}: ${message}`, FILE);
}

function readModel(model: unknown): WordPieceModel {
  if (!isObject(model)) fail('format', 'has no "model" object');
  // Old files omit model.type; the fields then tell the model apart, as tokenizers' serde does.
  const type = model.type ?? ('merges' in model ? 'BPE' : 'WordPiece');
  if (type !== 'WordPiece') {
    fail(
      'unsupported',
      `the tokenizer is ${String(type)}, but papermap runs WordPiece tokenizers only ` +
        '(BERT-family models such as all-MiniLM-L6-v2, BGE-small, E5-small)',
    );
  }
  if (!isObject(model.vocab)) fail('format', 'model.vocab is not a {token: id} object');
  const vocab = new Map<string, number>();
  for (const [token, id] of Object.entries(model.vocab)) {
    if (!Number.isInteger(id) || (id as number) < 0) {
      fail('format', `model.vocab gives "${token}" the id ${String(id)}`);
    }
    vocab.set(token, id as number);
  }
  const unkToken = typeof model.unk_token === 'string' ? model.unk_token : '[UNK]';
  const unkId = vocab.get(unkToken);
  if (unkId === undefined) fail('format', `the unknown token "${unkToken}" is not in model.vocab`);
  const maxChars = model.max_input_chars_per_word;
  return {
    vocab,
    unkId,
    continuingSubwordPrefix:
      typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : '##',
    maxInputCharsPerWord: Number.isInteger(maxChars) ? (maxChars as number) : 100,
  };
}

function readNormalizer(normalizer: unknown): BertNormalizerOptions | null {
  if (normalizer === null || normalizer === undefined) return null;
  if (!isObject(normalizer) || normalizer.type !== 'BertNormalizer') {
    const type = isObject(normalizer) ? String(normalizer.type) : typeof normalizer;
    fail('unsupported', `the normalizer is ${type}; papermap supports BertNormalizer only`);
  }
  const flag = (value: unknown, otherwise: boolean) =>
    typeof value === 'boolean' ? value : otherwise;
  const lowercase = flag(normalizer.lowercase, UNCASED_BERT_NORMALIZER.lowercase);
  return {
    cleanText: flag(normalizer.clean_text, true),
    handleChineseChars: flag(normalizer.handle_chinese_chars, true),
    // null means "follow lowercase", as in tokenizers' BertNormalizer.
    stripAccents: flag(normalizer.strip_accents, lowercase),
    lowercase,
  };
}

/** The ids a post-processor puts before and after a single sequence. */
function readSpecialIds(post: unknown, vocab: ReadonlyMap<string, number>): [number[], number[]] {
  if (post === null || post === undefined) return [[], []];
  if (!isObject(post)) fail('format', 'post_processor is not an object');
  const idOf = (token: unknown): number => {
    const id = typeof token === 'string' ? vocab.get(token) : undefined;
    if (id === undefined) fail('format', `post_processor names ${String(token)}, not in the vocab`);
    return id;
  };
  if (post.type === 'BertProcessing') {
    const pairId = (pair: unknown) => (Array.isArray(pair) ? Number(pair[1]) : NaN);
    const cls = pairId(post.cls);
    const sep = pairId(post.sep);
    return [
      [Number.isInteger(cls) ? cls : idOf('[CLS]')],
      [Number.isInteger(sep) ? sep : idOf('[SEP]')],
    ];
  }
  if (post.type === 'TemplateProcessing' && Array.isArray(post.single)) {
    const specials = isObject(post.special_tokens) ? post.special_tokens : {};
    const prefix: number[] = [];
    const suffix: number[] = [];
    let seenSequence = false;
    for (const piece of post.single as unknown[]) {
      if (isObject(piece) && 'Sequence' in piece) {
        seenSequence = true;
        continue;
      }
      const special = isObject(piece) && isObject(piece.SpecialToken) ? piece.SpecialToken : null;
      if (!special) fail('format', 'post_processor.single has an entry of unknown kind');
      const entry = specials[String(special.id)];
      const ids =
        isObject(entry) && Array.isArray(entry.ids) ? entry.ids.map(Number) : [idOf(special.id)];
      (seenSequence ? suffix : prefix).push(...ids);
    }
    return [prefix, suffix];
  }
  return fail(
    'unsupported',
    `the post-processor is ${String(post.type)}; papermap supports TemplateProcessing and ` +
      'BertProcessing',
  );
}

/**
 * Reads a Hugging Face tokenizer.json (text or parsed JSON) of a WordPiece tokenizer with a
 * BertNormalizer, BertPreTokenizer and [CLS]/[SEP] post-processor; anything else is rejected with
 * a ModelLoadError naming what is unsupported. Truncation and padding settings in the file are
 * ignored: the embedder chooses its own (maxTokens, per-batch padding).
 */
export function parseTokenizerJson(source: string | unknown): WordPieceTokenizerSpec {
  let json: unknown = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch (error) {
      throw new ModelLoadError('format', `${FILE} is not valid JSON (${String(error)})`, FILE, {
        cause: error,
      });
    }
  }
  if (!isObject(json)) fail('format', 'is not a JSON object');
  const model = readModel(json.model);
  const normalizer = readNormalizer(json.normalizer);
  const pre = json.pre_tokenizer;
  if (!(isObject(pre) && pre.type === 'BertPreTokenizer')) {
    const type = isObject(pre) ? String(pre.type) : String(pre);
    fail('unsupported', `the pre-tokenizer is ${type}; papermap supports BertPreTokenizer only`);
  }
  const [prefixIds, suffixIds] = readSpecialIds(json.post_processor, model.vocab);
  const padding = isObject(json.padding) ? json.padding : {};
  const padId = Number.isInteger(padding.pad_id)
    ? (padding.pad_id as number)
    : (model.vocab.get('[PAD]') ?? 0);
  let vocabSize = 0;
  for (const id of model.vocab.values()) vocabSize = Math.max(vocabSize, id + 1);
  return { model, normalizer, prefixIds, suffixIds, padId, vocabSize };
}
