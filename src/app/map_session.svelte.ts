import { neighboursOf } from '../core/knn_graph';
import type { Corpus } from '../core/paper';
import type { BackendName, BackendReport } from '../gpu/backend';
import type { ComputeService, EmbedderSpec, LayoutEngine } from '../gpu/compute_api';
import type { VectorStore } from '../store/vector_store';
import type { MapBundle } from '../share/bundle/map_bundle';
import type { BundleMap, BundleProgress } from '../compute/bundle_client';
import { buildMap, type BuiltMap, type StageProgress } from './build_map';
import { backendNotice, isBackendLost, isWorkerCrash } from './compute_faults';
import { builtFromBundle } from './map_bundles';
import { nameCorpus } from './corpus_names';
import { bundleProgressLine } from './bundle_progress_line';

/** How a bundle's opening ended: on screen, failed (see `error`), or replaced by a newer map. */
export type BundleOutcome = 'shown' | 'failed' | 'superseded';

/** How many neighbours the detail panel lists. */
export const PANEL_NEIGHBOURS = 10;

/** The app's state for one map: the pipeline's progress and result, the selection, notices. */
export class MapSession {
  progress = $state<StageProgress | null>(null);
  backend = $state<BackendReport | null>(null);
  built = $state.raw<BuiltMap | null>(null);
  /** Positions while UMAP is still running, streamed from the worker. */
  partialXy = $state.raw<Float32Array | null>(null);
  selected = $state(-1);
  notices = $state<string[]>([]);
  error = $state<string | null>(null);
  /** True when `error` is a crashed compute worker: the app offers `retry()`. */
  canRetry = $state(false);
  /** The embedder of the current (or next) map. */
  embedder = $state.raw<EmbedderSpec>({ kind: 'lsa' });
  /** Whether the map on screen came from a bundle whose papers' abstracts are still coming. */
  abstractsPending = $state(false);
  /**
   * Whether a bundle's bytes have begun to come (its worker is reading them): the map's canvas
   * can be set up meanwhile, off the way to the first frame.
   */
  bundleArriving = $state(false);
  /** Which UMAP lays out computed maps: papermap's (default) or umap-js, the reference. */
  layout: LayoutEngine = 'papermap';
  private controller: AbortController | null = null;
  /** What the last `open` was asked to build, so a retry after a crash can build it again. */
  private lastOpen: {
    load: (signal: AbortSignal) => Promise<Corpus>;
    preferred?: BackendName;
    corpus?: Corpus;
  } | null = null;

  constructor(
    private readonly compute: ComputeService & { restart?(): void },
    private readonly store: VectorStore,
    embedder: EmbedderSpec = { kind: 'lsa' },
  ) {
    this.embedder = embedder;
  }

  /** The papers of the current map (empty while loading). */
  get papers() {
    return this.built?.corpus.papers ?? [];
  }

  /** The selected paper's nearest neighbours, nearest first. */
  get selectedNeighbours(): Int32Array {
    const graph = this.built?.projection.graph;
    if (!graph || this.selected < 0) return new Int32Array(0);
    return neighboursOf(graph, this.selected).subarray(0, PANEL_NEIGHBOURS);
  }

  /** Adds a notice once; the same text is never shown twice. */
  notify(text: string): void {
    if (!this.notices.includes(text)) this.notices = [...this.notices, text];
  }

  /**
   * Rebuilds the current map with another embedder. If that fails (a model that cannot be
   * downloaded, say), the previous map and embedder stay and a notice says why.
   */
  async useEmbedder(spec: EmbedderSpec): Promise<void> {
    const previous = this.embedder;
    const corpus = this.built?.corpus;
    this.embedder = spec;
    if (!corpus) return;
    if (await this.open(async () => corpus)) return;
    if (this.error) this.notify(`The map stays as it was: ${this.error}`);
    this.error = null;
    this.embedder = previous;
  }

  /**
   * Chooses the backend and builds the map of a corpus; a newer call cancels an older one.
   * Resolves to whether this call's map is now on screen.
   */
  async open(
    load: (signal: AbortSignal) => Promise<Corpus>,
    preferred?: BackendName,
  ): Promise<boolean> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    this.error = null;
    this.canRetry = false;
    const asked: NonNullable<MapSession['lastOpen']> = { load, preferred };
    this.lastOpen = asked;
    try {
      this.progress = { stage: 'load', fraction: 0, detail: 'Loading the corpus' };
      const [corpus, backend] = await Promise.all([
        load(signal),
        this.backend ? Promise.resolve(this.backend) : this.initBackend(preferred),
      ]);
      // A cancel while loading: a loader that ignores the signal must not bring the bar back.
      if (signal.aborted) return false;
      asked.corpus = corpus;
      this.backend = backend;
      this.progress = {
        stage: 'load',
        fraction: 1,
        detail: `${corpus.papers.length} papers loaded`,
      };
      const built = await this.buildOnAnyBackend(corpus, signal, preferred);
      if (signal.aborted) return false;
      built.notices.forEach((n) => this.notify(n));
      const keepSelection = this.built?.corpus === corpus ? this.selected : -1;
      this.built = built;
      this.partialXy = null;
      this.selected = keepSelection;
      this.progress = null;
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      this.progress = null;
      this.partialXy = null;
      this.error = error instanceof Error ? error.message : String(error);
      if (isWorkerCrash(error) && this.compute.restart) {
        // The worker is gone with its backend; a retry starts a new one (vectors are cached).
        this.backend = null;
        this.canRetry = true;
        const kept = this.built ? ' The map on screen is unchanged.' : '';
        this.error = `The map's computation stopped unexpectedly (${this.error}).${kept}`;
      }
      return false;
    }
  }

  /**
   * Builds the map; when the backend is lost mid-run (a lost GPU device), chooses the next one
   * that works, says so once, and builds again from the last finished stage (cached vectors).
   */
  private async buildOnAnyBackend(
    corpus: Corpus,
    signal: AbortSignal,
    preferred?: BackendName,
  ): Promise<BuiltMap> {
    // Each loss leaves one backend out, so this ends: cpu is never lost.
    for (let attempt = 0; ; attempt++) {
      const backend = this.backend!;
      try {
        return await buildMap(corpus, this.compute, this.store, {
          embedder: this.embedder,
          backend,
          layout: this.layout,
          signal,
          onProgress: (p) => {
            if (!signal.aborted) this.progress = p;
          },
          onPartialLayout: (p) => {
            if (!signal.aborted) this.partialXy = p.xy;
          },
        });
      } catch (error) {
        if (signal.aborted || !isBackendLost(error) || attempt >= 3) throw error;
        const next = await this.compute.init(preferred);
        signal.throwIfAborted();
        this.backend = next;
        this.partialXy = null;
        this.notify(
          `${(error as Error).message}; the map is finished on ${next.name} (${next.device}).`,
        );
      }
    }
  }

  /** Chooses the backend; when the one asked for (?backend=) failed, says which one runs instead. */
  private async initBackend(preferred?: BackendName): Promise<BackendReport> {
    const backend = await this.compute.init(preferred);
    const notice = backendNotice(backend, preferred);
    if (notice) this.notify(notice);
    return backend;
  }

  /**
   * After a crashed worker: starts a fresh one and builds the last map asked for again; vectors
   * embedded before the crash come from the cache, so only the unfinished stages run again.
   */
  async retry(): Promise<boolean> {
    const last = this.lastOpen;
    if (!last || !this.canRetry) return false;
    this.compute.restart?.();
    this.backend = null;
    const corpus = last.corpus;
    return this.open(corpus ? async () => corpus : last.load, last.preferred);
  }

  /**
   * Opens a map bundle (a file, a `?map=` URL, the site's default map) with a progress line.
   * Its map is shown as soon as it comes (`onMap`), usually before its papers' abstracts: until
   * they come, `abstractsPending` is true and the map's `abstracts` promise waits for them. Resolves
   * to 'shown'; to 'failed', with the previous map back and `error` saying why; or to
   * 'superseded' when a newer map (an import, say) was asked for while it loaded.
   */
  async openBundle(
    load: (signal: AbortSignal, onProgress: BundleProgress, onMap: BundleMap) => Promise<MapBundle>,
  ): Promise<BundleOutcome> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.canRetry = false;
    this.progress = { stage: 'load', fraction: 0, detail: 'Opening the map' };
    const line = bundleProgressLine(
      (fraction, detail) => (this.progress = { stage: 'load', fraction, detail }),
      () => !controller.signal.aborted && !!this.progress,
    );
    const onProgress: BundleProgress = (fraction, stage) => {
      // The worker reads the bundle's bytes: the map's canvas can be made meanwhile.
      if (!controller.signal.aborted) this.bundleArriving = true;
      line(fraction, stage);
    };
    const before = { built: this.built, selected: this.selected, embedder: this.embedder };
    let arrived: (() => void) | null = null;
    const onMap: BundleMap = (map) => {
      if (controller.signal.aborted) return;
      this.display(map, new Promise<void>((resolve) => (arrived = resolve)));
      this.abstractsPending = true;
    };
    try {
      const bundle = await load(controller.signal, onProgress, onMap);
      if (controller.signal.aborted) return 'superseded';
      if (!arrived) this.display(bundle);
      this.abstractsPending = false;
      if (this.controller === controller) this.controller = null;
      return 'shown';
    } catch (error) {
      if (controller.signal.aborted) return 'superseded';
      // A map shown before its abstracts, from a file that then failed, goes with it.
      if (arrived) Object.assign(this, before);
      this.abstractsPending = false;
      this.progress = null;
      this.error = error instanceof Error ? error.message : String(error);
      return 'failed';
    } finally {
      if (this.controller === controller || !this.controller) this.bundleArriving = false;
      // Whatever came of it, nothing waits for these abstracts any more.
      (arrived as (() => void) | null)?.();
    }
  }

  /** Shows a bundle's map as it is: nothing is embedded or projected. */
  private display(bundle: MapBundle, abstracts?: Promise<void>): void {
    this.built = builtFromBundle(
      { ...bundle, corpus: nameCorpus(bundle.corpus, bundle.name) },
      abstracts,
    );
    this.embedder = bundle.embedderId.startsWith('minilm') ? { kind: 'minilm' } : { kind: 'lsa' };
    this.selected = -1;
    this.partialXy = null;
    this.progress = null;
    this.error = null;
    this.canRetry = false;
  }

  /**
   * After `lost` (a lost GPU backend) outside a build, e.g. in a search: chooses the next backend
   * that works and says so once, with what goes on there (`what`, e.g. "search continues").
   */
  async replaceLostBackend(lost: Error, what: string): Promise<BackendReport> {
    const next = await this.compute.init();
    this.backend = next;
    this.notify(`${lost.message}; ${what} on ${next.name} (${next.device}).`);
    return next;
  }

  /** Chooses the compute backend if no map was computed yet (a bundle's map, then a search). */
  async ensureBackend(preferred?: BackendName): Promise<BackendReport> {
    this.backend ??= await this.initBackend(preferred);
    return this.backend;
  }

  /** Recomputes the current corpus on this device ("Recompute on my GPU"). */
  async recompute(): Promise<void> {
    await this.built?.abstracts;
    const corpus = this.built?.corpus;
    if (corpus) await this.open(async () => corpus);
  }

  /** Cancels the running pipeline; the previous map stays. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.progress = null;
    // A half-finished layout must not be drawn where no finished map is.
    this.partialXy = null;
  }

  /** Releases the worker and the store; safe to call twice. */
  destroy(): void {
    this.cancel();
    this.compute.destroy();
    this.store.destroy();
  }
}
