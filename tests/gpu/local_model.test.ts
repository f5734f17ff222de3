import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBertModelCache } from '../../src/gpu/bert/bert_model_cache';
import {
  checkPickedModel,
  LocalModels,
  type PickedModelFile,
} from '../../src/gpu/bert/local_model';
import { embedderFor, embedderIdFor } from '../../src/gpu/compute_handlers';
import { folderFetcher, tinyBertFiles, TINY_BASE_URL } from '../helpers/tiny_bert';

/** The tiny model's files as the browser would hand them over from a file picker. */
function picked(seed = 7, folder = 'my-model/'): PickedModelFile[] {
  return Object.entries(tinyBertFiles({ seed })).map(([name, content]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return new File([bytes], folder + name, { lastModified: 1_700_000_000_000 });
  });
}

const TEXTS = ['graph neural networks for protein molecule data', 'robot policy reward', 'Café'];

describe('a BERT model picked from disk', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('names the files that are missing, and accepts a whole folder', () => {
    const files = picked();
    expect(checkPickedModel(files)).toBeNull();
    const notes = new File(['read me'], 'README.md');
    expect(checkPickedModel([...files, notes])).toBeNull();
    const noWeights = files.filter((f) => !f.name.endsWith('.safetensors'));
    expect(checkPickedModel(noWeights)).toBe(
      'model.safetensors is missing: pick config.json, tokenizer.json and model.safetensors',
    );
    expect(checkPickedModel([notes])).toMatch(
      /^config\.json, tokenizer\.json, model\.safetensors are missing/,
    );
  });

  it('is named by its content: the same bytes give the same id, other weights another', async () => {
    // picked(8) has the same file names, sizes and dates as picked(7): only the bytes differ.
    const local = new LocalModels();
    const a = await local.id(picked(7, 'a/'));
    expect(a).toMatch(/^local-[0-9a-f]{16}$/);
    expect(await local.id(picked(7, 'b/'))).toBe(a);
    expect(await local.id(picked(8))).not.toBe(a);
    await expect(
      embedderIdFor({ kind: 'minilm', files: picked(7), baseUrl: TINY_BASE_URL }, local),
    ).resolves.toBe(`minilm-v1:model=${a};maxTokens=256;pool=mean`);
    await expect(local.id(picked().slice(0, 2))).rejects.toThrow(/model\.safetensors is missing/);
  });

  it('embeds exactly as the same model downloaded from a URL', async () => {
    const local = new LocalModels();
    const fromDisk = await embedderFor({ kind: 'minilm', files: picked() }, undefined, {}, local);
    const models = createBertModelCache(folderFetcher(tinyBertFiles()));
    const fromUrl = await embedderFor({ kind: 'minilm', baseUrl: TINY_BASE_URL }, models);
    expect(fromDisk.id).toBe(await embedderIdFor({ kind: 'minilm', files: picked() }, local));
    expect(fromDisk.id).not.toBe(fromUrl.id);
    const a = await fromDisk.embed(TEXTS);
    const b = await fromUrl.embed(TEXTS);
    expect(a.dim).toBe(32);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    local.dispose();
    models.dispose();
  });
});
