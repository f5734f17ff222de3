import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { PaperPoints } from './papers_layer';
import { BASE_RADIUS } from './point_sizes';
import type { MapTheme } from './map_theme';

/**
 * The two layers over the points that show paper `selected` (an index into `points`, or −1 for
 * none): lines to its `neighbours` ('neighbour-links') and rings around it and them
 * ('selection'), just outside each point however large it is drawn. None while nothing is
 * selected: a map opens without compiling their shaders (a tenth of a second in software).
 */
export function selectionLayers(
  points: PaperPoints,
  selected: number,
  neighbours: Int32Array,
  theme: MapTheme,
): [LineLayer<number>, ScatterplotLayer<number>] | [] {
  const { xy, n, radii } = points;
  const radius = (i: number): number => radii?.[i] ?? BASE_RADIUS;
  if (selected < 0 || selected >= n) return [];
  const links = Array.from(neighbours);
  const at = (i: number): [number, number] => [xy[2 * i]!, xy[2 * i + 1]!];
  return [
    new LineLayer<number>({
      id: 'neighbour-links',
      data: links,
      getSourcePosition: () => at(selected),
      getTargetPosition: (j) => at(j),
      getColor: theme.links,
      getWidth: 1.5,
      updateTriggers: {
        getSourcePosition: selected,
        getTargetPosition: xy,
        getColor: theme.name,
      },
    }),
    new ScatterplotLayer<number>({
      id: 'selection',
      data: [selected, ...links],
      getPosition: (i) => at(i),
      radiusUnits: 'pixels',
      getRadius: (i) => radius(i) + (i === selected ? 4.5 : 1.5),
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (i) => (i === selected ? 3 : 1.5),
      getLineColor: theme.selection,
      updateTriggers: {
        getPosition: xy,
        getRadius: [selected, radii],
        getLineWidth: selected,
        getLineColor: theme.name,
      },
    }),
  ];
}
