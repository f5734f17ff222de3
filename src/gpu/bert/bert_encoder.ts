import * as tf from '@tensorflow/tfjs-core';
import type { DenseTensors, LoadedBertModel, NormTensors } from './bert_model';

/** Added to attention scores of padded keys: exp of it is exactly 0 in float32. */
const MASKED = -1e9;

function dense(x: tf.Tensor2D, layer: DenseTensors): tf.Tensor2D {
  return tf.fused.matMul({ a: x, b: layer.weight, bias: layer.bias }) as tf.Tensor2D;
}

/** LayerNorm over the last axis with the biased variance, as torch.nn.LayerNorm. */
function layerNorm(x: tf.Tensor2D, norm: NormTensors, eps: number): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalised = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps)));
  return tf.add(tf.mul(normalised, norm.gamma), norm.beta);
}

/** BERT's "gelu": the exact x · Φ(x) = x/2 · (1 + erf(x/√2)), not the tanh approximation. */
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/** [b·L, hidden] → [b, heads, L, headSize]. */
function splitHeads(x: tf.Tensor, b: number, length: number, heads: number): tf.Tensor4D {
  return tf.transpose(tf.reshape(x, [b, length, heads, -1]), [0, 2, 1, 3]);
}

/**
 * Sentence embeddings of one padded batch, by the all-MiniLM-L6-v2 recipe: Hugging Face BertModel
 * (transformers models/bert/modeling_bert.py: word + position + token-type-0 embeddings,
 * LayerNorm, then per layer multi-head self-attention with padded keys masked, residual +
 * LayerNorm, exact-GELU feed-forward, residual + LayerNorm), mean over the real tokens and L2
 * normalisation (sentence-transformers Pooling + Normalize). ids: int32 [b, L]; mask: int32
 * [b, L], 1 for real tokens, at least one per row. Returns [b, hidden]; a synchronous op chain,
 * run it inside tf.tidy.
 */
export function bertSentenceEmbeddings(
  model: LoadedBertModel,
  ids: tf.Tensor2D,
  mask: tf.Tensor2D,
): tf.Tensor2D {
  const { config } = model;
  const w = model.tensors;
  const [b, length] = ids.shape;
  const hidden = config.hiddenSize;
  const heads = config.numAttentionHeads;
  const eps = config.layerNormEps;
  if (length > config.maxPositionEmbeddings) {
    throw new RangeError(`bert: ${length} tokens exceed max_position_embeddings`);
  }

  const words = tf.reshape(tf.gather(w.wordEmbeddings, tf.reshape(ids, [-1])), [b, length, hidden]);
  const positions = tf.slice(w.positionEmbeddings, [0, 0], [length, hidden]);
  const embedded = tf.add(tf.add(words, positions), w.tokenType0);
  let x = layerNorm(tf.reshape(embedded, [b * length, hidden]), w.embeddingNorm, eps);
  const maskF = tf.cast(mask, 'float32');
  // [b, 1, 1, L]: the same bias for every head and every query row.
  const keyBias = tf.reshape(tf.mul(tf.sub(1, maskF), MASKED), [b, 1, 1, length]);
  const scale = 1 / Math.sqrt(hidden / heads);

  for (const layer of w.layers) {
    // A tidy per layer frees its attention scores before the next layer allocates its own, so a
    // batch holds one layer's intermediates at a time, not all of them.
    const next = tf.tidy(() => {
      const [q, k, v] = tf.split(dense(x, layer.qkv), 3, 1);
      const scores = tf.matMul(
        splitHeads(tf.mul(q!, scale), b, length, heads),
        splitHeads(k!, b, length, heads),
        false,
        true,
      );
      const probs = tf.softmax(tf.add(scores, keyBias));
      const context = tf.matMul(probs, splitHeads(v!, b, length, heads));
      const merged = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [b * length, hidden]);
      const attended = tf.add<tf.Tensor2D>(dense(merged as tf.Tensor2D, layer.attentionOutput), x);
      const y = layerNorm(attended, layer.attentionNorm, eps);
      const inner = gelu(dense(y, layer.intermediate));
      return layerNorm(tf.add<tf.Tensor2D>(dense(inner, layer.output), y), layer.outputNorm, eps);
    });
    x.dispose(); // made above, never the caller's
    x = next;
  }

  const states = tf.reshape(x, [b, length, hidden]);
  const summed = tf.sum(tf.mul(states, tf.expandDims(maskF, 2)), 1);
  const counts = tf.maximum(tf.sum(maskF, 1, true), 1e-9); // clamped as sentence-transformers does
  const mean = tf.div(summed, counts);
  // F.normalize(p=2, eps=1e-12), as sentence-transformers' Normalize layer.
  return tf.div(mean, tf.maximum(tf.norm(mean, 'euclidean', 1, true), 1e-12));
}
