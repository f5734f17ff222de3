import { gaussian, mulberry32 } from '../../src/core/random';
import { createMemoryFetcher, type Fetcher } from '../../src/gpu/bert/fetcher';
import { writeSafetensors, type TensorToWrite } from './safetensors_writer';

/** The vocabulary of the tiny test model: BERT's specials, punctuation, letters, pieces, words. */
export const TINY_VOCAB: readonly string[] = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
  const digits = '0123456789'.split('');
  const words = (
    'the a of and to in is we for on with that this by are from as be an our model models ' +
    'learning neural network networks graph graphs data training language large method methods ' +
    'results show propose paper new task tasks deep attention transformer embedding vision ' +
    'image images text performance state art benchmark dataset datasets approach un ##aff ##able ' +
    '##s ##ing ##ed ##er ##ion ##ly ##al ##es ##ize ##ation protein molecule robot policy reward ' +
    'agent quantum code reasoning diffusion video speech audio 3d point cloud map maps'
  ).split(' ');
  const fillers = Array.from({ length: 120 }, (_, i) => `w${i}`);
  return [
    '[PAD]',
    '[UNK]',
    '[CLS]',
    '[SEP]',
    '[MASK]',
    ...'.,;:!?()-\'"[]/%+='.split(''),
    ...letters,
    ...letters.map((l) => `##${l}`),
    ...digits,
    ...digits.map((d) => `##${d}`),
    ...words,
    ...fillers,
  ];
})();

/** The shape of the tiny model: 2 layers, hidden 32, 4 heads, intermediate 64, 64 positions. */
export const TINY_CONFIG = {
  architectures: ['BertModel'],
  model_type: 'bert',
  hidden_size: 32,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  intermediate_size: 64,
  hidden_act: 'gelu',
  vocab_size: TINY_VOCAB.length,
  max_position_embeddings: 64,
  type_vocab_size: 2,
  layer_norm_eps: 1e-12,
  position_embedding_type: 'absolute',
} as const;

/** A Hugging Face tokenizer.json of a BERT uncased WordPiece tokenizer over `vocab`. */
export function bertTokenizerJson(
  vocab: readonly string[],
  post: 'template' | 'bert' = 'template',
): Record<string, unknown> {
  const id = (token: string) => vocab.indexOf(token);
  const special = (token: string) => ({ id: token, ids: [id(token)], tokens: [token] });
  const postProcessor =
    post === 'bert'
      ? { type: 'BertProcessing', sep: ['[SEP]', id('[SEP]')], cls: ['[CLS]', id('[CLS]')] }
      : {
          type: 'TemplateProcessing',
          single: [
            { SpecialToken: { id: '[CLS]', type_id: 0 } },
            { Sequence: { id: 'A', type_id: 0 } },
            { SpecialToken: { id: '[SEP]', type_id: 0 } },
          ],
          pair: [],
          special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
        };
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: 128, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
      .filter((t) => id(t) >= 0)
      .map((t) => ({ id: id(t), content: t, special: true, normalized: false })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: postProcessor,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/** Options of tinyBertFiles. */
export interface TinyBertOptions {
  seed?: number;
  /** How the weights are stored; default F32. */
  dtype?: 'F32' | 'F16';
  /** "bert." as in BertFor* checkpoints, or "" as in BertModel ones; default "". */
  prefix?: string;
  /** Overrides of config.json fields, e.g. { num_hidden_layers: 3 } or { vocab_size: 500 }. */
  config?: Record<string, unknown>;
  /** Tensors to leave out of model.safetensors (names without the prefix). */
  omit?: readonly string[];
}

/** The three files of a seeded random BERT, as a model folder holds them. */
export interface TinyBertFiles {
  'config.json': string;
  'tokenizer.json': string;
  'model.safetensors': Uint8Array;
}

/**
 * A seeded random BERT with real Hugging Face file formats, shaped by TINY_CONFIG (plus
 * overrides); the weights are sized so activations stay in a realistic range.
 */
export function tinyBertFiles(options: TinyBertOptions = {}): TinyBertFiles {
  const config = { ...TINY_CONFIG, ...options.config };
  const { dtype = 'F32', prefix = '' } = options;
  const normal = gaussian(mulberry32(options.seed ?? 7));
  const h = config.hidden_size as number;
  const inter = config.intermediate_size as number;
  const tensors: Record<string, TensorToWrite> = {};
  const add = (name: string, shape: number[], std: number, mean = 0) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = mean + std * normal();
    tensors[prefix + name] = { dtype, shape, data };
  };
  const linear = (name: string, out: number, input: number) => {
    add(`${name}.weight`, [out, input], 1 / Math.sqrt(input));
    add(`${name}.bias`, [out], 0.1);
  };
  const norm = (name: string) => {
    add(`${name}.weight`, [h], 0.1, 1);
    add(`${name}.bias`, [h], 0.1);
  };
  add('embeddings.word_embeddings.weight', [config.vocab_size as number, h], 1);
  add('embeddings.position_embeddings.weight', [config.max_position_embeddings as number, h], 0.5);
  add('embeddings.token_type_embeddings.weight', [config.type_vocab_size as number, h], 0.5);
  norm('embeddings.LayerNorm');
  for (let i = 0; i < (config.num_hidden_layers as number); i++) {
    const at = `encoder.layer.${i}`;
    for (const part of ['query', 'key', 'value']) linear(`${at}.attention.self.${part}`, h, h);
    linear(`${at}.attention.output.dense`, h, h);
    norm(`${at}.attention.output.LayerNorm`);
    linear(`${at}.intermediate.dense`, inter, h);
    linear(`${at}.output.dense`, h, inter);
    norm(`${at}.output.LayerNorm`);
  }
  linear('pooler.dense', h, h); // present in real checkpoints, unused by sentence embeddings
  for (const name of options.omit ?? []) delete tensors[prefix + name];
  return {
    'config.json': JSON.stringify(config),
    'tokenizer.json': JSON.stringify(bertTokenizerJson(TINY_VOCAB)),
    'model.safetensors': writeSafetensors(tensors),
  };
}

/** Where tests pretend the tiny model is hosted. */
export const TINY_BASE_URL = 'https://models.example/tiny-bert/';

/** An in-memory Fetcher serving a model folder's files under baseUrl. */
export function folderFetcher(files: Partial<TinyBertFiles>, baseUrl = TINY_BASE_URL): Fetcher {
  return createMemoryFetcher(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [baseUrl + name, bytes])),
  );
}
