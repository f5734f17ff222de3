import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { installNodeWebGpu } from '../../cli/node_webgpu';

/**
 * The tfjs backends these Node tests run on: 'cpu' always, 'wasm' when it initialises, and
 * 'webgpu' through Dawn on the machine's Vulkan driver (Mesa lavapipe in CI). A backend that is
 * missing is logged; in CI (CI=true) a missing webgpu fails, so the GPU code path never goes
 * untested there.
 */
export async function nodeBackends(): Promise<string[]> {
  const names = ['cpu'];
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) names.push('wasm');
    else console.warn('tfjs backend "wasm" did not initialise in Node: its tests are skipped');
  } catch (error) {
    console.warn(`tfjs backend "wasm" is unavailable in Node, its tests are skipped: ${error}`);
  }
  if (await webGpuWorks()) names.push('webgpu');
  else if (process.env.CI)
    throw new Error('CI must test the webgpu backend: is Mesa 25 lavapipe installed?');
  else
    console.warn(
      'tfjs backend "webgpu" is unavailable here (no Vulkan driver?): its tests are skipped',
    );
  await useBackend('cpu');
  return names;
}

async function webGpuWorks(): Promise<boolean> {
  try {
    if (!(await installNodeWebGpu())) return false;
    await import('@tensorflow/tfjs-backend-webgpu');
    return await tf.setBackend('webgpu');
  } catch {
    return false;
  }
}

/** Makes the named backend current. */
export async function useBackend(name: string): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
}

/** Makes tfjs-backend-cpu the current backend. */
export async function useCpuBackend(): Promise<void> {
  await useBackend('cpu');
}
