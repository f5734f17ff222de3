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

/**
 * Whether `device` can draw the largest paper (MAX_RADIUS, its outline and smoothed edge) as one
 * point sprite at the page's pixel ratio; where it cannot, the map draws ScatterplotLayer quads.
 */
export function pointSpritesFit(
  device: Device,
  pixelRatio = globalThis.devicePixelRatio || 1,
): boolean {
  const needed = Math.ceil(2 * (MAX_RADIUS + OUTLINE_PIXELS / 2 + 0.5) * pixelRatio);
  return maxPointSize(device) >= needed;
}

/**
 * The map's 'papers' layer: one point per paper in its colour, outlined in the theme's colour,
 * pickable by index and highlighted under the pointer. Point sprites (PaperPointsLayer) when
 * `sprites`, else the ScatterplotLayer; the two look the same.
 */
export function papersLayer(points: PaperPoints, theme: MapTheme, sprites: boolean): Layer {
  const { xy, colours, n, radii } = points;
  const common = {
    id: 'papers',
    pickable: true,
    autoHighlight: true,
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
