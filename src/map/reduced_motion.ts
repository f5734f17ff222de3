/** Whether the reader asked the system for less motion (`prefers-reduced-motion: reduce`). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** An animation's duration in ms, or 0 when the reader prefers reduced motion. */
export function motionMs(durationMs: number): number {
  return prefersReducedMotion() ? 0 : durationMs;
}
