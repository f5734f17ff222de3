/** A colour of bytes as the fractions of one that shaders take: RGB. */
export function unitRgb(colour: ArrayLike<number>): [number, number, number] {
  return [colour[0]! / 255, colour[1]! / 255, colour[2]! / 255];
}

/** A colour of bytes as fractions of one: RGBA, alpha 255 when left out. */
export function unitRgba(colour: ArrayLike<number>): [number, number, number, number] {
  return [...unitRgb(colour), (colour[3] ?? 255) / 255];
}
