import type { Layer } from '@deck.gl/core';
import { DensityLayer } from './density_layer';
import type { DensityShading } from './density_shading';
import { MapLabels } from './map_labels';
import type { MapTheme } from './map_theme';
import { papersLayer, type PaperPoints } from './papers_layer';
import { selectionLayers } from './selection_layers';

/** What the map draws now (DeckMap's state). */
export interface MapLayersState {
  points: PaperPoints;
  theme: MapTheme;
  /** Papers as point sprites (pointSpritesFit). */
  sprites: boolean;
  hovered: number;
  selected: number;
  neighbours: Int32Array;
  density: DensityShading | null;
  densityVisible: boolean;
  labels: MapLabels;
}

/** The map's deck.gl layers, bottom first: density, papers, the selection, labels. */
export function mapLayers(state: MapLayersState): Layer[] {
  const { points, theme, density } = state;
  return [
    new DensityLayer({
      id: 'density',
      shading: density,
      visible: state.densityVisible && !!density,
      pickable: false,
    }),
    papersLayer(points, theme, state.sprites, state.hovered),
    ...selectionLayers(points, state.selected, state.neighbours, theme),
    ...state.labels.layers(theme),
  ];
}

/**
 * The same layers, hidden, over one point, for a map that is still on its way: creating them
 * compiles and links their programs while the page and the GPU process are idle. Linking is
 * synchronous for the page (deck.gl reads each program's layout back at once): in the first frame
 * with a map it waited ~0.3 s for the GPU process, busy painting the panels that the map's
 * arrival had just filled. Nothing is drawn, so software GPUs generate no code yet. The real
 * layers keep these ids, and deck.gl keeps their state.
 */
export function preparedLayers(theme: MapTheme, sprites: boolean): Layer[] {
  const point: PaperPoints = { xy: new Float32Array(2), colours: new Uint8Array(4), n: 1 };
  return [
    new DensityLayer({ id: 'density', shading: null, visible: false, pickable: false }),
    papersLayer(point, theme, sprites).clone({ visible: false }),
    ...new MapLabels().layers(theme),
  ];
}
