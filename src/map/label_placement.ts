import type { TopicAnchor } from './topic_anchors';

/** The part of an orthographic view that placement needs: centre, zoom (log2 px/unit), size. */
export interface LabelViewport {
  target: [number, number];
  zoom: number;
  /** Viewport size in pixels. */
  width: number;
  height: number;
}

/** One label to draw: where (layout units), what, and how big. */
export interface PlacedLabel {
  /** Stable key "level:index". */
  key: string;
  text: string;
  x: number;
  y: number;
  level: number;
  /** Font size in pixels. */
  fontSize: number;
}

/** Tunable rules of {@link placeLabels}; every field has a default. */
export interface LabelPlacementOptions {
  /** A finer topic's label shows once its radius spans this many pixels; default 80. */
  minRadiusPx?: number;
  /** Level-0 regions show from this radius, so the zoomed-out map is named; default 24. */
  minRegionRadiusPx?: number;
  /** A topic wider than this many viewports (radius vs the larger side) is not labelled; default 0.6. */
  maxRadiusFraction?: number;
  /**
   * A finer topic shows only once its parent spans this fraction of the viewport's smaller side
   * (radius), so the first, fitted view names regions only; default 0.55.
   */
  minParentFraction?: number;
  /** Pixels each label box keeps clear around it; default 4. */
  padding?: number;
  /** Screen rectangles [x0, y0, x1, y1] covered by panels (search box, topic list): no label there. */
  reserved?: readonly (readonly [number, number, number, number])[];
}

/** Font size in pixels of a level's labels: level-0 regions larger. */
export function labelFontSize(level: number): number {
  return level === 0 ? 16 : 13;
}

/** Estimated width in pixels of a label: ~7 px a character at 13 px (bold regions a bit wider). */
export function labelWidth(text: string, level: number): number {
  const perChar = level === 0 ? 0.6 : 0.54;
  return text.length * perChar * labelFontSize(level);
}

/**
 * The labels to show in a view: a topic is a candidate when its radius on screen is between the
 * level's minimum and a fraction of the viewport, its parent spans enough of the viewport, and its
 * label fits on screen; candidates are
 * placed greedily, broader levels first, then larger topics, then by index (deterministic), and a
 * label whose box (padded) overlaps one already placed, or repeats its text, is dropped. O(topics)
 * plus the overlap checks among the few labels placed.
 */
export function placeLabels(
  anchors: readonly TopicAnchor[],
  view: LabelViewport,
  options: LabelPlacementOptions = {},
): PlacedLabel[] {
  const minRadius = options.minRadiusPx ?? 80;
  const minRegion = options.minRegionRadiusPx ?? 24;
  const maxRadius = (options.maxRadiusFraction ?? 0.6) * Math.max(view.width, view.height);
  const minParent = (options.minParentFraction ?? 0.55) * Math.min(view.width, view.height);
  const pad = options.padding ?? 4;
  const scale = 2 ** view.zoom;
  const candidates: { anchor: TopicAnchor; sx: number; sy: number }[] = [];
  for (const anchor of anchors) {
    const r = anchor.radius * scale;
    if (r < (anchor.level === 0 ? minRegion : minRadius) || r > maxRadius) continue;
    if (anchor.parentRadius * scale < minParent) continue;
    const sx = (anchor.x - view.target[0]) * scale + view.width / 2;
    const sy = (anchor.y - view.target[1]) * scale + view.height / 2;
    if (sx < 0 || sx > view.width || sy < 0 || sy > view.height) continue;
    candidates.push({ anchor, sx, sy });
  }
  candidates.sort(
    (a, b) =>
      a.anchor.level - b.anchor.level ||
      b.anchor.size - a.anchor.size ||
      a.anchor.index - b.anchor.index,
  );
  // Panels over the map count as boxes already placed, so no label hides under them.
  const boxes: number[] = (options.reserved ?? []).flatMap((r) => [...r]);
  const texts = new Set<string>();
  const placed: PlacedLabel[] = [];
  for (const { anchor, sx, sy } of candidates) {
    if (texts.has(anchor.label)) continue;
    const fontSize = labelFontSize(anchor.level);
    const halfW = labelWidth(anchor.label, anchor.level) / 2 + pad;
    const halfH = (fontSize * 1.2) / 2 + pad;
    const box = [sx - halfW, sy - halfH, sx + halfW, sy + halfH] as const;
    if (box[0] < 0 || box[2] > view.width || box[1] < 0 || box[3] > view.height) continue;
    if (overlapsAny(boxes, box)) continue;
    boxes.push(...box);
    texts.add(anchor.label);
    placed.push({
      key: `${anchor.level}:${anchor.index}`,
      text: anchor.label,
      x: anchor.x,
      y: anchor.y,
      level: anchor.level,
      fontSize,
    });
  }
  return placed;
}

/** Whether a box [x0, y0, x1, y1] overlaps any of the flat list of boxes. */
function overlapsAny(
  boxes: readonly number[],
  b: readonly [number, number, number, number],
): boolean {
  for (let i = 0; i < boxes.length; i += 4) {
    if (b[0] < boxes[i + 2]! && boxes[i]! < b[2] && b[1] < boxes[i + 3]! && boxes[i + 1]! < b[3]) {
      return true;
    }
  }
  return false;
}

/** The label boxes in screen pixels (unpadded), for tests and overlays: [x0, y0, x1, y1] each. */
export function labelBoxes(
  labels: readonly PlacedLabel[],
  view: LabelViewport,
): [number, number, number, number][] {
  const scale = 2 ** view.zoom;
  return labels.map((l) => {
    const sx = (l.x - view.target[0]) * scale + view.width / 2;
    const sy = (l.y - view.target[1]) * scale + view.height / 2;
    const halfW = labelWidth(l.text, l.level) / 2;
    const halfH = (l.fontSize * 1.2) / 2;
    return [sx - halfW, sy - halfH, sx + halfW, sy + halfH] as [number, number, number, number];
  });
}
