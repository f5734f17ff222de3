import type { EmbedderSpec } from './compute_api';

/**
 * Whether an embedder gives each text a vector that does not depend on the rest of the corpus, so
 * vectors can be cached and reused one text at a time: true for `minilm` (a sentence transformer
 * embeds each text on its own), false for `lsa` (its vectors come from an SVD fitted on the whole
 * corpus, so one changed text changes every vector and only whole corpora can be cached).
 */
export function embedsPerText(spec: EmbedderSpec): boolean {
  switch (spec.kind) {
    case 'lsa':
      return false;
    case 'minilm':
      return true;
  }
}
