import { parseBertConfig } from '../../core/bert/bert_config';
import { bertWeightsFromSafetensors } from '../../core/bert/bert_weights';
import { parseSafetensors } from '../../core/bert/safetensors';
import type { JobOptions } from '../../core/job';
import { ModelLoadError } from '../../core/model_load_error';
import { parseTokenizerJson } from '../../core/text/wordpiece/tokenizer_json';
import {
  createWordPieceTokenizer,
  type WordPieceTokenizer,
} from '../../core/text/wordpiece/wordpiece_tokenizer';
import { createBertModel, type LoadedBertModel } from './bert_model';
import type { Fetcher } from './fetcher';

/** Where the default sentence encoder is downloaded from: all-MiniLM-L6-v2 on Hugging Face. */
export const DEFAULT_BERT_BASE_URL =
  'https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2/resolve/main/';

/** The files a model directory must hold, relative to its base URL. */
export const BERT_FILES = ['config.json', 'tokenizer.json', 'model.safetensors'] as const;

/** A loaded encoder and the tokenizer that goes with it. */
export interface LoadedBert {
  model: LoadedBertModel;
  tokenizer: WordPieceTokenizer;
}

/** Options of loadBert; progress is reported as stage 'download model'. */
export interface LoadBertOptions extends Pick<JobOptions, 'onProgress' | 'signal'> {
  fetcher: Fetcher;
  /** Folder URL holding BERT_FILES; a trailing "/" is added if missing. Default DEFAULT_BERT_BASE_URL. */
  baseUrl?: string;
  /** Overrides the model id, e.g. from modelIdFromContent for files picked from disk. */
  modelId?: string;
}

/** Appends the "/" that makes a folder URL resolve its files inside it. */
export function folderUrl(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/**
 * The model part of an embedder id from a base URL: "org/name" for a Hugging Face repository at
 * main ("org/name@rev" at another revision), else the URL without its scheme; ";" is escaped
 * because ids separate parameters with it.
 */
export function modelIdFromBaseUrl(baseUrl: string): string {
  const url = folderUrl(baseUrl);
  const hf = /^https?:\/\/huggingface\.co\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/$/.exec(url);
  const id = hf ? (hf[2] === 'main' ? hf[1]! : `${hf[1]}@${hf[2]}`) : url.replace(/^\w+:\/\//, '');
  return id.replace(/\/$/, '').replaceAll(';', '%3B');
}

/**
 * A model id from file contents, "local-" + 16 hex digits: a 64-bit FNV-1a-style fingerprint of
 * every byte, for files picked from disk, which have no URL that names them.
 */
export function modelIdFromContent(files: readonly ArrayBuffer[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const file of files) {
    const words = new Uint32Array(file, 0, file.byteLength >>> 2);
    for (let i = 0; i < words.length; i++) {
      h1 = Math.imul(h1 ^ words[i]!, 0x01000193);
      h2 = Math.imul(h2 ^ words[i]! ^ (h1 >>> 15), 0x5bd1e995);
    }
    const tail = new Uint8Array(file, words.length * 4);
    for (const byte of tail) h1 = Math.imul(h1 ^ byte, 0x01000193);
    h2 = Math.imul(h2 ^ file.byteLength, 0x5bd1e995);
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return `local-${hex(h1)}${hex(h2)}`;
}

/**
 * Downloads config.json, tokenizer.json and model.safetensors through the fetcher (in parallel),
 * checks that they agree, and uploads the weights to the current tfjs backend. Every failure is a
 * ModelLoadError with a user-facing message; the caller owns the model and must dispose() it.
 */
export async function loadBert(options: LoadBertOptions): Promise<LoadedBert> {
  const { fetcher, signal, onProgress } = options;
  const base = folderUrl(options.baseUrl ?? DEFAULT_BERT_BASE_URL);
  const received = new Map<string, [number, number]>();
  const report = (file: string, bytes: number, total: number) => {
    received.set(file, [bytes, total]);
    let done = 0;
    let all = 0;
    for (const [b, t] of received.values()) [done, all] = [done + b, all + Math.max(t, b)];
    // Three files are expected; until each has reported, the fraction can only be a guess.
    onProgress?.(received.size < BERT_FILES.length ? 0 : done / all, 'download model');
  };
  const [configBytes, tokenizerBytes, weightBytes] = await Promise.all(
    BERT_FILES.map((file) =>
      fetcher.fetch(base + file, {
        signal,
        onProgress: (bytes, total) => report(file, bytes, total),
      }),
    ),
  );
  signal?.throwIfAborted();
  const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);
  const config = parseBertConfig(text(configBytes!));
  const tokenizer = createWordPieceTokenizer(parseTokenizerJson(text(tokenizerBytes!)));
  if (tokenizer.vocabSize > config.vocabSize) {
    throw new ModelLoadError(
      'mismatch',
      `tokenizer.json disagrees with config.json: its vocabulary has ids up to ` +
        `${tokenizer.vocabSize - 1}, config.json vocab_size = ${config.vocabSize}`,
      'tokenizer.json',
    );
  }
  const weights = bertWeightsFromSafetensors(parseSafetensors(weightBytes!), config);
  const modelId = options.modelId ?? modelIdFromBaseUrl(base);
  return { model: createBertModel(config, weights, modelId), tokenizer };
}
