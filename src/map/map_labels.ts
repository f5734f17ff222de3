import type { Layer } from '@deck.gl/core';
import { placeLabels, type PlacedLabel } from './label_placement';
import type { MapTheme } from './map_theme';
import { paperLabelLayer } from './paper_label_layer';
import { placePaperLabels } from './paper_labels';
import type { TopicAnchor } from './topic_anchors';
import { topicLabelLayers } from './topic_label_layers';
import type { MapView } from './view_fit';

/**
 * The map's labels: topic labels at every zoom (placed from precomputed anchors) and paper titles
 * when zoomed in close, placed again for each view, out from under the panels over the map.
 */
export class MapLabels {
  private anchors: readonly TopicAnchor[] = [];
  private titles: readonly string[] = [];
  private papers: PlacedLabel[] = [];
  /** The placed topic labels split by style; replaced only when the visible set changes. */
  private placed: { key: string; regions: PlacedLabel[]; topics: PlacedLabel[] } = {
    key: '',
    regions: [],
    topics: [],
  };

  /** New topic anchors and paper titles (empty for papers that get no label). */
  set(anchors: readonly TopicAnchor[], titles: readonly string[]): void {
    this.anchors = anchors;
    this.titles = titles;
  }

  /**
   * Places the labels for a view of `width` × `height` px over points `xy`, keeping out of the
   * `reserved` boxes; true when the labels shown changed.
   */
  update(
    view: MapView,
    width: number,
    height: number,
    xy: Float32Array | null,
    reserved: [number, number, number, number][],
  ): boolean {
    const viewport = { ...view, width, height };
    const placed = placeLabels(this.anchors, viewport, { reserved });
    const papers = xy ? placePaperLabels(xy, this.titles, viewport, placed, reserved) : [];
    const key = [...placed, ...papers].map((l) => l.key).join();
    if (key === this.placed.key) return false;
    this.papers = papers;
    this.placed = {
      key,
      regions: placed.filter((l) => l.level === 0),
      topics: placed.filter((l) => l.level > 0),
    };
    return true;
  }

  /** The texts of the topic labels shown, broadest first. */
  texts(): string[] {
    return [...this.placed.regions, ...this.placed.topics].map((l) => l.text);
  }

  /** The label layers, paper titles under topic labels. */
  layers(theme: MapTheme): Layer[] {
    const { regions, topics } = this.placed;
    return [
      paperLabelLayer(this.papers, theme),
      ...topicLabelLayers(regions, topics, this.anchors.length > 0, theme),
    ];
  }
}
