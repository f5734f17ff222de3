// `npx tsx bench/minilm_bench.ts [--n=64] [--tokens=128,256] [--backends=wasm,webgpu]
// [--batch=32] [--budget=10]`: papers per second of the minilm embedder's transformer with random
// weights of all-MiniLM-L6-v2's shape, per backend and input length. Each cell embeds up to n
// papers, fewer when a probe says n would take longer than `budget` seconds, so the default run
// stays near two minutes on a 2-core machine. The plain-JS cpu backend (≈ 0.1 papers/s there) runs
// only when named. Prints a table and writes bench/results/<date>-minilm-<machine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { installNodeWebGpu } from '../cli/node_webgpu';
import type { BertConfig } from '../src/core/bert/bert_config';
import type { BertWeights, DenseWeights, NormWeights } from '../src/core/bert/bert_weights';
import { hashString } from '../src/core/hash';
import { mulberry32 } from '../src/core/random';
import type { WordPieceTokenizer } from '../src/core/text/wordpiece/wordpiece_tokenizer';
import { chooseBackend, type BackendName } from '../src/gpu/backend';
import { createBertModel } from '../src/gpu/bert/bert_model';
import { createBertEmbedder } from '../src/gpu/minilm_embedder';
import { benchEnvironment } from './environment';
import { syntheticAbstracts } from './synthetic_abstracts';

/** all-MiniLM-L6-v2's config.json. */
const MINILM_L6: BertConfig = {
  hiddenSize: 384,
  numHiddenLayers: 6,
  numAttentionHeads: 12,
  intermediateSize: 1536,
  vocabSize: 30522,
  maxPositionEmbeddings: 512,
  typeVocabSize: 2,
  layerNormEps: 1e-12,
};

const args = new Map(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const n = Number(args.get('n') ?? 64);
const tokenLimits = (args.get('tokens') ?? '128,256').split(',').map(Number);
const wanted = (args.get('backends') ?? 'wasm,webgpu').split(',') as BackendName[];
const batchSize = Number(args.get('batch') ?? 32);
const budgetSeconds = Number(args.get('budget') ?? 10);

/** Random weights of the given shape: uniform, scaled like a trained model's (≈ 1/√fan-in). */
function randomWeights(c: BertConfig): BertWeights {
  const rand = mulberry32(1);
  const fill = (size: number, scale: number, offset = 0) =>
    Float32Array.from({ length: size }, () => offset + (rand() - 0.5) * 2 * scale);
  const h = c.hiddenSize;
  const dense = (out: number, input: number): DenseWeights => ({
    weight: fill(out * input, 1 / Math.sqrt(input)),
    bias: fill(out, 0.02),
  });
  const norm = (): NormWeights => ({ gamma: fill(h, 0.05, 1), beta: fill(h, 0.05) });
  return {
    wordEmbeddings: fill(c.vocabSize * h, 0.05),
    positionEmbeddings: fill(c.maxPositionEmbeddings * h, 0.05),
    tokenTypeEmbeddings: fill(c.typeVocabSize * h, 0.05),
    embeddingNorm: norm(),
    layers: Array.from({ length: c.numHiddenLayers }, () => ({
      query: dense(h, h),
      key: dense(h, h),
      value: dense(h, h),
      attentionOutput: dense(h, h),
      attentionNorm: norm(),
      intermediate: dense(c.intermediateSize, h),
      output: dense(h, c.intermediateSize),
      outputNorm: norm(),
    })),
  };
}

/**
 * A stand-in for the 30522-token WordPiece vocabulary (not downloadable here): each word becomes
 * one or two hashed ids, about the 1.3 pieces per word WordPiece gives English abstracts.
 */
const hashTokenizer: WordPieceTokenizer = {
  padId: 0,
  vocabSize: MINILM_L6.vocabSize,
  encode(text, maxTokens) {
    const ids = [101];
    for (const word of text.split(/\s+/)) {
      if (!word) continue;
      const h = parseInt(hashString(word).slice(0, 8), 16);
      ids.push(1000 + (h % 29000));
      if (h % 3 === 0) ids.push(1000 + ((h >>> 8) % 29000));
    }
    const out = ids.slice(0, maxTokens - 1);
    out.push(102);
    return Int32Array.from(out);
  },
};

interface Row {
  backend: string;
  device: string;
  maxTokens: number;
  n: number;
  meanTokens: number;
  seconds: number;
  papersPerSecond: number;
}

async function main(): Promise<void> {
  await installNodeWebGpu();
  const weights = randomWeights(MINILM_L6);
  const texts = syntheticAbstracts(Math.max(n, 4), 30, 180);
  const rows: Row[] = [];
  if (!wanted.includes('cpu')) console.log('cpu: not run by default (slow); --backends=cpu to add');
  console.log('backend  maxTokens      n  mean tokens   seconds  papers/s  device');
  for (const name of wanted) {
    const report = await chooseBackend({ preferred: name, exclude: ['webgl'] });
    if (report.name !== name) {
      console.log(`${name}: unavailable here (${report.skipped.join('; ')})`);
      continue;
    }
    const model = createBertModel(MINILM_L6, weights, 'random-minilm-l6');
    try {
      for (const maxTokens of tokenLimits) {
        const embedder = createBertEmbedder({
          model,
          tokenizer: hashTokenizer,
          maxTokens,
          batchSize,
        });
        // Warm-up compiles shaders and kernels for this width; the probe then times two papers.
        await embedder.embed(texts.slice(0, 2));
        const probeStart = performance.now();
        await embedder.embed(texts.slice(2, 4));
        const perPaper = (performance.now() - probeStart) / 2000;
        const count = Math.max(2, Math.min(n, Math.floor(budgetSeconds / perPaper)));
        const batch = texts.slice(0, count);
        const start = performance.now();
        await embedder.embed(batch);
        const seconds = (performance.now() - start) / 1000;
        const tokens = batch.map((t) => hashTokenizer.encode(t, maxTokens).length);
        const row: Row = {
          backend: name,
          device: report.device,
          maxTokens,
          n: count,
          meanTokens: Math.round(tokens.reduce((a, b) => a + b, 0) / count),
          seconds: +seconds.toFixed(3),
          papersPerSecond: +(count / seconds).toFixed(2),
        };
        rows.push(row);
        console.log(
          `${name.padEnd(8)} ${String(maxTokens).padStart(9)} ${String(count).padStart(6)} ` +
            `${String(row.meanTokens).padStart(12)} ${seconds.toFixed(2).padStart(9)} ` +
            `${row.papersPerSecond.toFixed(2).padStart(9)}  ${report.device}`,
        );
      }
    } finally {
      model.dispose();
    }
    if (tf.memory().numTensors !== 0)
      console.warn(`${name}: ${tf.memory().numTensors} tensors left`);
  }
  const env: Record<string, string> = {
    ...benchEnvironment(),
    model: 'MiniLM-L6 shape, random weights',
    batchSize: String(batchSize),
  };
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${env.date}-minilm-${process.env.BENCH_MACHINE ?? 'local'}.json`;
  writeFileSync(file, JSON.stringify({ environment: env, rows }, null, 2));
  console.log(`\n${JSON.stringify(env)}\nwritten ${file}`);
}

await main();
process.exit(0);
