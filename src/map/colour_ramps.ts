/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/**
 * A sequential colour ramp: evenly spaced stops interpolated linearly in RGB. The stops are
 * sampled from matplotlib's perceptually uniform, colour-blind-safe maps (van der Walt & Smith,
 * 2015); each ramp stops short of the palest end so that its last colour still shows on the
 * light map background.
 */
export interface ColourRamp {
  name: string;
  stops: readonly Rgb[];
}

/** Viridis from dark purple to yellow-green (0 to 0.9 of the full map): dates, old to recent. */
export const VIRIDIS: ColourRamp = {
  name: 'viridis',
  stops: [
    [68, 1, 84],
    [72, 36, 117],
    [64, 67, 135],
    [52, 94, 141],
    [41, 120, 142],
    [32, 144, 140],
    [34, 167, 132],
    [68, 190, 112],
    [121, 209, 81],
    [170, 220, 50],
  ],
};

/** Plasma reversed, from orange through magenta to deep blue (0.85 to 0): upvotes, few to many. */
export const PLASMA_REVERSED: ColourRamp = {
  name: 'plasma',
  stops: [
    [247, 149, 64],
    [237, 121, 83],
    [225, 100, 98],
    [204, 71, 120],
    [181, 47, 140],
    [156, 23, 158],
    [126, 3, 168],
    [94, 1, 166],
    [58, 4, 154],
    [13, 8, 135],
  ],
};

/** Writes the ramp's colour at t (clamped to 0–1) into out[offset..offset+2]. */
export function rampInto(ramp: ColourRamp, t: number, out: Uint8Array, offset: number): void {
  const last = ramp.stops.length - 1;
  const x = (t > 1 ? 1 : t > 0 ? t : 0) * last;
  const i = Math.min(last - 1, Math.floor(x));
  const f = x - i;
  const a = ramp.stops[i]!;
  const b = ramp.stops[i + 1]!;
  out[offset] = Math.round(a[0] + (b[0] - a[0]) * f);
  out[offset + 1] = Math.round(a[1] + (b[1] - a[1]) * f);
  out[offset + 2] = Math.round(a[2] + (b[2] - a[2]) * f);
}

/** A CSS `rgb()` colour. */
export function cssRgb(rgb: Rgb): string {
  return `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`;
}
