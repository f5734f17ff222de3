import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../../src/core/model_load_error';
import {
  DEFAULT_BERT_BASE_URL,
  loadBert,
  modelIdFromBaseUrl,
  modelIdFromContent,
} from '../../../src/gpu/bert/bert_loader';
import { createFileFetcher } from '../../../src/gpu/bert/file_fetcher';
import { useCpuBackend } from '../../helpers/tf_backends';
import {
  bertTokenizerJson,
  folderFetcher,
  tinyBertFiles,
  TINY_BASE_URL,
  TINY_CONFIG,
  TINY_VOCAB,
  type TinyBertFiles,
} from '../../helpers/tiny_bert';

/** Loads a model folder from memory and returns the error it fails with. */
async function failure(files: Partial<TinyBertFiles>): Promise<ModelLoadError> {
  const before = tf.memory().numTensors;
  const error = await loadBert({ fetcher: folderFetcher(files), baseUrl: TINY_BASE_URL }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  expect(tf.memory().numTensors).toBe(before); // a failed load uploads nothing
  return error as ModelLoadError;
}

const withConfig = (overrides: Record<string, unknown>): TinyBertFiles => ({
  ...tinyBertFiles(),
  'config.json': JSON.stringify({ ...TINY_CONFIG, ...overrides }),
});

describe('loadBert', () => {
  beforeAll(useCpuBackend);

  it('loads config.json, tokenizer.json and model.safetensors from a base URL, with progress', async () => {
    const progress: number[] = [];
    const bert = await loadBert({
      fetcher: folderFetcher(tinyBertFiles()),
      baseUrl: TINY_BASE_URL.slice(0, -1), // the missing "/" is added
      onProgress: (fraction, stage) => {
        expect(stage).toBe('download model');
        progress.push(fraction);
      },
    });
    expect(bert.model.config.hiddenSize).toBe(32);
    expect(bert.model.modelId).toBe('models.example/tiny-bert');
    expect(bert.tokenizer.vocabSize).toBe(TINY_VOCAB.length);
    expect(progress.at(-1)).toBe(1);
    bert.model.dispose();
  });

  it('names models by their Hugging Face repository, else by URL', () => {
    expect(modelIdFromBaseUrl(DEFAULT_BERT_BASE_URL)).toBe(
      'sentence-transformers/all-MiniLM-L6-v2',
    );
    expect(modelIdFromBaseUrl('https://huggingface.co/BAAI/bge-small-en-v1.5/resolve/main')).toBe(
      'BAAI/bge-small-en-v1.5',
    );
    expect(modelIdFromBaseUrl('https://huggingface.co/intfloat/e5-small-v2/resolve/ab12/')).toBe(
      'intfloat/e5-small-v2@ab12',
    );
    expect(modelIdFromBaseUrl('http://localhost:5173/models/minilm;x/')).toBe(
      'localhost:5173/models/minilm%3Bx',
    );
  });

  it('names files picked from disk by a fingerprint of their bytes', async () => {
    const files = tinyBertFiles();
    const other = tinyBertFiles({ seed: 99 });
    const buffers = (f: TinyBertFiles) =>
      [f['config.json'], f['tokenizer.json'], f['model.safetensors']].map(
        (x) =>
          (typeof x === 'string' ? new TextEncoder().encode(x) : x.slice()).buffer as ArrayBuffer,
      );
    expect(modelIdFromContent(buffers(files))).toMatch(/^local-[0-9a-f]{16}$/);
    expect(modelIdFromContent(buffers(files))).toBe(modelIdFromContent(buffers(files)));
    expect(modelIdFromContent(buffers(files))).not.toBe(modelIdFromContent(buffers(other)));
    const picked = Object.entries(files).map(([name, bytes]) => ({
      name,
      arrayBuffer: async () => new Blob([bytes]).arrayBuffer(),
    }));
    const bert = await loadBert({
      fetcher: createFileFetcher(picked),
      baseUrl: 'file:///',
      modelId: modelIdFromContent(buffers(files)),
    });
    expect(bert.model.modelId).toBe(modelIdFromContent(buffers(files)));
    bert.model.dispose();
  });

  it('reads weights with a "bert." prefix (BertFor* checkpoints)', async () => {
    const bert = await loadBert({
      fetcher: folderFetcher(tinyBertFiles({ prefix: 'bert.' })),
      baseUrl: TINY_BASE_URL,
    });
    expect(bert.model.config.numHiddenLayers).toBe(2);
    bert.model.dispose();
  });

  it('reports a missing file as HTTP 404, naming it', async () => {
    const files: Partial<TinyBertFiles> = tinyBertFiles();
    delete files['model.safetensors'];
    const error = await failure(files);
    expect(error.failure).toBe('http');
    expect(error.message).toMatch(/^model.safetensors: HTTP 404 Not Found/);
  });

  it('reports a truncated model.safetensors as an interrupted download', async () => {
    const files = tinyBertFiles();
    const error = await failure({
      ...files,
      'model.safetensors': files['model.safetensors'].slice(0, 20_000),
    });
    expect(error.failure).toBe('format');
    expect(error.message).toMatch(/model.safetensors is truncated: .*an interrupted download/);
  });

  it('reports weights whose shapes disagree with config.json, naming tensor and field', async () => {
    const wider = await failure(withConfig({ intermediate_size: 128 }));
    expect(wider.failure).toBe('mismatch');
    expect(wider.message).toContain(
      'model.safetensors disagrees with config.json: "encoder.layer.0.intermediate.dense.weight" ' +
        'has shape [64, 32], config.json implies [intermediate_size=128, hidden_size=32]',
    );
    const deeper = await failure(withConfig({ num_hidden_layers: 3 }));
    expect(deeper.message).toMatch(/it has 2 encoder layers, config.json num_hidden_layers = 3/);
    const positions = await failure(withConfig({ max_position_embeddings: 128 }));
    expect(positions.message).toMatch(
      /position_embeddings.weight" has shape \[64, 32\].*max_position_embeddings=128/,
    );
    const vocab = await failure(withConfig({ vocab_size: 1000 }));
    expect(vocab.message).toMatch(/word_embeddings.weight" has shape \[\d+, 32\].*vocab_size=1000/);
    const heads = await failure(withConfig({ hidden_size: 64, num_attention_heads: 4 }));
    expect(heads.message).toMatch(/hidden_size=64/);
  });

  it('reports a missing tensor by name, and a vocabulary larger than the model', async () => {
    const missing = await failure(
      tinyBertFiles({ omit: ['encoder.layer.1.output.LayerNorm.bias'] }),
    );
    expect(missing.message).toBe(
      'model.safetensors has no tensor "encoder.layer.1.output.LayerNorm.bias"',
    );
    const vocab = await failure(withConfig({ vocab_size: 100 }));
    expect(vocab.message).toMatch(/tokenizer.json disagrees with config.json: .*vocab_size = 100/);
  });

  it('refuses a model that is not BERT, and a tokenizer that is not WordPiece', async () => {
    const roberta = await failure(
      withConfig({ model_type: 'roberta', architectures: ['RobertaModel'] }),
    );
    expect(roberta.failure).toBe('unsupported');
    expect(roberta.message).toMatch(/config.json: the model has model_type "roberta"/);
    const bpe = {
      ...bertTokenizerJson(TINY_VOCAB),
      model: { type: 'BPE', vocab: {}, merges: [] },
    };
    const tokenizer = await failure({ ...tinyBertFiles(), 'tokenizer.json': JSON.stringify(bpe) });
    expect(tokenizer.failure).toBe('unsupported');
    expect(tokenizer.message).toMatch(/tokenizer.json: the tokenizer is BPE/);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(
      loadBert({
        fetcher: folderFetcher(tinyBertFiles()),
        baseUrl: TINY_BASE_URL,
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
  });
});
