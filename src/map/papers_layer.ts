import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Device } from '@luma.gl/core';
import { PaperPointsLayer, maxPointSize } from './paper_points_layer';
import { BASE_RADIUS, MAX_RADIUS } from './point_sizes';
import type { MapTheme } from './map_theme';

/** What the papers layer draws: positions (n×2), colours (n×4 RGBA bytes), optional radii (px). */
export interface PaperPoints {
  xy: Float32Array;
  colours: Uint8Array;
  n: number;
  radii?: Float32Array | null;
}

/** Points are never drawn smaller than this radius in CSS pixels, however they are sized. */
const RADIUS_MIN_PIXELS = 2.5;
/** Width of every point's outline in CSS pixels. */
const OUTLINE_PIXELS = 0.75;

/** How far a paper's smoothed edge reaches beyond its outline, in CSS pixels. */
const SMOOTH_EDGE_PIXELS = 0.5;

/**
 * The radius paper `i` of `points` covers on screen in CSS pixels (fill, outline and smoothed
 * edge): where the pointer is over it.
 */
export function paperReachPx(points: PaperPoints, i: number): number {
  const radius = Math.max(points.radii?.[i] ?? BASE_RADIUS, RADIUS_MIN_PIXELS);
  return radius + OUTLINE_PIXELS / 2 + SMOOTH_EDGE_PIXELS;
}

/** The largest paperReachPx of any paper. */
export const MAX_REACH_PX = MAX_RADIUS + OUTLINE_PIXELS / 2 + SMOOTH_EDGE_PIXELS;

/**
 * Whether `device` can draw the largest paper (MAX_RADIUS, its outline and smoothed edge) as one
 * point sprite at the page's pixel ratio; where it cannot, the map draws ScatterplotLayer quads.
 */
export function pointSpritesFit(
  device: Device,
  pixelRatio = globalThis.devicePixelRatio || 1,
): boolean {
  const needed = Math.ceil(2 * MAX_REACH_PX * pixelRatio);
  return maxPointSize(device) >= needed;
}

/**
 * The map's 'papers' layer: one point per paper in its colour, outlined in the theme's colour,
 * paper `hovered` (−1 for none) highlighted. Point sprites (PaperPointsLayer) when `sprites`,
 * else the ScatterplotLayer; the two look the same. Not pickable by deck.gl: the map finds the
 * paper under the pointer itself (PointPicker), without drawing every point again.
 */
export function papersLayer(
  points: PaperPoints,
  theme: MapTheme,
  sprites: boolean,
  hovered = -1,
): Layer {
  const { xy, colours, n, radii } = points;
  const common = {
    id: 'papers',
    pickable: false,
    highlightedObjectIndex: hovered,
    highlightColor: theme.hover,
    data: {
      length: n,
      attributes: {
        getPosition: { value: xy, size: 2 },
        getFillColor: { value: colours, size: 4 },
        ...(radii ? { getRadius: { value: radii, size: 1 } } : {}),
      },
    },
    getRadius: BASE_RADIUS,
    radiusMinPixels: RADIUS_MIN_PIXELS,
  };
  if (sprites) {
    return new PaperPointsLayer({
      ...common,
      lineWidthPixels: OUTLINE_PIXELS,
      lineColor: theme.pointOutline,
    });
  }
  return new ScatterplotLayer({
    ...common,
    radiusUnits: 'pixels',
    stroked: true,
    getLineColor: theme.pointOutline,
    lineWidthUnits: 'pixels',
    getLineWidth: OUTLINE_PIXELS,
    updateTriggers: { getLineColor: theme.name },
  });
}
