import { BundleClient } from '../compute/bundle_client';
import { ComputeClient } from '../compute/compute_client';
import { ImportClient } from '../compute/import_client';
import { SearchClient } from '../compute/search_client';
import { openVectorStore } from '../store/open_vector_store';
import { ImportSession } from './import_session.svelte';
import type { LinkSync } from './link_sync';
import { loadDefaultCorpus } from './load_default_corpus';
import { DEFAULT_BUNDLE_URL } from './map_files';
import { MapSession } from './map_session.svelte';
import { SearchSession } from './search_session.svelte';
import {
  embedderFromUrl,
  layoutFromUrl,
  preferredBackendFromUrl,
  startSource,
} from './url_options';

/** The app's long-lived parts: the map, imports, search, and the workers behind them. */
export interface AppSessions {
  session: MapSession;
  importer: ImportSession;
  search: SearchSession;
  bundles: BundleClient;
  /** Opens the map the page address asks for: ?data=, ?map=, the shipped map, or computes it. */
  start(): Promise<void>;
  /** Stops every worker and closes the store; safe to call twice. */
  destroy(): void;
}

/**
 * Creates the sessions for a page address: the vector store (IndexedDB, else memory with a
 * notice), the compute, import, search and bundle workers, and the options the URL sets.
 */
export async function createAppSessions(location: Location, link: LinkSync): Promise<AppSessions> {
  const { store, notice } = await openVectorStore();
  const compute = new ComputeClient();
  const session = new MapSession(compute, store, embedderFromUrl(location.search, location.href));
  session.layout = layoutFromUrl(location.search);
  if (notice) session.notify(notice);
  for (const problem of link.initial.problems)
    session.notify(`Part of the link was ignored: ${problem}.`);
  const preferred = preferredBackendFromUrl(location.search);
  const importer = new ImportSession(session, () => new ImportClient(), preferred);
  const words = new SearchClient();
  const search = new SearchSession(session, words, compute);
  const bundles = new BundleClient();

  /**
   * The site's shipped map, when there is one; a broken one falls back to computing, with a
   * notice. Resolves to false only when the default corpus must be computed: a corpus the user
   * opened while the shipped map loaded wins, and must not be replaced by the default one.
   */
  const openDefaultBundle = async (): Promise<boolean> => {
    const url = new URL(DEFAULT_BUNDLE_URL, document.baseURI).href;
    const outcome = await session.openBundle((signal, progress, onMap) =>
      bundles.openUrl(url, signal, progress, onMap),
    );
    if (outcome !== 'failed') return true;
    if (session.error && !/HTTP 404/.test(session.error))
      session.notify(
        `The site's map could not be opened (${session.error}); computing it instead.`,
      );
    session.error = null;
    return false;
  };

  let destroyed = false;
  return {
    session,
    importer,
    search,
    bundles,
    async start() {
      const source = startSource(location.search, location.href);
      if (source.kind === 'data') await importer.run({ url: source.url });
      else if (source.kind === 'map')
        await session.openBundle((s, progress, onMap) =>
          bundles.openUrl(source.url, s, progress, onMap),
        );
      else if (source.compute || !(await openDefaultBundle())) {
        await session.open(loadDefaultCorpus, preferred);
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      bundles.destroy();
      words.destroy();
      importer.destroy();
      session.destroy();
    },
  };
}
