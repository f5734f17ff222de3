import { TextLayer } from '@deck.gl/layers';
import type { PlacedLabel } from './label_placement';
import { LIGHT_MAP, type MapTheme } from './map_theme';
import { LabelCharactersLayer } from './label_characters_layer';
import { LABEL_FONT_FAMILY, LABEL_FONT_SETTINGS, labelCharacterSet } from './label_font';

/**
 * The two text layers of the topic labels: level-0 regions (bold, larger, dark) and finer topics.
 * Layer ids are stable; `regions` and `topics` keep their identity until the visible set changes,
 * so deck.gl only rebuilds text when a label appears or goes. Colours come from `theme`.
 */
export function topicLabelLayers(
  regions: readonly PlacedLabel[],
  topics: readonly PlacedLabel[],
  visible: boolean,
  theme: MapTheme = LIGHT_MAP,
): TextLayer<PlacedLabel>[] {
  const common = {
    getPosition: (l: PlacedLabel): [number, number] => [l.x, l.y],
    getText: (l: PlacedLabel) => l.text,
    getSize: (l: PlacedLabel) => l.fontSize,
    sizeUnits: 'pixels' as const,
    fontFamily: LABEL_FONT_FAMILY,
    fontSettings: LABEL_FONT_SETTINGS,
    outlineWidth: 14,
    outlineColor: theme.textOutline,
    getTextAnchor: 'middle' as const,
    getAlignmentBaseline: 'center' as const,
    visible,
    pickable: false,
    _subLayerProps: { characters: { type: LabelCharactersLayer } },
  };
  return [
    new TextLayer<PlacedLabel>({
      ...common,
      id: 'topic-labels-topics',
      data: topics as PlacedLabel[],
      characterSet: labelCharacterSet(topics.length),
      fontWeight: 500,
      getColor: theme.topicText,
    }),
    new TextLayer<PlacedLabel>({
      ...common,
      id: 'topic-labels-regions',
      data: regions as PlacedLabel[],
      characterSet: labelCharacterSet(regions.length),
      fontWeight: 700,
      getColor: theme.regionText,
    }),
  ];
}
