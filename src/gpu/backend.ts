import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { lostBackends, watchBackend } from './backend_loss';
import type { BackendName } from './backend_names';
import { probeWebGpu, type GpuAdapterSummary } from './webgpu_probe';

export { BACKEND_ORDER, type BackendName } from './backend_names';

/** What the backend choice found and decided; shown to the user and written into benchmarks. */
export interface BackendReport {
  name: BackendName;
  /** The adapter behind webgpu/webgl when known, e.g. "nvidia (ampere)" or "google (swiftshader)". */
  device: string;
  /** Why this backend: user-facing, one sentence. */
  reason: string;
  /** Backends tried before this one, with why each was passed over. */
  skipped: string[];
  /** True when a GPU backend runs on a CPU emulation (SwiftShader, lavapipe, llvmpipe). */
  emulated: boolean;
}

let chosenIsEmulated = false;

/**
 * Whether the backend chooseBackend last chose is a GPU emulated on the CPU: work that only pays
 * off on real GPU hardware (many small dispatches) takes its CPU path instead.
 */
export function chosenBackendIsEmulated(): boolean {
  return chosenIsEmulated;
}

/** Options of {@link chooseBackend}. */
export interface ChooseBackendOptions {
  /** Force this backend first (a URL parameter or a test); falls back as usual when it fails. */
  preferred?: BackendName;
  /** Where the tfjs-backend-wasm binaries are served from: a prefix or a file map. */
  wasmPaths?: string | Record<string, string>;
  /** Backends to leave out, e.g. webgl in Node where there is no WebGL. */
  exclude?: readonly BackendName[];
}

/**
 * Picks the fastest backend that works: webgpu → webgl → wasm → cpu, except that a software
 * WebGPU adapter (SwiftShader, lavapipe) is ranked after wasm, since on a CPU wasm is 10–30×
 * faster than emulated WebGPU (../shared/env/README.md). Never throws: cpu always works.
 */
export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<BackendReport> {
  if (options.wasmPaths) {
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    setWasmPaths(options.wasmPaths as Parameters<typeof setWasmPaths>[0]);
  }
  const skipped: string[] = [];
  const excluded = new Set(options.exclude ?? []);
  // A backend lost earlier in this worker (a lost GPU device) is not tried again.
  for (const [name, why] of lostBackends()) {
    if (excluded.has(name)) continue;
    excluded.add(name);
    skipped.push(`${name}: ${why}`);
  }
  const gpu = excluded.has('webgpu') ? null : await probeWebGpu();
  const softwareGpu = gpu?.isSoftware ?? false;

  const order: BackendName[] = softwareGpu
    ? ['webgl', 'wasm', 'webgpu', 'cpu']
    : ['webgpu', 'webgl', 'wasm', 'cpu'];
  if (options.preferred) order.splice(order.indexOf(options.preferred), 1);
  if (options.preferred) order.unshift(options.preferred);

  for (const name of order) {
    if (excluded.has(name)) continue;
    if (name === 'webgpu' && !gpu) {
      skipped.push('webgpu: no WebGPU adapter');
      continue;
    }
    const why = await tryBackend(name);
    if (why !== null) {
      skipped.push(`${name}: ${why}`);
      continue;
    }
    if (name === 'webgl' && isSoftwareWebGl() && options.preferred !== 'webgl') {
      skipped.push('webgl: software renderer, slower than wasm');
      continue;
    }
    chosenIsEmulated =
      (name === 'webgpu' && softwareGpu) || (name === 'webgl' && isSoftwareWebGl());
    watchBackend(name);
    return {
      name,
      device: describeDevice(name, gpu),
      reason: reasonFor(name, softwareGpu, options, gpu),
      skipped,
      emulated: chosenIsEmulated,
    };
  }
  // Unreachable in practice: the cpu backend is bundled and always initialises.
  await tf.setBackend('cpu');
  chosenIsEmulated = false;
  return {
    name: 'cpu',
    device: 'CPU',
    reason: 'No other backend initialised.',
    skipped,
    emulated: false,
  };
}

/** Tries to make `name` the current backend; returns null on success, else why it failed. */
async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    await loadBackendModule(name);
    const ok = await tf.setBackend(name);
    if (!ok) return 'failed to initialise';
    await tf.ready();
    // A backend can initialise and still fail on its first kernel (lost device, bad driver).
    const probe = tf.tidy(() => tf.sum(tf.matMul(tf.ones([4, 4]), tf.ones([4, 4]))));
    try {
      const [value] = await probe.data();
      if (value !== 64) return `wrong result from a test kernel (${value})`;
    } finally {
      probe.dispose();
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Backends are imported on demand: each registers itself with tfjs when its module loads. */
async function loadBackendModule(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
}

/** True when the webgl backend runs on a software rasteriser (SwiftShader, llvmpipe). */
function isSoftwareWebGl(): boolean {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGlLike } };
    const gl = backend.gpgpu?.gl;
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(0x1f01);
    return /swiftshader|llvmpipe|software|lavapipe/i.test(String(renderer));
  } catch {
    return false;
  }
}

interface WebGlLike {
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(p: number): unknown;
}

function describeDevice(name: BackendName, gpu: GpuAdapterSummary | null): string {
  if (name === 'webgpu' && gpu) return gpu.description;
  if (name === 'webgl') return 'WebGL 2';
  return 'CPU';
}

function reasonFor(
  name: BackendName,
  softwareGpu: boolean,
  options: ChooseBackendOptions,
  gpu: GpuAdapterSummary | null,
): string {
  // tfjs computes in 32-bit floats, so an adapter without shader-f16 only loses a faster path.
  const f32 = name === 'webgpu' && gpu && !gpu.hasShaderF16 ? ' No shader-f16: 32-bit floats.' : '';
  if (options.preferred === name) return `Requested ${name}.${f32}`;
  if (name === 'webgpu') return `WebGPU is available.${f32}`;
  if (name === 'wasm' && softwareGpu)
    return 'The only GPU is emulated in software; WebAssembly is faster here.';
  if (name === 'wasm') return 'No hardware GPU backend is available; using WebAssembly.';
  if (name === 'webgl') return 'WebGPU is unavailable; using WebGL.';
  return 'No faster backend initialised; using plain JavaScript.';
}
