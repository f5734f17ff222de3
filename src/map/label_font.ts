/** Matches the app's font (app.css), so the width estimate and the drawing agree. */
export const LABEL_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif";

/** A signed-distance-field atlas wide enough for a white halo of ~2 px around 13–16 px text. */
export const LABEL_FONT_SETTINGS = { sdf: true, fontSize: 64, buffer: 16, radius: 24 };

/**
 * The TextLayer `characterSet` for `count` labels: the labels' own characters ('auto'), or, with
 * none, a space. An empty 'auto' set makes a zero-height font atlas, which WebGL refuses
 * ("texSubImage2D: no canvas"); one character (in nearly every label anyway) is the cheapest
 * atlas that is not empty: each glyph costs a signed-distance field on the main thread.
 */
export function labelCharacterSet(count: number): 'auto' | ' ' {
  return count > 0 ? 'auto' : ' ';
}
