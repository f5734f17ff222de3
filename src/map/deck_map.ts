import { Deck, LinearInterpolator, OrthographicView } from '@deck.gl/core';
import { pointSpritesFit, type PaperPoints } from './papers_layer';
import { PaperFinder } from './paper_finder';
import type { TopicAnchor } from './topic_anchors';
import { MapLabels } from './map_labels';
import { boundsOf, fitView, type MapView } from './view_fit';
import { mapLayers, preparedLayers } from './map_layers';
import { whenIdle } from './when_idle';
import type { DensityShading } from './density_shading';
import { LIGHT_MAP, type MapTheme } from './map_theme';
import { motionMs } from './reduced_motion';
import { overlayBoxes } from './overlay_boxes';

export type { MapView } from './view_fit';

/** What the map draws: positions (n×2), colours (n×4 RGBA bytes) and optional radii (px). */
export type MapPoints = PaperPoints;

/** Callbacks from the map to the app. */
export interface DeckMapEvents {
  /** The pointer is over paper `index` at pixel (x, y) in the map, or over nothing (index −1). */
  onHover(index: number, x: number, y: number): void;
  /** The user clicked paper `index`, or empty space (−1). */
  onClick(index: number): void;
  /** The view changed (pan, zoom, fly), for the shareable link. */
  onViewChange?(view: MapView): void;
  /** Any view now on screen, the user's or a programmatic one, with the map's size in px. */
  onViewShown?(view: MapView, width: number, height: number): void;
}

const FLY_MS = 700;

/** The deck.gl scatter map of a corpus in an orthographic view; owns one Deck and its canvas. */
export class DeckMap {
  private deck: Deck<OrthographicView> | null;
  private points: MapPoints | null = null;
  private readonly finder = new PaperFinder();
  /** The paper under the pointer, highlighted; −1 for none. */
  private hovered = -1;
  private selected = -1;
  private nudge = 1e-9;
  private neighbours: Int32Array = new Int32Array(0);
  private readonly labels = new MapLabels();
  private density: DensityShading | null = null;
  private densityVisible = true;
  private view: MapView = { target: [0, 0], zoom: 0 };
  private theme: MapTheme = LIGHT_MAP;
  /** Papers as point sprites, unless the device's points are too small (see pointSpritesFit). */
  private sprites = true;
  /** Set while render() waits for deck.gl to see the map's new size (see staleSize). */
  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether deck.gl's device exists (onDeviceInitialized). */
  private ready = false;

  constructor(
    private readonly parent: HTMLDivElement,
    private readonly events: DeckMapEvents,
  ) {
    this.deck = new Deck<OrthographicView>({
      parent,
      views: new OrthographicView({ id: 'map', flipY: true }),
      initialViewState: { target: [0, 0, 0], zoom: 0, minZoom: -4, maxZoom: 14 },
      controller: { doubleClickZoom: true, inertia: 250 },
      // No multisampling: points and labels smooth their own edges in their shaders, and a 4×
      // multisampled canvas made every frame of 100k points ~25 % dearer in software (llvmpipe).
      deviceProps: { webgl: { antialias: false } },
      layers: [],
      // Decided before deck.gl first builds the layers: 'papers' keeps one layer class.
      onDeviceInitialized: (device) => {
        this.sprites = pointSpritesFit(device);
        this.ready = true;
        this.render();
        if (!this.points) whenIdle(() => this.prepare());
      },
      getCursor: ({ isDragging }) =>
        isDragging ? 'grabbing' : this.hovered >= 0 ? 'pointer' : 'grab',
      onHover: ({ x, y }) => {
        const index = this.paperAt(x, y);
        if (index !== this.hovered) {
          this.hovered = index;
          this.render();
        }
        this.events.onHover(index, x, y);
      },
      onClick: ({ x, y }) => this.events.onClick(this.paperAt(x, y)),
      // A narrower map (a rotated phone, a resized window) shows other papers.
      onResize: () => {
        // Its first report is the blank canvas's 300 × 150: wait for the real size.
        if (this.resizeTimer !== null && this.deck && !this.staleSize(this.deck)) this.render(true);
        this.events.onViewShown?.(this.view, this.width(), this.height());
      },
      onViewStateChange: ({ viewState }) => {
        const { target, zoom } = viewState as { target: number[]; zoom: number };
        this.view = { target: [target[0] ?? 0, target[1] ?? 0], zoom };
        if (this.updateLabels()) this.render();
        this.events.onViewChange?.(this.view);
        this.events.onViewShown?.(this.view, this.width(), this.height());
      },
    });
  }

  /** Shows new points; fits the view to them when `fit` is true (a new corpus). */
  setPoints(points: MapPoints, fit: boolean): void {
    if (points.xy !== this.points?.xy || points.n !== this.points.n) this.hovered = -1;
    this.points = points;
    if (fit) this.setView(this.fittedView(), 0);
    this.render();
  }

  /** Shows no map (the first is on its way, or the one shown went): its layers wait, hidden. */
  clear(): void {
    this.points = null;
    this.hovered = -1;
    this.prepare();
  }

  /**
   * Shows the labels of these topics (precomputed anchors, see topicAnchors), chosen for the view
   * on every view change; an empty list shows none.
   */
  setLabels(anchors: readonly TopicAnchor[], titles: readonly string[] = []): void {
    this.labels.set(anchors, titles);
    this.updateLabels();
    this.render();
  }

  /** Shades the map's density under the points (once per layout), shown when `visible`. */
  setDensity(shading: DensityShading | null, visible: boolean): void {
    if (shading === this.density && visible === this.densityVisible) return;
    this.density = shading;
    this.densityVisible = visible;
    this.render();
  }

  /** The ids of the layers drawn now (visible ones), bottom first. */
  layerIds(): string[] {
    return (this.deck?.props.layers ?? []).flatMap((l) =>
      l && typeof l === 'object' && 'id' in l && l.props.visible ? [l.id] : [],
    );
  }

  /** Draws points, labels and the selection in a theme's colours (light or dark). */
  setTheme(theme: MapTheme): void {
    this.theme = theme;
    this.render();
  }

  /** The view now (centre and zoom), as last reported by deck.gl or set. */
  currentView(): MapView {
    return { target: [...this.view.target], zoom: this.view.zoom };
  }

  /** The texts of the labels on screen now, broadest first. */
  visibleLabels(): string[] {
    return this.labels.texts();
  }

  /** Animates the view to fit a box [minX, minY, maxX, maxY] of layout units (a topic). */
  flyToBounds(bounds: [number, number, number, number]): void {
    this.setView(fitView(bounds, this.width(), this.height(), 0.12, 9), FLY_MS);
  }

  /** Highlights paper `index` and draws lines to its neighbours; −1 clears. */
  setSelection(index: number, neighbours: Int32Array): void {
    this.selected = index;
    this.neighbours = neighbours;
    // The detail panel opens or closes with the selection: labels move out of its way.
    queueMicrotask(() => {
      this.updateLabels();
      this.render();
    });
  }

  /** Animates the view to centre on paper `index` and its neighbours. */
  flyTo(index: number, neighbours: ArrayLike<number> = []): void {
    if (!this.points || index < 0) return;
    const set = [index, ...Array.from(neighbours)];
    const view = fitView(boundsOf(this.points.xy, set), this.width(), this.height(), 0.2, 7);
    this.setView(view, FLY_MS);
  }

  /** Fits the whole corpus in the viewport. */
  resetView(): void {
    this.setView(this.fittedView(), FLY_MS);
  }

  /** Pixel position of paper `index` relative to the map's top-left corner, or null. */
  screenPosition(index: number): [number, number] | null {
    const viewport = this.deck?.getViewports()[0];
    if (!viewport || !this.points || index < 0 || index >= this.points.n) return null;
    const [x, y] = viewport.project([this.points.xy[2 * index]!, this.points.xy[2 * index + 1]!]);
    return [x!, y!];
  }

  /** The paper drawn at pixel (x, y) relative to the map's top-left corner, or −1. */
  paperAt(x: number, y: number): number {
    const viewport = this.deck?.getViewports()[0];
    const points = this.points;
    if (!viewport || !points || x < 0 || y < 0 || x > this.width() || y > this.height()) return -1;
    return this.finder.at(viewport, points, x, y);
  }

  /**
   * Layout coordinates of pixel (x, y) relative to the map's top-left corner, the inverse of
   * screenPosition (a lasso drawn on screen becomes a polygon of the layout); null before the
   * first render.
   */
  unproject(x: number, y: number): [number, number] | null {
    const viewport = this.deck?.getViewports()[0];
    if (!viewport) return null;
    const [lx, ly] = viewport.unproject([x, y]);
    return [lx!, ly!];
  }

  /** Releases the WebGL context and canvas; safe to call twice. */
  destroy(): void {
    if (this.resizeTimer !== null) clearTimeout(this.resizeTimer);
    this.resizeTimer = null;
    this.deck?.finalize();
    this.deck = null;
  }

  private width(): number {
    return this.parent.clientWidth || 800;
  }

  private height(): number {
    return this.parent.clientHeight || 600;
  }

  private fittedView(): MapView {
    return fitView(boundsOf(this.points?.xy ?? new Float32Array(0)), this.width(), this.height());
  }

  /** Re-places the labels for the current view; true when the visible set changed. */
  private updateLabels(): boolean {
    const reserved = overlayBoxes(this.parent);
    const xy = this.points?.xy ?? null;
    return this.labels.update(this.view, this.width(), this.height(), xy, reserved);
  }

  /** Shows a view: at once, or animated over durationMs (at once if the reader prefers less motion). */
  setView(view: MapView, requestedMs = 0): void {
    const durationMs = motionMs(requestedMs);
    // deck.gl reports no view state for a programmatic view or transition: track it here.
    const settle = (): void => {
      this.view = { target: [view.target[0], view.target[1]], zoom: view.zoom };
      if (this.updateLabels()) this.render();
      this.events.onViewShown?.(this.view, this.width(), this.height());
    };
    if (!durationMs) settle();
    else setTimeout(settle, durationMs + 30);
    // deck.gl applies a new initialViewState only if it differs from the last one: after the user
    // panned away, "Fit map" would repeat the previous fit and be ignored. A 1e-9 nudge, alternating
    // in sign, makes every request a new one without a visible difference.
    this.nudge = -this.nudge;
    const fitted = this.fittedView().zoom;
    this.deck?.setProps({
      initialViewState: {
        target: [view.target[0], view.target[1], 0],
        zoom: view.zoom + this.nudge,
        // Limits relative to the whole map, not to this view, so any view can zoom back out.
        minZoom: fitted - 4,
        maxZoom: fitted + 12,
        transitionDuration: durationMs,
        transitionInterpolator: durationMs ? new LinearInterpolator(['target', 'zoom']) : undefined,
      },
    });
  }

  /**
   * True when the map's element has a size deck.gl has not seen yet: before it first measured
   * its canvas (which starts at 300 × 150; the measurement redraws whatever was drawn), or after
   * new points changed the page around the map (the header gains a row when a computed map is
   * done). With 100k points a frame at the wrong size costs as much as the real one; render()
   * waits for onResize instead, a second at most (the first measurement can come late on a busy
   * main thread).
   */
  private staleSize(deck: Deck<OrthographicView>): boolean {
    const { clientWidth, clientHeight } = this.parent;
    if (!clientWidth || !clientHeight) return false;
    return Math.abs(deck.width - clientWidth) >= 1 || Math.abs(deck.height - clientHeight) >= 1;
  }

  /** While the first map is on its way, its layers hidden: see preparedLayers. */
  private prepare(): void {
    if (this.deck && !this.points)
      this.deck.setProps({ layers: preparedLayers(this.theme, this.sprites) });
  }

  private render(resized = false): void {
    const { deck, points, theme } = this;
    // Before its device exists deck.gl cannot draw; onDeviceInitialized renders then.
    if (!deck || !points || !this.ready) return;
    if (!resized && this.staleSize(deck)) {
      this.resizeTimer ??= setTimeout(() => this.render(true), 1000);
      return;
    }
    if (this.resizeTimer !== null) clearTimeout(this.resizeTimer);
    this.resizeTimer = null;
    const { sprites, hovered, selected, neighbours, density, densityVisible, labels } = this;
    const state = { points, theme, sprites, hovered, selected, neighbours };
    deck.setProps({ layers: mapLayers({ ...state, density, densityVisible, labels }) });
  }
}
