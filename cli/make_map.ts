import { statSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { buildMap, type StageProgress } from '../src/app/build_map';
import { bundleFromBuilt } from '../src/app/map_bundles';
import { fetchInput, type ImportInput } from '../src/core/import/import_input';
import { importFiles, type ImportResult } from '../src/core/import/import_corpus';
import type { Corpus } from '../src/core/paper';
import type { BackendName, BackendReport } from '../src/gpu/backend';
import type { EmbedderSpec } from '../src/gpu/compute_api';
import { createInProcessCompute } from '../src/gpu/in_process_compute';
import type { MapBundle } from '../src/share/bundle/map_bundle';
import { MemoryVectorStore } from '../src/store/memory_vector_store';
import { inputFromPath } from './file_input';
import { installNodeWebGpu } from './node_webgpu';

/** An input papermap could not open (a missing file, a failed download): exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Opens files and http(s) URLs as import inputs; throws InputError naming the one that fails. */
export async function openInputs(paths: readonly string[]): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const path of paths) {
    try {
      if (/^https?:\/\//i.test(path)) inputs.push(await fetchInput(path));
      // openAsBlob's own error does not say why ("Unable to open file as blob").
      else if (statSync(path).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      else inputs.push(await inputFromPath(path));
    } catch (error) {
      const code = (error as { code?: string }).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : error instanceof Error
              ? error.message
              : String(error);
      throw new InputError(`cannot read ${path}: ${why}`);
    }
  }
  return inputs;
}

/** Imports the inputs into one corpus, reporting progress in [0, 1] with a detail line. */
export function importInputs(
  inputs: readonly ImportInput[],
  onProgress: (fraction: number, detail: string) => void,
): Promise<ImportResult> {
  return importFiles(inputs, { onProgress });
}

/** Options of computeMap. */
export interface ComputeMapOptions {
  embedder: EmbedderSpec;
  /** The backend to try first; undefined picks the fastest that works. */
  backend: BackendName | undefined;
  seed: number;
  /** Include the vectors in the bundle (stored as 4-bit codes). */
  vectors: boolean;
  onBackend?: (report: BackendReport) => void;
  onProgress?: (progress: StageProgress) => void;
}

/**
 * Embeds, projects and clusters a corpus in this process (the app's buildMap, with a memory
 * cache) and returns the bundle and the backend it ran on. WebGPU comes from the npm package
 * `webgpu` where it works; chooseBackend still ranks a software adapter after wasm.
 */
export async function computeMap(
  corpus: Corpus,
  name: string,
  options: ComputeMapOptions,
): Promise<{ bundle: MapBundle; backend: BackendReport }> {
  // Only WebGPU needs Dawn; loading it for cpu or wasm would cost time for nothing.
  if (options.backend === undefined || options.backend === 'webgpu') await installNodeWebGpu();
  // tfjs's "install tfjs-node" banner is noise here: the CLI says which backend it uses.
  tf.env().set('PROD', true);
  const compute = createInProcessCompute({ exclude: ['webgl'] });
  const backend = await compute.init(options.backend);
  options.onBackend?.(backend);
  const store = new MemoryVectorStore();
  try {
    const built = await buildMap(corpus, compute, store, {
      embedder: options.embedder,
      backend,
      seed: options.seed,
      onProgress: options.onProgress,
    });
    const bundle = bundleFromBuilt(built, name, { vectors: options.vectors, seed: options.seed });
    return { bundle, backend };
  } finally {
    store.destroy();
    compute.destroy();
  }
}
