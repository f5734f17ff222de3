/**
 * Arrow-key stepping through a paper's neighbours: the paper where stepping began stays the
 * anchor, so ↓ walks down its list of nearest papers (1st, 2nd, …) and ↑ walks back to it,
 * instead of hopping between two papers that are each other's nearest.
 */
export class NeighbourStepper {
  private anchor = -1;
  private neighbours: readonly number[] = [];
  private step = -1;

  /** A paper was chosen by other means (click, search, link): it becomes the new anchor. */
  reset(anchor: number, neighbours: ArrayLike<number>): void {
    this.anchor = anchor;
    this.neighbours = Array.from(neighbours);
    this.step = -1;
  }

  /** The paper to show after one step down (+1) or up (−1), or −1 when there is none. */
  move(delta: 1 | -1): number {
    if (this.anchor < 0) return -1;
    this.step = Math.max(-1, Math.min(this.neighbours.length - 1, this.step + delta));
    return this.step < 0 ? this.anchor : this.neighbours[this.step]!;
  }
}

/**
 * What a key press asks of the stepping: 'clear' for Escape, +1 for ↓, −1 for ↑, null for any
 * other key, and for every key while typing or where the focused element takes arrows itself
 * (lists and the focused map mark themselves data-arrow-keys).
 */
export function stepKey(event: KeyboardEvent): 'clear' | 1 | -1 | null {
  const target = event.target as HTMLElement | null;
  if (target?.closest?.('input, select, textarea, [data-arrow-keys]')) return null;
  if (event.key === 'Escape') return 'clear';
  return event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : null;
}
