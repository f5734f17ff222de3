import { paperText } from '../core/paper';
import type { SearchHit } from '../core/search/top_k';
import type { SearchClient } from '../compute/search_client';
import type { ComputeService } from '../gpu/compute_api';
import type { BuiltMap } from './build_map';
import { isBackendLost } from './compute_faults';
import type { MapSession } from './map_session.svelte';

/** Search by words (BM25 over title and abstract) or by meaning (the query embedded). */
export type SearchMode = 'words' | 'meaning';

/** How long typing must pause before a search runs, per mode (meaning embeds the query). */
const DEBOUNCE_MS: Record<SearchMode, number> = { words: 120, meaning: 450 };

/**
 * The search box's state: the query and mode, the results, and which corpus the search worker
 * and the compute worker know. The newest query wins; older answers are dropped.
 */
export class SearchSession {
  query = $state('');
  mode = $state<SearchMode>('words');
  hits = $state.raw<SearchHit[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  private indexed: BuiltMap | null = null;
  private meaningReady: BuiltMap | null = null;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly session: MapSession,
    private readonly words: SearchClient,
    private readonly compute: ComputeService,
  ) {}

  /** The matching papers as a set, for dimming the others on the map; null when not searching. */
  get matches(): Set<number> | null {
    // A plain Set on purpose: it is rebuilt, never mutated, whenever the hits change.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return this.query.trim() ? new Set(this.hits.map((h) => h.index)) : null;
  }

  /** Sets the query or mode and schedules a search. */
  update(query: string, mode: SearchMode = this.mode): void {
    this.query = query;
    this.mode = mode;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS[mode]);
  }

  /** Runs the current search now (Enter), resolving to the best hit or null. */
  async run(): Promise<SearchHit | null> {
    if (this.timer) clearTimeout(this.timer);
    const built = this.session.built;
    const query = this.query.trim();
    const generation = ++this.generation;
    if (!built || !query) {
      this.hits = [];
      this.error = null;
      return null;
    }
    this.busy = true;
    try {
      const hits =
        this.mode === 'words'
          ? await this.searchWords(built, query)
          : await this.searchMeaning(built, query);
      if (generation !== this.generation) return null;
      this.hits = hits;
      this.error = null;
      return hits[0] ?? null;
    } catch (error) {
      if (generation === this.generation) {
        this.hits = [];
        this.error = error instanceof Error ? error.message : String(error);
      }
      return null;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Clears the query and results. */
  clear(): void {
    this.update('');
    this.hits = [];
  }

  private async searchWords(built: BuiltMap, query: string): Promise<SearchHit[]> {
    // Titles and abstracts are indexed together: a map still waiting for its abstracts waits.
    await built.abstracts;
    if (this.indexed !== built) {
      await this.words.setCorpus(built.corpus.papers);
      this.indexed = built;
    }
    return this.words.searchWords(query, 50);
  }

  /**
   * Embeds the query and ranks the papers in the compute worker. When its GPU backend is lost
   * (the index of vectors lived on that device), the map session chooses the next backend, the
   * vectors are handed over again and the search runs once more.
   */
  private async searchMeaning(built: BuiltMap, query: string): Promise<SearchHit[]> {
    try {
      return await this.meaningOnce(built, query);
    } catch (error) {
      if (!isBackendLost(error) || !built.vectors) throw error;
      await this.session.replaceLostBackend(error as Error, 'search continues');
      this.meaningReady = null;
      return this.meaningOnce(built, query, true);
    }
  }

  private async meaningOnce(built: BuiltMap, query: string, resend = false): Promise<SearchHit[]> {
    if (this.meaningReady !== built) {
      if (!built.vectors)
        throw new Error('This map was saved without vectors: recompute it to search by meaning.');
      await this.session.ensureBackend();
      // The worker keeps the vectors it embedded; a map from the cache or a bundle hands them
      // over, and so does any map after its backend was lost.
      if (built.vectorsFrom !== 'computed' || resend) {
        await built.abstracts;
        const texts = built.corpus.papers.map(paperText);
        await this.compute.setCorpusVectors(
          built.vectors,
          this.session.embedder,
          texts,
          built.vectorBasis,
        );
      }
      this.meaningReady = built;
    }
    return this.compute.searchByMeaning(query, 50);
  }
}
