import { describe, expect, it } from 'vitest';
import { parseBertConfig } from '../../../src/core/bert/bert_config';
import { ModelLoadError } from '../../../src/core/model_load_error';
import { TINY_CONFIG } from '../../helpers/tiny_bert';

// The config.json of sentence-transformers/all-MiniLM-L6-v2, as published.
const MINILM = {
  _name_or_path: 'nreimers/MiniLM-L6-H384-uncased',
  architectures: ['BertModel'],
  attention_probs_dropout_prob: 0.1,
  gradient_checkpointing: false,
  hidden_act: 'gelu',
  hidden_dropout_prob: 0.1,
  hidden_size: 384,
  initializer_range: 0.02,
  intermediate_size: 1536,
  layer_norm_eps: 1e-12,
  max_position_embeddings: 512,
  model_type: 'bert',
  num_attention_heads: 12,
  num_hidden_layers: 6,
  pad_token_id: 0,
  position_embedding_type: 'absolute',
  transformers_version: '4.8.2',
  type_vocab_size: 2,
  use_cache: true,
  vocab_size: 30522,
};

function messageOf(source: unknown): string {
  try {
    parseBertConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLoadError);
    return (error as Error).message;
  }
  throw new Error('expected a ModelLoadError');
}

describe('parseBertConfig', () => {
  it("reads all-MiniLM-L6-v2's config.json", () => {
    expect(parseBertConfig(JSON.stringify(MINILM))).toEqual({
      hiddenSize: 384,
      numHiddenLayers: 6,
      numAttentionHeads: 12,
      intermediateSize: 1536,
      vocabSize: 30522,
      maxPositionEmbeddings: 512,
      typeVocabSize: 2,
      layerNormEps: 1e-12,
    });
  });

  it('accepts a config with a Bert architecture but no model_type', () => {
    const config: Record<string, unknown> = { ...TINY_CONFIG, architectures: ['BertForMaskedLM'] };
    delete config.model_type;
    expect(parseBertConfig(config).hiddenSize).toBe(32);
  });

  it('rejects other architectures, naming the model_type', () => {
    const roberta = { ...MINILM, model_type: 'roberta', architectures: ['XLMRobertaModel'] };
    expect(messageOf(roberta)).toMatch(/model_type "roberta" \(XLMRobertaModel\).*BERT encoders/);
    expect(messageOf({ ...MINILM, model_type: 'distilbert' })).toMatch(/model_type "distilbert"/);
  });

  it('rejects other activations, relative positions and bad sizes', () => {
    expect(messageOf({ ...MINILM, hidden_act: 'relu' })).toMatch(/hidden_act "relu"/);
    expect(messageOf({ ...MINILM, position_embedding_type: 'relative_key' })).toMatch(
      /position_embedding_type "relative_key"/,
    );
    expect(messageOf({ ...MINILM, hidden_size: 'big' })).toMatch(/hidden_size must be a positive/);
    expect(messageOf({ ...MINILM, num_attention_heads: 5 })).toMatch(/not divisible/);
    expect(messageOf('{ not json')).toMatch(/config.json is not valid JSON/);
  });
});
