import { describe, expect, it } from 'vitest';
import { jacobiEigen } from '../../../src/core/linalg/jacobi_eigen';
import { gaussian, mulberry32 } from '../../../src/core/random';

/** A seeded random symmetric n×n matrix with standard normal entries. */
function randomSymmetric(n: number, seed: number): Float64Array {
  const normal = gaussian(mulberry32(seed));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

/** Largest |A·v − λ·v| over all pairs, and largest |VᵀV − I|. */
function residuals(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array) {
  let eigen = 0;
  let orthogonality = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += a[i * n + k]! * vectors[k * n + j]!;
      eigen = Math.max(eigen, Math.abs(av - values[j]! * vectors[i * n + j]!));
    }
    for (let m = 0; m < n; m++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += vectors[k * n + j]! * vectors[k * n + m]!;
      orthogonality = Math.max(orthogonality, Math.abs(dot - (j === m ? 1 : 0)));
    }
  }
  return { eigen, orthogonality };
}

describe('jacobiEigen', () => {
  it.each([1, 2, 3, 8, 25, 60])(
    'solves A·v = λ·v with orthonormal V on seeded random symmetric %i × %i matrices',
    (n) => {
      for (const seed of [1, 2, 3]) {
        const a = randomSymmetric(n, seed * 100 + n);
        const { values, vectors } = jacobiEigen(a, n);
        const { eigen, orthogonality } = residuals(a, n, values, vectors);
        expect(eigen).toBeLessThan(1e-10 * n);
        expect(orthogonality).toBeLessThan(1e-12 * n);
        for (let j = 1; j < n; j++) expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
        let trace = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i]!;
        expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 9);
      }
    },
  );

  it('sorts the eigenvalues of a diagonal matrix in descending order', () => {
    const a = new Float64Array([2, 0, 0, 0, -1, 0, 0, 0, 5]);
    const { values, vectors } = jacobiEigen(a, 3);
    expect(Array.from(values)).toEqual([5, 2, -1]);
    expect(Math.abs(vectors[2 * 3 + 0]!)).toBe(1);
  });

  it('keeps eigenvectors orthonormal under repeated eigenvalues', () => {
    // I + u·uᵀ: eigenvalue 1 + |u|² once and 1 four times.
    const n = 5;
    const u = [1, 2, 0, -1, 3];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i * n + j] = (i === j ? 1 : 0) + u[i]! * u[j]!;
    }
    const { values, vectors } = jacobiEigen(a, n);
    expect(values[0]).toBeCloseTo(16, 12);
    for (let j = 1; j < n; j++) expect(values[j]).toBeCloseTo(1, 12);
    expect(residuals(a, n, values, vectors).orthogonality).toBeLessThan(1e-12);
  });

  it('finds non-negative eigenvalues of a rank-deficient Gram matrix, zeros included', () => {
    const normal = gaussian(mulberry32(9));
    const n = 12;
    const rank = 4;
    const x = Array.from({ length: n * rank }, normal);
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < rank; k++) g[i * n + j]! += x[i * rank + k]! * x[j * rank + k]!;
      }
    }
    const { values } = jacobiEigen(g, n);
    for (let j = 0; j < rank; j++) expect(values[j]!).toBeGreaterThan(1e-3);
    for (let j = rank; j < n; j++) expect(Math.abs(values[j]!)).toBeLessThan(1e-12 * values[0]!);
  });

  it('symmetrises a slightly asymmetric input and leaves the input untouched', () => {
    const a = new Float64Array([2, 1 + 1e-9, 1 - 1e-9, 2]);
    const copy = a.slice();
    const { values } = jacobiEigen(a, 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(a).toEqual(copy);
  });

  it('handles the empty and the zero matrix', () => {
    expect(jacobiEigen(new Float64Array(0), 0).values.length).toBe(0);
    const { values, vectors } = jacobiEigen(new Float64Array(9), 3);
    expect(Array.from(values)).toEqual([0, 0, 0]);
    expect(Array.from(vectors)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => jacobiEigen(new Float64Array(5), 2)).toThrow();
  });
});
