import * as tf from '@tensorflow/tfjs-core';
import type { BertConfig } from '../../core/bert/bert_config';
import type { BertWeights, DenseWeights, NormWeights } from '../../core/bert/bert_weights';

/** A linear layer on the backend: weight [in, out] (transposed once at load), bias [out]. */
export interface DenseTensors {
  weight: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** A LayerNorm on the backend: scale and shift, each [hidden]. */
export interface NormTensors {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
}

/** One transformer layer on the backend; Q, K and V fused into one [hidden, 3·hidden] layer. */
export interface BertLayerTensors {
  qkv: DenseTensors;
  attentionOutput: DenseTensors;
  attentionNorm: NormTensors;
  intermediate: DenseTensors;
  output: DenseTensors;
  outputNorm: NormTensors;
}

/** The encoder's weights on the backend. */
export interface BertTensors {
  wordEmbeddings: tf.Tensor2D;
  positionEmbeddings: tf.Tensor2D;
  /** Row 0 of the token-type table, [1, hidden]: single sentences are all type 0. */
  tokenType0: tf.Tensor2D;
  embeddingNorm: NormTensors;
  layers: BertLayerTensors[];
}

/** A BERT encoder whose weights live on the current tfjs backend until dispose(). */
export interface LoadedBertModel {
  readonly config: BertConfig;
  /** Names the weights in embedder ids, e.g. "sentence-transformers/all-MiniLM-L6-v2". */
  readonly modelId: string;
  /** The weights; throws once disposed. */
  readonly tensors: BertTensors;
  readonly disposed: boolean;
  /** Frees every weight tensor; idempotent. */
  dispose(): void;
}

/**
 * Uploads host weights to the current backend as float32 tensors: linear layers transposed to
 * [in, out] and Q, K, V concatenated, once, so each layer is one plain matMul at run time.
 */
export function createBertModel(
  config: BertConfig,
  weights: BertWeights,
  modelId: string,
): LoadedBertModel {
  const h = config.hiddenSize;
  const dense = (layer: DenseWeights, inF: number): DenseTensors =>
    tf.tidy(() => ({
      weight: tf.transpose(tf.tensor2d(layer.weight, [layer.bias.length, inF])),
      bias: tf.tensor1d(layer.bias),
    }));
  const norm = (n: NormWeights): NormTensors => ({
    gamma: tf.tensor1d(n.gamma),
    beta: tf.tensor1d(n.beta),
  });
  const layers = weights.layers.map((layer): BertLayerTensors => ({
    qkv: tf.tidy(() => {
      const parts = [layer.query, layer.key, layer.value].map((d) => dense(d, h));
      return {
        weight: tf.concat(
          parts.map((p) => p.weight),
          1,
        ),
        bias: tf.concat(parts.map((p) => p.bias)),
      };
    }),
    attentionOutput: dense(layer.attentionOutput, h),
    attentionNorm: norm(layer.attentionNorm),
    intermediate: dense(layer.intermediate, h),
    output: dense(layer.output, config.intermediateSize),
    outputNorm: norm(layer.outputNorm),
  }));
  let tensors: BertTensors | null = {
    wordEmbeddings: tf.tensor2d(weights.wordEmbeddings, [config.vocabSize, h]),
    positionEmbeddings: tf.tensor2d(weights.positionEmbeddings, [config.maxPositionEmbeddings, h]),
    tokenType0: tf.tensor2d(weights.tokenTypeEmbeddings.subarray(0, h), [1, h]),
    embeddingNorm: norm(weights.embeddingNorm),
    layers,
  };
  return {
    config,
    modelId,
    get tensors(): BertTensors {
      if (!tensors) throw new Error(`the model ${modelId} has been disposed`);
      return tensors;
    },
    get disposed() {
      return tensors === null;
    },
    dispose() {
      if (tensors) tf.dispose(tensors as unknown as tf.TensorContainer);
      tensors = null;
    },
  };
}
