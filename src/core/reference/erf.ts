/**
 * The error function erf(x) in float64, accurate to about 1e-14: the Maclaurin series for
 * |x| < 2.5 and the Laplace continued fraction of erfc for larger |x| (Abramowitz & Stegun 7.1.5
 * and 7.1.14); for checking tfjs's erf-based GELU, not for speed.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 2.5) {
    // Σ (−1)^n x^(2n+1) / (n! (2n+1)); terms fall below 1e-17 well before n = 60 when |x| < 2.5.
    let term = a;
    let sum = a;
    for (let n = 1; n < 60; n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
    }
    return Math.sign(x) * sum * (2 / Math.sqrt(Math.PI));
  }
  // erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + …)))), evaluated from the tail.
  let f = a;
  for (let k = 80; k >= 1; k--) f = a + k / 2 / f;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}
