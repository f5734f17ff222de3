/** Eigen-decomposition A = V·diag(values)·Vᵀ of a symmetric n×n matrix. */
export interface SymmetricEigen {
  /** The n eigenvalues, descending. */
  values: Float64Array;
  /** Row-major n×n; column j (vectors[i*n + j], i = 0..n-1) is the unit eigenvector of values[j]. */
  vectors: Float64Array;
  /** Sweeps the solver ran (each visits every off-diagonal pair once). */
  sweeps: number;
}

/** Options of jacobiEigen. */
export interface JacobiOptions {
  /** Give up after this many sweeps; default 60 (quadratic convergence needs fewer than 15). */
  maxSweeps?: number;
  /** Stop when the off-diagonal Frobenius norm is below tolerance × ‖A‖_F; default 1e-14. */
  tolerance?: number;
}

/**
 * All eigenvalues and eigenvectors of a symmetric matrix (row-major Float64Array, n×n) by the cyclic
 * Jacobi method with threshold, after Rutishauser (Handbook for Automatic Computation II, 1971)
 * as in Numerical Recipes §11.1: accurate to working precision even for tiny eigenvalues, and
 * simple; O(n³) per sweep, fine for the l×l (l ≤ 266) matrices of the randomised SVD. The input
 * is not modified; it is symmetrised as (A + Aᵀ)/2 first, since Gram matrices computed in float32
 * on a GPU are symmetric only up to rounding.
 */
export function jacobiEigen(
  matrix: Float64Array,
  n: number,
  options: JacobiOptions = {},
): SymmetricEigen {
  if (matrix.length !== n * n) throw new Error(`jacobiEigen: expected ${n * n} entries`);
  const maxSweeps = options.maxSweeps ?? 60;
  const tolerance = options.tolerance ?? 1e-14;
  const a = new Float64Array(n * n);
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = 0.5 * (matrix[i * n + j]! + matrix[j * n + i]!);
      a[i * n + j] = v;
      norm2 += v * v;
    }
  }
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vt[i * n + i] = 1;

  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let off2 = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) off2 += 2 * a[p * n + q]! * a[p * n + q]!;
    }
    if (off2 <= tolerance * tolerance * norm2 || off2 === 0) break;
    // Early sweeps skip small pairs (Rutishauser's threshold), which saves rotations that later
    // rotations would undo anyway.
    const threshold = sweeps < 3 ? (0.2 * Math.sqrt(off2 / 2)) / (n * n) : 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const g = 100 * Math.abs(apq);
        // An element negligible next to both diagonal entries is set to zero outright.
        if (
          sweeps > 3 &&
          Math.abs(app) + g === Math.abs(app) &&
          Math.abs(aqq) + g === Math.abs(aqq)
        ) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        if (Math.abs(apq) <= threshold || apq === 0) continue;
        rotate(a, vt, n, p, q, apq, aqq - app);
      }
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => a[y * n + y]! - a[x * n + x]! || x - y,
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from]!;
    for (let i = 0; i < n; i++) vectors[i * n + to] = vt[from * n + i]!;
  });
  return { values, vectors, sweeps };
}

/** Applies the Jacobi rotation that zeroes a[p][q] to a (both sides) and to the rows of vt. */
function rotate(
  a: Float64Array,
  vt: Float64Array,
  n: number,
  p: number,
  q: number,
  apq: number,
  h: number,
): void {
  let t: number;
  if (Math.abs(h) + 100 * Math.abs(apq) === Math.abs(h)) {
    t = apq / h;
  } else {
    const theta = (0.5 * h) / apq;
    t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
    if (theta < 0) t = -t;
  }
  const c = 1 / Math.sqrt(1 + t * t);
  const s = t * c;
  // tau = tan(angle/2) form keeps the updates stable (Numerical Recipes eq. 11.1.18).
  const tau = s / (1 + c);
  a[p * n + p] = a[p * n + p]! - t * apq;
  a[q * n + q] = a[q * n + q]! + t * apq;
  a[p * n + q] = 0;
  a[q * n + p] = 0;
  // Rows p and q are read contiguously (the matrix is kept symmetric), columns mirrored.
  const rowP = p * n;
  const rowQ = q * n;
  // a[p][q] and the diagonal were set above; the rotated pair's own entries are skipped.
  rotateRows(a, n, rowP, rowQ, p, q, 0, p, s, tau);
  rotateRows(a, n, rowP, rowQ, p, q, p + 1, q, s, tau);
  rotateRows(a, n, rowP, rowQ, p, q, q + 1, n, s, tau);
  // Eigenvectors are accumulated as rows of vt (contiguous) and transposed at the end.
  for (let k = 0; k < n; k++) {
    const vkp = vt[rowP + k]!;
    const vkq = vt[rowQ + k]!;
    vt[rowP + k] = vkp - s * (vkq + tau * vkp);
    vt[rowQ + k] = vkq + s * (vkp - tau * vkq);
  }
}

/** Rotates entries from..to-1 of rows p and q of a, mirroring them into columns p and q. */
function rotateRows(
  a: Float64Array,
  n: number,
  rowP: number,
  rowQ: number,
  p: number,
  q: number,
  from: number,
  to: number,
  s: number,
  tau: number,
): void {
  for (let k = from; k < to; k++) {
    const akp = a[rowP + k]!;
    const akq = a[rowQ + k]!;
    const newKp = akp - s * (akq + tau * akp);
    const newKq = akq + s * (akp - tau * akq);
    a[rowP + k] = newKp;
    a[k * n + p] = newKp;
    a[rowQ + k] = newKq;
    a[k * n + q] = newKq;
  }
}
