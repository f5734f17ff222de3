/** RGBA, each 0–255. */
export type Rgba = [number, number, number, number];

/** The colours deck.gl draws with (it cannot read CSS variables): one set per app theme. */
export interface MapTheme {
  name: 'light' | 'dark';
  /** The ring around each point, which separates overlapping points. */
  pointOutline: Rgba;
  /** Darkens (light) or lightens (dark) the point under the pointer. */
  hover: Rgba;
  /** The selected paper's ring and its neighbours' rings. */
  selection: Rgba;
  /** Lines from the selected paper to its neighbours. */
  links: Rgba;
  regionText: Rgba;
  topicText: Rgba;
  paperText: Rgba;
  /** The halo behind label text: the map's background colour, so labels read over points. */
  textOutline: Rgba;
}

/** Dark ink on the light background (app.css --bg #f7f7f5). */
export const LIGHT_MAP: MapTheme = {
  name: 'light',
  pointOutline: [255, 255, 255, 200],
  hover: [20, 20, 20, 90],
  selection: [20, 20, 20, 230],
  links: [40, 40, 40, 140],
  regionText: [15, 15, 20, 255],
  topicText: [45, 45, 52, 255],
  paperText: [70, 70, 80, 255],
  textOutline: [255, 255, 255, 235],
};

/** Light ink on the dark background (app.css dark --bg #15171a). */
export const DARK_MAP: MapTheme = {
  name: 'dark',
  pointOutline: [21, 23, 26, 220],
  hover: [255, 255, 255, 110],
  selection: [245, 245, 245, 235],
  links: [225, 225, 225, 150],
  regionText: [244, 244, 246, 255],
  topicText: [214, 216, 222, 255],
  paperText: [196, 198, 206, 255],
  textOutline: [21, 23, 26, 235],
};
