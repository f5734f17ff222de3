import * as tf from '@tensorflow/tfjs-core';

/** The largest buffer papermap asks any single tfjs op to produce when nothing limits it. */
const DEFAULT_MAX_BUFFER_BYTES = 256 * 1024 * 1024;

/**
 * The largest single buffer (bytes) the current backend can bind: WebGPU's
 * maxStorageBufferBindingSize (128 MiB on some adapters, about 2 GiB at most even on big GPUs),
 * else 256 MiB. Tiled ops size their tiles from this; WebGPU reports an oversized binding only
 * as a validation warning and returns garbage, so exceeding it must never happen.
 */
export function maxBufferBytes(): number {
  if (tf.getBackend() !== 'webgpu') return DEFAULT_MAX_BUFFER_BYTES;
  const backend = tf.backend() as unknown as {
    device?: { limits?: { maxStorageBufferBindingSize?: number; maxBufferSize?: number } };
  };
  const limits = backend.device?.limits;
  const binding = limits?.maxStorageBufferBindingSize ?? DEFAULT_MAX_BUFFER_BYTES;
  const buffer = limits?.maxBufferSize ?? binding;
  return Math.min(binding, buffer, DEFAULT_MAX_BUFFER_BYTES);
}
