/**
 * Screen boxes [left, top, right, bottom] in pixels, relative to `map`, of the panels over it:
 * the elements marked `data-map-overlay` beside it, which labels keep out from under.
 */
export function overlayBoxes(map: HTMLElement): [number, number, number, number][] {
  const origin = map.getBoundingClientRect();
  const panels = map.parentElement?.querySelectorAll('[data-map-overlay]') ?? [];
  return Array.from(panels, (el) => {
    const r = el.getBoundingClientRect();
    return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
  });
}
