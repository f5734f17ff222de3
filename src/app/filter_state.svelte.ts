import { corpusFacets } from '../core/filters/facets';
import { fitFilterToCorpus } from '../core/filters/fit_filter';
import { filterMask, isEmptyFilter, type PaperFilter } from '../core/filters/paper_filter';
import type { BuiltMap } from './build_map';

/**
 * The paper filter of the map on screen. It belongs to the corpus it was made on: another corpus
 * starts unfiltered, and switching embedder (same corpus) keeps it.
 */
export class FilterState {
  private state = $state.raw<{ corpus: string; filter: PaperFilter } | null>(null);

  /** The filter of the corpus on screen ({} for none). */
  readonly filter = $derived.by<PaperFilter>(() => {
    const built = this.built();
    return built && this.state?.corpus === built.corpus.hash ? this.state.filter : {};
  });
  /** 1 for each paper the filter keeps; null when nothing is filtered. */
  readonly keptMask = $derived.by(() => {
    const built = this.built();
    return built && !isEmptyFilter(this.filter)
      ? filterMask(built.corpus.papers, this.filter)
      : null;
  });

  constructor(private readonly built: () => BuiltMap | null) {}

  /** Sets the filter of the corpus on screen. */
  set(next: PaperFilter): void {
    const built = this.built();
    if (built) this.state = { corpus: built.corpus.hash, filter: next };
  }

  /** Applies a shared link's filter; values this corpus lacks are dropped and named. */
  applyLink(filter: PaperFilter, notify: (text: string) => void): void {
    const built = this.built();
    if (!built) return;
    const fitted = fitFilterToCorpus(filter, corpusFacets(built.corpus.papers));
    fitted.problems.forEach((p) => notify(`Part of the link's filter was ignored: ${p}.`));
    this.set(fitted.filter);
  }
}
