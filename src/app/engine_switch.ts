import type { EmbedderSpec, LayoutEngine } from '../gpu/compute_api';
import type { LinkSync } from './link_sync';
import type { MapSession } from './map_session.svelte';

/** Rebuilds the map with another embedder; the link names it when a link can carry it. */
export async function switchEmbedder(
  session: MapSession,
  link: LinkSync,
  spec: EmbedderSpec,
): Promise<void> {
  await session.useEmbedder(spec);
  const current = session.embedder;
  // Files picked from disk cannot travel in a link: the link then names no model at all.
  const named = current.kind === 'minilm' && !current.files;
  link.setParam('embedder', named ? 'minilm' : null);
  link.setParam('model', named ? (current.baseUrl ?? null) : null);
  if (current.kind === 'minilm' && current.files) {
    session.notify(
      'A model picked from disk cannot travel in a link: save the map to share it as a bundle.',
    );
  }
}

/** Lays the map out again with papermap's UMAP or umap-js, the reference; the link says which. */
export async function switchLayout(
  session: MapSession,
  link: LinkSync,
  engine: LayoutEngine,
): Promise<void> {
  session.layout = engine;
  await session.recompute();
  link.setParam('layout', engine === 'umap-js' ? 'umap-js' : null);
}
