import { ModelLoadError } from '../model_load_error';
import type { BertConfig } from './bert_config';
import { readFloat32, type Safetensors } from './safetensors';

/** A linear layer as PyTorch stores it: weight [out, in] row-major, bias [out]. */
export interface DenseWeights {
  weight: Float32Array;
  bias: Float32Array;
}

/** A LayerNorm's scale and shift, each [hidden]. */
export interface NormWeights {
  gamma: Float32Array;
  beta: Float32Array;
}

/** One transformer layer of a BERT encoder (Hugging Face BertLayer). */
export interface BertLayerWeights {
  query: DenseWeights;
  key: DenseWeights;
  value: DenseWeights;
  attentionOutput: DenseWeights;
  attentionNorm: NormWeights;
  intermediate: DenseWeights;
  output: DenseWeights;
  outputNorm: NormWeights;
}

/** Every weight the encoder uses, as float32 on the host; shapes follow the BertConfig. */
export interface BertWeights {
  /** [vocabSize, hiddenSize]. */
  wordEmbeddings: Float32Array;
  /** [maxPositionEmbeddings, hiddenSize]. */
  positionEmbeddings: Float32Array;
  /** [typeVocabSize, hiddenSize]. */
  tokenTypeEmbeddings: Float32Array;
  embeddingNorm: NormWeights;
  layers: BertLayerWeights[];
}

const FILE = 'model.safetensors';
const WORD_EMBEDDINGS = 'embeddings.word_embeddings.weight';

/**
 * Picks the BertModel weights out of a safetensors file (Hugging Face names, with or without the
 * "bert." prefix of BertFor* checkpoints; LayerNorm as weight/bias or the older gamma/beta) and
 * checks each shape and the layer count against config.json; the pooler and heads are ignored.
 * Throws ModelLoadError naming the tensor and the config field that disagree.
 */
export function bertWeightsFromSafetensors(st: Safetensors, config: BertConfig): BertWeights {
  const wordKey = [...st.tensors.keys()].find((k) => k.endsWith(WORD_EMBEDDINGS));
  if (wordKey === undefined) {
    throw new ModelLoadError(
      'mismatch',
      `${FILE} has no ${WORD_EMBEDDINGS}: it does not hold a BERT encoder`,
      FILE,
    );
  }
  const prefix = wordKey.slice(0, -WORD_EMBEDDINGS.length);
  checkLayerCount(st, prefix, config.numHiddenLayers);

  const dims: Record<string, number> = {
    hidden_size: config.hiddenSize,
    intermediate_size: config.intermediateSize,
    vocab_size: config.vocabSize,
    max_position_embeddings: config.maxPositionEmbeddings,
    type_vocab_size: config.typeVocabSize,
  };
  const read = (name: string, ...shape: string[]): Float32Array => {
    const full = prefix + name;
    const entry = st.tensors.get(full);
    if (!entry) {
      throw new ModelLoadError('mismatch', `${FILE} has no tensor "${full}"`, FILE);
    }
    const expected = shape.map((d) => dims[d]!);
    if (entry.shape.length !== expected.length || entry.shape.some((d, i) => d !== expected[i])) {
      const named = shape.map((d) => `${d}=${dims[d]}`).join(', ');
      throw new ModelLoadError(
        'mismatch',
        `${FILE} disagrees with config.json: "${full}" has shape [${entry.shape.join(', ')}], ` +
          `config.json implies [${named}]`,
        FILE,
      );
    }
    return readFloat32(st, full, FILE);
  };
  const dense = (name: string, out: string, input: string): DenseWeights => ({
    weight: read(`${name}.weight`, out, input),
    bias: read(`${name}.bias`, out),
  });
  const norm = (name: string): NormWeights => {
    const old = st.tensors.has(`${prefix}${name}.gamma`);
    return {
      gamma: read(`${name}.${old ? 'gamma' : 'weight'}`, 'hidden_size'),
      beta: read(`${name}.${old ? 'beta' : 'bias'}`, 'hidden_size'),
    };
  };
  const H = 'hidden_size';
  const layers = Array.from({ length: config.numHiddenLayers }, (_, i): BertLayerWeights => {
    const at = `encoder.layer.${i}`;
    return {
      query: dense(`${at}.attention.self.query`, H, H),
      key: dense(`${at}.attention.self.key`, H, H),
      value: dense(`${at}.attention.self.value`, H, H),
      attentionOutput: dense(`${at}.attention.output.dense`, H, H),
      attentionNorm: norm(`${at}.attention.output.LayerNorm`),
      intermediate: dense(`${at}.intermediate.dense`, 'intermediate_size', H),
      output: dense(`${at}.output.dense`, H, 'intermediate_size'),
      outputNorm: norm(`${at}.output.LayerNorm`),
    };
  });
  return {
    wordEmbeddings: read(WORD_EMBEDDINGS, 'vocab_size', H),
    positionEmbeddings: read('embeddings.position_embeddings.weight', 'max_position_embeddings', H),
    tokenTypeEmbeddings: read('embeddings.token_type_embeddings.weight', 'type_vocab_size', H),
    embeddingNorm: norm('embeddings.LayerNorm'),
    layers,
  };
}

/** Checks the file has exactly config.numHiddenLayers layers, so extra layers are not ignored. */
function checkLayerCount(st: Safetensors, prefix: string, layers: number): void {
  const pattern = /^encoder\.layer\.(\d+)\./;
  let count = 0;
  for (const name of st.tensors.keys()) {
    if (!name.startsWith(prefix)) continue;
    const match = pattern.exec(name.slice(prefix.length));
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  if (count !== layers) {
    throw new ModelLoadError(
      'mismatch',
      `${FILE} disagrees with config.json: it has ${count} encoder layers, config.json ` +
        `num_hidden_layers = ${layers}`,
      FILE,
    );
  }
}
