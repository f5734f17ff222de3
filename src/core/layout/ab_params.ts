/**
 * UMAP's curve parameters: a and b such that 1 / (1 + a·x^(2b)) best fits (least squares over
 * 300 points in [0, 3·spread]) the target 1 for x < minDist and exp(−(x − minDist)/spread)
 * beyond, as umap-learn's `find_ab_params` does with scipy's curve_fit. Solved here by
 * Levenberg–Marquardt with analytic derivatives, to umap-learn's values (a ≈ 1.577, b ≈ 0.895
 * for minDist 0.1, spread 1).
 */
export function findAbParams(spread: number, minDist: number): { a: number; b: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 300; i++) {
    const x = (3 * spread * i) / 299;
    xs.push(x);
    ys.push(x < minDist ? 1 : Math.exp(-(x - minDist) / spread));
  }
  let a = 1;
  let b = 1;
  let lambda = 1e-3;
  let error = residual(xs, ys, a, b);
  for (let iter = 0; iter < 200; iter++) {
    // Normal equations of the 2-parameter problem: J^T J and J^T r.
    let jaa = 0;
    let jab = 0;
    let jbb = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x === 0) continue;
      const p = x ** (2 * b);
      const f = 1 / (1 + a * p);
      const r = f - ys[i]!;
      const dfda = -p * f * f;
      const dfdb = -a * p * 2 * Math.log(x) * f * f;
      jaa += dfda * dfda;
      jab += dfda * dfdb;
      jbb += dfdb * dfdb;
      ga += dfda * r;
      gb += dfdb * r;
    }
    const m00 = jaa * (1 + lambda);
    const m11 = jbb * (1 + lambda);
    const det = m00 * m11 - jab * jab;
    if (det === 0) break;
    const da = -(m11 * ga - jab * gb) / det;
    const db = -(m00 * gb - jab * ga) / det;
    const next = residual(xs, ys, a + da, b + db);
    if (next < error) {
      a += da;
      b += db;
      lambda /= 10;
      if (error - next < 1e-15) break;
      error = next;
    } else {
      lambda *= 10;
    }
  }
  return { a, b };
}

function residual(xs: number[], ys: number[], a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (1 / (1 + a * xs[i]! ** (2 * b)) - ys[i]!) ** 2;
  return s;
}
