import type { Corpus } from '../core/paper';
import { pointsInPolygon } from '../core/geometry/point_in_polygon';
import type { TopicLabel } from '../core/topics/class_tfidf';
import { SelectionLabelClient } from '../compute/selection_label_client';
import type { BuiltMap } from './build_map';
import type { MapSession } from './map_session.svelte';

/**
 * The lasso or box selection of the map: which papers it holds and their summary label, computed
 * in the selection worker (started on the first selection). The newest selection wins; an older
 * label arriving late is dropped. A selection belongs to its corpus: another corpus hides it.
 */
export class SelectionSession {
  /** Selected paper indices, ascending; null when nothing is selected. */
  indices = $state.raw<Int32Array | null>(null);
  /** The selection's label against the rest of the corpus; null while it is being computed. */
  label = $state.raw<TopicLabel | null>(null);
  error = $state<string | null>(null);
  private corpus = $state.raw<Corpus | null>(null);
  private client: SelectionLabelClient | null = null;
  private sent: { corpus: Corpus; ready: Promise<unknown> } | null = null;
  private generation = 0;

  constructor(
    private readonly session: MapSession,
    private readonly makeClient: () => SelectionLabelClient = () => new SelectionLabelClient(),
  ) {}

  /** The selection of the map on screen, or null (none, or made on another corpus). */
  get active(): Int32Array | null {
    const built = this.session.built;
    return built && this.indices && this.corpus === built.corpus ? this.indices : null;
  }

  /** Selects the papers inside a polygon of layout coordinates [x0, y0, x1, y1, …]. */
  selectPolygon(polygon: ArrayLike<number>): void {
    const built = this.session.built;
    if (built) this.select(pointsInPolygon(built.projection.layout.xy, polygon));
  }

  /** Selects these papers of the current map and starts labelling them. */
  select(indices: Int32Array): void {
    const built = this.session.built;
    if (!built) return;
    const generation = ++this.generation;
    this.indices = indices;
    this.corpus = built.corpus;
    this.label = null;
    this.error = null;
    if (indices.length === 0) {
      this.label = { label: '', keywords: [] };
      return;
    }
    void this.labelOf(built, indices).then(
      (label) => {
        if (generation === this.generation) this.label = label;
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.error = `The selection could not be labelled: ${reason}`;
      },
    );
  }

  /** Clears the selection. */
  clear(): void {
    this.generation++;
    this.indices = null;
    this.corpus = null;
    this.label = null;
    this.error = null;
  }

  /** Stops the selection worker; safe to call twice. */
  destroy(): void {
    this.client?.destroy();
    this.client = null;
    this.sent = null;
  }

  /** Sends the corpus to the worker once per corpus, then asks for the label. */
  private async labelOf(built: BuiltMap, indices: Int32Array): Promise<TopicLabel> {
    this.client ??= this.makeClient();
    const client = this.client;
    await built.abstracts;
    if (this.sent?.corpus !== built.corpus) {
      const papers = built.corpus.papers.map((p) => ({ title: p.title, abstract: p.abstract }));
      const finest = built.projection.topics.levels.at(-1);
      const topics = finest ? { assignment: finest.assignment, count: finest.topics.length } : null;
      this.sent = { corpus: built.corpus, ready: client.setCorpus(papers, topics) };
    }
    const { ready } = this.sent;
    try {
      await ready;
    } catch (error) {
      // A failed tokenisation is retried by the next selection rather than remembered.
      if (this.sent?.ready === ready) this.sent = null;
      throw error;
    }
    return client.label(indices);
  }
}
