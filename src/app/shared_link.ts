import type { ViewLink } from '../share/view_link';
import type { BuiltMap } from './build_map';
import type { FilterState } from './filter_state.svelte';
import type MapCanvas from './MapCanvas.svelte';
import type { MapSession } from './map_session.svelte';
import type { MapStyleState } from './map_style.svelte';
import type { SearchSession } from './search_session.svelte';

/** What a shared link changes on the page. */
export interface LinkTargets {
  built: BuiltMap;
  session: MapSession;
  canvas: MapCanvas;
  style: MapStyleState;
  filters: FilterState;
  search: SearchSession | null;
  select(index: number): void;
}

/** Whether a link restores anything at all. */
export function linkHasState(link: ViewLink): boolean {
  return !!(link.view || link.paper || link.query || link.filter || link.style);
}

/**
 * Applies a shared link to the map on screen: its colouring, filter, search, selected paper and
 * view, each part that does not fit this map ignored with a notice.
 */
export function applySharedLink(link: ViewLink, to: LinkTargets): void {
  const { view, paper, query, mode, filter, style } = link;
  const { built, session, canvas, search } = to;
  const notify = (text: string): void => session.notify(text);
  if (style) to.style.applyLink(style, notify);
  if (filter) to.filters.applyLink(filter, notify);
  if (query && search) {
    search.update(query, mode ?? 'words');
    void search.run();
  }
  const index = paper ? built.corpus.papers.findIndex((p) => p.id === paper) : -1;
  if (paper && index < 0) session.notify('The paper selected in the link is not in this map.');
  if (index >= 0) to.select(index);
  if (view) setTimeout(() => canvas.setView({ target: [view.x, view.y], zoom: view.zoom }), 0);
}
