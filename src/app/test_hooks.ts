import type MapCanvas from './MapCanvas.svelte';
import type { MapSession } from './map_session.svelte';

/** What e2e tests (and curious users in the console) can read off the running app. */
export interface PapermapHooks {
  /** Pixel position of paper i relative to the map element, or null before the map exists. */
  screenPosition(index: number): [number, number] | null;
  /** The index of the paper whose title is `title`, or −1. */
  indexOfTitle(title: string): number;
  /** The selected paper's index, or −1. */
  selected(): number;
  /** The texts of the topic labels drawn on the map now, broadest first. */
  visibleLabels(): string[];
  /** The map's view now (centre in layout units, zoom), or null before the map exists. */
  view(): { target: [number, number]; zoom: number } | null;
  /** The ids of the map's visible deck.gl layers, bottom first (e.g. 'density', 'papers'). */
  layers(): string[];
  /** The alpha (0–255) paper i is drawn with now: faint when a search or filter leaves it out. */
  pointAlpha(index: number): number | null;
  /** The region (level-0 topic) of paper i, or −1 without topics. */
  region(index: number): number;
  /** The indices of the papers of the lasso or box selection, ascending; [] when none. */
  selection(): number[];
}

/** Publishes read-only hooks on `window.__papermap`; they never change state. */
export function exposeTestHooks(
  session: MapSession,
  canvas: () => MapCanvas | null,
  colours: () => Uint8Array | null = () => null,
  selection: () => Int32Array | null = () => null,
): void {
  const hooks: PapermapHooks = {
    screenPosition: (i) => canvas()?.screenPosition(i) ?? null,
    indexOfTitle: (title) => session.papers.findIndex((p) => p.title === title),
    selected: () => session.selected,
    visibleLabels: () => canvas()?.visibleLabels() ?? [],
    view: () => canvas()?.currentView() ?? null,
    layers: () => canvas()?.layerIds() ?? [],
    pointAlpha: (i) => colours()?.[i * 4 + 3] ?? null,
    region: (i) => session.built?.projection.topics.levels[0]?.assignment[i] ?? -1,
    selection: () => Array.from(selection() ?? []),
  };
  (window as unknown as { __papermap: PapermapHooks }).__papermap = hooks;
}
