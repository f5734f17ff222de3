import { decodeViewLink, encodeViewLink, type MapStyle, type ViewLink } from '../share/view_link';
import type { MapView } from '../map/view_fit';
import { encodeFilter } from '../core/filters/filter_codec';
import type { PaperFilter } from '../core/filters/paper_filter';

/** How long the view must rest before the address bar follows it (replaceState is not free). */
const DEBOUNCE_MS = 300;

/**
 * Keeps the page's URL hash in step with the view and the selection (debounced replaceState,
 * no history entries), and hands the link the page was opened with to whoever applies it.
 */
export class LinkSync {
  private view: MapView | null = null;
  private paper: string | null = null;
  private search: { query: string; mode: 'words' | 'meaning' } = { query: '', mode: 'words' };
  private filter: PaperFilter = {};
  private style: MapStyle = {};
  /** The page address without its hash; its query (?data=, ?map=, ?embedder=) is part of the link. */
  private base: string;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The state the page was opened with, and what in it could not be used. */
  readonly initial: { link: ViewLink; problems: string[] };

  constructor(location: { hash: string; href: string }) {
    this.initial = decodeViewLink(location.hash);
    this.base = location.href.replace(/#.*$/, '');
  }

  /** Records the search box's query and mode. */
  setSearch(query: string, mode: 'words' | 'meaning'): void {
    if (query === this.search.query && mode === this.search.mode) return;
    this.search = { query, mode };
    this.schedule();
  }

  /** Records the paper filter ({} for none). */
  setFilter(filter: PaperFilter): void {
    if (encodeFilter(filter) === encodeFilter(this.filter)) return;
    this.filter = filter;
    this.schedule();
  }

  /** Records how points are drawn (colour mode, density, size by upvotes). */
  setStyle(style: MapStyle): void {
    const same =
      style.colour === this.style.colour &&
      style.density === this.style.density &&
      style.sizeByUpvotes === this.style.sizeByUpvotes;
    if (same) return;
    this.style = style;
    this.schedule();
  }

  /** Sets (or with null removes) a query parameter of the link, e.g. the embedder. */
  setParam(name: string, value: string | null): void {
    const url = new URL(this.base);
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
    this.base = url.href;
    this.schedule();
  }

  /** Records the current view; the URL follows after a pause. */
  setView(view: MapView): void {
    this.view = view;
    this.schedule();
  }

  /** Records the selected paper's id (null: none). */
  setPaper(id: string | null): void {
    this.paper = id;
    this.schedule();
  }

  /** The link to the current state: the page address with the state in its hash. */
  href(): string {
    const base = this.base;
    const hash = encodeViewLink({
      query: this.search.query.trim() || undefined,
      mode: this.search.mode,
      view: this.view
        ? { x: this.view.target[0], y: this.view.target[1], zoom: this.view.zoom }
        : undefined,
      paper: this.paper ?? undefined,
      filter: this.filter,
      style: this.style,
    });
    return hash ? `${base}#${hash}` : base;
  }

  /** Writes the URL now (e.g. before copying the link). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    history.replaceState(history.state, '', this.href());
  }

  /** Stops pending updates; safe to call twice. */
  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }
}

/** Copies text to the clipboard; false where the browser refuses (then the URL bar has it). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
