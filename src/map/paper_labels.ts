import { labelBoxes, type LabelViewport, type PlacedLabel } from './label_placement';

/** Font size of paper titles on the map, in pixels. */
export const PAPER_LABEL_SIZE = 11;
/** Titles longer than this many characters are cut with an ellipsis. */
const MAX_CHARS = 48;
/** Gap between a point and its title, in pixels. */
export const PAPER_LABEL_OFFSET = 8;

/**
 * Titles of individual papers once the view is close enough that few points are on screen (at
 * most `maxVisible`, default 60): each to the right of its point, skipped where it would overlap
 * a topic label, another title, or the viewport's edge. O(n) per view change, no allocation per
 * point off screen.
 */
export function placePaperLabels(
  xy: Float32Array,
  titles: readonly string[],
  view: LabelViewport,
  topicLabels: readonly PlacedLabel[],
  reserved: readonly (readonly [number, number, number, number])[] = [],
  maxVisible = 60,
): PlacedLabel[] {
  const scale = 2 ** view.zoom;
  const visible: number[] = [];
  for (let i = 0; i < titles.length; i++) {
    const sx = (xy[2 * i]! - view.target[0]) * scale + view.width / 2;
    const sy = (xy[2 * i + 1]! - view.target[1]) * scale + view.height / 2;
    if (sx < 0 || sx > view.width || sy < 0 || sy > view.height) continue;
    visible.push(i);
    if (visible.length > maxVisible) return [];
  }
  const boxes = [...labelBoxes(topicLabels, view), ...reserved].flatMap((b) => [...b]);
  const placed: PlacedLabel[] = [];
  const halfH = (PAPER_LABEL_SIZE * 1.2) / 2 + 2;
  for (const i of visible) {
    const title = titles[i] ?? '';
    const text = title.length > MAX_CHARS ? `${title.slice(0, MAX_CHARS - 1).trimEnd()}…` : title;
    if (!text) continue;
    const sx = (xy[2 * i]! - view.target[0]) * scale + view.width / 2 + PAPER_LABEL_OFFSET;
    const sy = (xy[2 * i + 1]! - view.target[1]) * scale + view.height / 2;
    const box = [sx, sy - halfH, sx + text.length * 0.56 * PAPER_LABEL_SIZE + 4, sy + halfH];
    if (box[2]! > view.width || box[1]! < 0 || box[3]! > view.height) continue;
    if (overlaps(boxes, box)) continue;
    boxes.push(...box);
    placed.push({
      key: `p:${i}`,
      text,
      x: xy[2 * i]!,
      y: xy[2 * i + 1]!,
      level: -1,
      fontSize: PAPER_LABEL_SIZE,
    });
  }
  return placed;
}

function overlaps(boxes: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < boxes.length; i += 4) {
    if (
      b[0]! < boxes[i + 2]! &&
      boxes[i]! < b[2]! &&
      b[1]! < boxes[i + 3]! &&
      boxes[i + 1]! < b[3]!
    ) {
      return true;
    }
  }
  return false;
}
