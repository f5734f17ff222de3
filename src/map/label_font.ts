/** Matches the app's font (app.css), so the width estimate and the drawing agree. */
export const LABEL_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif";

/** A signed-distance-field atlas wide enough for a white halo of ~2 px around 13–16 px text. */
export const LABEL_FONT_SETTINGS = { sdf: true, fontSize: 64, buffer: 16, radius: 24 };

/** Printable ASCII: the characters of nearly every label. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/**
 * The TextLayer `characterSet` for `count` labels: the labels' own characters ('auto'), or, with
 * none, printable ASCII. An empty 'auto' set makes a zero-height font atlas, which WebGL refuses
 * ("texSubImage2D: no canvas"); ASCII instead starts the atlas the later labels extend.
 */
export function labelCharacterSet(count: number): 'auto' | string {
  return count > 0 ? 'auto' : ASCII;
}
