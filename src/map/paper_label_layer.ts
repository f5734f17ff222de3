import { TextLayer } from '@deck.gl/layers';
import type { PlacedLabel } from './label_placement';
import { PAPER_LABEL_OFFSET } from './paper_labels';
import { LIGHT_MAP, type MapTheme } from './map_theme';
import { LabelCharactersLayer } from './label_characters_layer';
import { LABEL_FONT_FAMILY, LABEL_FONT_SETTINGS, labelCharacterSet } from './label_font';

/** Paper titles beside their points when zoomed in (placePaperLabels), in `theme`'s colours. */
export function paperLabelLayer(
  labels: readonly PlacedLabel[],
  theme: MapTheme = LIGHT_MAP,
): TextLayer<PlacedLabel> {
  return new TextLayer<PlacedLabel>({
    id: 'paper-labels',
    data: labels as PlacedLabel[],
    visible: labels.length > 0,
    getPosition: (l) => [l.x, l.y],
    getText: (l) => l.text,
    getSize: (l) => l.fontSize,
    sizeUnits: 'pixels',
    fontFamily: LABEL_FONT_FAMILY,
    fontSettings: LABEL_FONT_SETTINGS,
    characterSet: labelCharacterSet(labels.length),
    outlineWidth: 10,
    outlineColor: theme.textOutline,
    getColor: theme.paperText,
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: [PAPER_LABEL_OFFSET, 0],
    pickable: false,
    _subLayerProps: { characters: { type: LabelCharactersLayer } },
  });
}
