import { BACKEND_ORDER, type BackendName } from '../gpu/backend_names';
import type { EmbedderSpec, LayoutEngine } from '../gpu/compute_api';

/** The backend named by `?backend=` (for comparing backends and for tests), if valid. */
export function preferredBackendFromUrl(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend');
  return BACKEND_ORDER.find((name) => name === value);
}

/**
 * The corpus URL named by `?data=`, resolved against the page's address (so a relative path works),
 * or null when absent; a URL that cannot be fetched fails later with a message that says why.
 */
export function dataUrlFromUrl(search: string, base: string): string | null {
  const value = new URLSearchParams(search).get('data');
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * The embedder named by `?embedder=` (`lsa`, the default, or `minilm`), with `?model=` as the
 * base URL of a BERT-family model's config.json, model.safetensors and tokenizer.json.
 */
export function embedderFromUrl(search: string, base: string): EmbedderSpec {
  const params = new URLSearchParams(search);
  if (params.get('embedder') !== 'minilm') return { kind: 'lsa' };
  const model = params.get('model');
  if (!model) return { kind: 'minilm' };
  try {
    return { kind: 'minilm', baseUrl: new URL(model, base).href };
  } catch {
    return { kind: 'minilm' };
  }
}

/** The layout named by `?layout=umap-js` (the reference UMAP), else papermap's own. */
export function layoutFromUrl(search: string): LayoutEngine {
  return new URLSearchParams(search).get('layout') === 'umap-js' ? 'umap-js' : 'papermap';
}

/** Where the page's map comes from, by precedence: `?data=`, `?map=`, else the default. */
export type StartSource =
  | { kind: 'data'; url: string }
  | { kind: 'map'; url: string }
  /** The site's shipped map, unless the URL asks to compute (`?backend=`, `?embedder=`, `?compute`). */
  | { kind: 'default'; compute: boolean };

/** The map's source for a page address. */
export function startSource(search: string, base: string): StartSource {
  const data = dataUrlFromUrl(search, base);
  if (data) return { kind: 'data', url: data };
  const params = new URLSearchParams(search);
  const map = params.get('map');
  if (map) {
    try {
      return { kind: 'map', url: new URL(map, base).href };
    } catch {
      return { kind: 'map', url: map };
    }
  }
  return {
    kind: 'default',
    compute: ['backend', 'embedder', 'layout', 'compute'].some((name) => params.has(name)),
  };
}
