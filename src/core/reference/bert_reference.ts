import type { BertConfig } from '../bert/bert_config';
import type { BertWeights, DenseWeights, NormWeights } from '../bert/bert_weights';
import { normaliseRows, type Vectors } from '../vectors';
import { erf } from './erf';

/** x·Wᵀ + b for x [rows, inF] and a PyTorch linear layer W [outF, inF], in float64. */
function dense(x: Float64Array, rows: number, inF: number, layer: DenseWeights): Float64Array {
  const outF = layer.bias.length;
  const y = new Float64Array(rows * outF);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outF; o++) {
      let sum = layer.bias[o]!;
      for (let i = 0; i < inF; i++) sum += x[r * inF + i]! * layer.weight[o * inF + i]!;
      y[r * outF + o] = sum;
    }
  }
  return y;
}

/** LayerNorm of every row in place: (x − mean) / √(biased variance + eps) · γ + β. */
function layerNorm(
  x: Float64Array,
  rows: number,
  width: number,
  norm: NormWeights,
  eps: number,
): Float64Array {
  for (let r = 0; r < rows; r++) {
    const row = x.subarray(r * width, (r + 1) * width);
    const mean = row.reduce((a, b) => a + b, 0) / width;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / width;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let i = 0; i < width; i++)
      row[i] = (row[i]! - mean) * inv * norm.gamma[i]! + norm.beta[i]!;
  }
  return x;
}

/** Multi-head scaled dot-product self-attention over one unpadded sequence, before the output dense. */
function attention(
  q: Float64Array,
  k: Float64Array,
  v: Float64Array,
  length: number,
  c: BertConfig,
) {
  const hidden = c.hiddenSize;
  const headSize = hidden / c.numAttentionHeads;
  const context = new Float64Array(length * hidden);
  const scores = new Float64Array(length);
  for (let h = 0; h < c.numAttentionHeads; h++) {
    const off = h * headSize;
    for (let i = 0; i < length; i++) {
      let max = -Infinity;
      for (let j = 0; j < length; j++) {
        let dot = 0;
        for (let d = 0; d < headSize; d++)
          dot += q[i * hidden + off + d]! * k[j * hidden + off + d]!;
        scores[j] = dot / Math.sqrt(headSize);
        max = Math.max(max, scores[j]!);
      }
      let total = 0;
      for (let j = 0; j < length; j++) total += scores[j] = Math.exp(scores[j]! - max);
      for (let j = 0; j < length; j++) {
        const p = scores[j]! / total;
        for (let d = 0; d < headSize; d++)
          context[i * hidden + off + d]! += p * v[j * hidden + off + d]!;
      }
    }
  }
  return context;
}

/** One sequence through the encoder: the last hidden states, [length, hiddenSize]. */
function encode(c: BertConfig, w: BertWeights, ids: Int32Array): Float64Array {
  const length = ids.length;
  const hidden = c.hiddenSize;
  let x: Float64Array = new Float64Array(length * hidden);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < hidden; i++) {
      // Token type 0 for every token: a single sentence, as sentence-transformers encodes it.
      x[t * hidden + i] =
        w.wordEmbeddings[ids[t]! * hidden + i]! +
        w.positionEmbeddings[t * hidden + i]! +
        w.tokenTypeEmbeddings[i]!;
    }
  }
  layerNorm(x, length, hidden, w.embeddingNorm, c.layerNormEps);
  for (const layer of w.layers) {
    const q = dense(x, length, hidden, layer.query);
    const k = dense(x, length, hidden, layer.key);
    const v = dense(x, length, hidden, layer.value);
    const attended = dense(attention(q, k, v, length, c), length, hidden, layer.attentionOutput);
    for (let i = 0; i < attended.length; i++) attended[i]! += x[i]!;
    x = layerNorm(attended, length, hidden, layer.attentionNorm, c.layerNormEps);
    const inner = dense(x, length, hidden, layer.intermediate);
    // BERT's "gelu" is the exact one: x · Φ(x) = x/2 · (1 + erf(x/√2)).
    for (let i = 0; i < inner.length; i++)
      inner[i] = 0.5 * inner[i]! * (1 + erf(inner[i]! / Math.SQRT2));
    const out = dense(inner, length, c.intermediateSize, layer.output);
    for (let i = 0; i < out.length; i++) out[i]! += x[i]!;
    x = layerNorm(out, length, hidden, layer.outputNorm, c.layerNormEps);
  }
  return x;
}

/**
 * Sentence embeddings by the all-MiniLM-L6-v2 recipe in plain float64 TypeScript, to check the
 * tfjs encoder against: Hugging Face BertModel (transformers models/bert/modeling_bert.py;
 * absolute positions from 0, token type 0, exact-erf GELU, post-LayerNorm) over each unpadded
 * sequence of token ids, mean of the last hidden states over its tokens, L2-normalised
 * (sentence-transformers Pooling + Normalize). O(layers · length² · hidden) per sequence.
 */
export function bertReference(
  config: BertConfig,
  weights: BertWeights,
  sequences: readonly Int32Array[],
): Vectors {
  const dim = config.hiddenSize;
  const data = new Float32Array(sequences.length * dim);
  sequences.forEach((ids, s) => {
    const states = encode(config, weights, ids);
    for (let i = 0; i < dim; i++) {
      let sum = 0;
      for (let t = 0; t < ids.length; t++) sum += states[t * dim + i]!;
      data[s * dim + i] = sum / Math.max(ids.length, 1);
    }
  });
  return normaliseRows({ data, n: sequences.length, dim });
}
