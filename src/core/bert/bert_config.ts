import { ModelLoadError } from '../model_load_error';

/** The fields of a Hugging Face BERT config.json that shape the encoder. */
export interface BertConfig {
  /** Width of every hidden state; 384 in all-MiniLM-L6-v2. */
  hiddenSize: number;
  /** Transformer layers; 6 in all-MiniLM-L6-v2. */
  numHiddenLayers: number;
  /** Attention heads per layer; divides hiddenSize (12 heads of 32 in all-MiniLM-L6-v2). */
  numAttentionHeads: number;
  /** Width of the feed-forward layer; 1536 in all-MiniLM-L6-v2. */
  intermediateSize: number;
  /** Rows of the word-embedding table; 30522 for the bert-base-uncased vocabulary. */
  vocabSize: number;
  /** Longest input, in tokens (rows of the position-embedding table); 512 in BERT. */
  maxPositionEmbeddings: number;
  /** Rows of the token-type (segment) table; 2 in BERT. */
  typeVocabSize: number;
  /** Epsilon inside every LayerNorm; 1e-12 in BERT. */
  layerNormEps: number;
}

const FILE = 'config.json';

function unsupported(message: string): never {
  throw new ModelLoadError('unsupported', `${FILE}: ${message}`, FILE);
}

/**
 * Reads and checks a config.json: model_type "bert" (BERT, MiniLM, BGE-small, E5-small, …; or no
 * model_type and a Bert* architecture), hidden_act "gelu", absolute position embeddings, and
 * positive integer sizes with hidden_size divisible by num_attention_heads. Throws ModelLoadError.
 */
export function parseBertConfig(source: string | unknown): BertConfig {
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
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ModelLoadError('format', `${FILE} is not a JSON object`, FILE);
  }
  const c = json as Record<string, unknown>;
  const architectures = Array.isArray(c.architectures) ? c.architectures.map(String) : [];
  const modelType = c.model_type;
  const isBert =
    modelType === 'bert' ||
    (modelType === undefined && architectures.some((a) => /^Bert[A-Z]/.test(a)));
  if (!isBert) {
    const what = modelType !== undefined ? `model_type "${String(modelType)}"` : 'no model_type';
    const archs = architectures.length ? ` (${architectures.join(', ')})` : '';
    unsupported(
      `the model has ${what}${archs}; papermap runs BERT encoders (model_type "bert", e.g. ` +
        'all-MiniLM-L6-v2, BGE-small, E5-small)',
    );
  }
  const act = c.hidden_act ?? 'gelu';
  if (act !== 'gelu') unsupported(`hidden_act "${String(act)}" is not supported (only "gelu")`);
  const positions = c.position_embedding_type ?? 'absolute';
  if (positions !== 'absolute') {
    unsupported(`position_embedding_type "${String(positions)}" is not supported`);
  }
  const size = (key: string, fallback?: number): number => {
    const value = c[key] ?? fallback;
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new ModelLoadError(
        'format',
        `${FILE}: ${key} must be a positive integer, got ${JSON.stringify(value)}`,
        FILE,
      );
    }
    return value as number;
  };
  const config: BertConfig = {
    hiddenSize: size('hidden_size'),
    numHiddenLayers: size('num_hidden_layers'),
    numAttentionHeads: size('num_attention_heads'),
    intermediateSize: size('intermediate_size'),
    vocabSize: size('vocab_size'),
    maxPositionEmbeddings: size('max_position_embeddings', 512),
    typeVocabSize: size('type_vocab_size', 2),
    layerNormEps: typeof c.layer_norm_eps === 'number' ? c.layer_norm_eps : 1e-12,
  };
  if (config.hiddenSize % config.numAttentionHeads !== 0) {
    throw new ModelLoadError(
      'format',
      `${FILE}: hidden_size ${config.hiddenSize} is not divisible by num_attention_heads ` +
        `${config.numAttentionHeads}`,
      FILE,
    );
  }
  return config;
}
