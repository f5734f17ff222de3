import { describe, expect, it } from 'vitest';
import { cholesky, inverseTransposeLower } from '../../../src/core/linalg/cholesky';
import { whitenGram } from '../../../src/core/linalg/gram_whitening';
import { gaussian, mulberry32 } from '../../../src/core/random';

/** YᵀY of a seeded n × l matrix whose last columns repeat the first ones (rank `rank`). */
function gramOf(n: number, l: number, rank: number, seed: number): Float64Array {
  const normal = gaussian(mulberry32(seed));
  const y = new Float64Array(n * l);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < l; j++) y[i * l + j] = j < rank ? normal() : y[i * l + (j % rank)]! * 2;
  }
  const g = new Float64Array(l * l);
  for (let a = 0; a < l; a++) {
    for (let b = 0; b < l; b++) {
      for (let i = 0; i < n; i++) g[a * l + b]! += y[i * l + a]! * y[i * l + b]!;
    }
  }
  return g;
}

/** Largest |Wᵀ·G·W − I|. */
function whiteningError(g: Float64Array, l: number, w: Float64Array, r: number): number {
  let error = 0;
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) {
      let s = 0;
      for (let i = 0; i < l; i++) {
        for (let j = 0; j < l; j++) s += w[i * r + a]! * g[i * l + j]! * w[j * r + b]!;
      }
      error = Math.max(error, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return error;
}

describe('whitenGram', () => {
  it('uses Cholesky for a well-conditioned Gram matrix: Wᵀ·G·W = I', () => {
    const g = gramOf(40, 6, 6, 1);
    const w = whitenGram(g, 6);
    expect(w.method).toBe('cholesky');
    expect(w.rank).toBe(6);
    expect(whiteningError(g, 6, w.matrix, 6)).toBeLessThan(1e-10);
  });

  it('falls back to the eigen-decomposition and drops dependent directions', () => {
    const g = gramOf(40, 7, 4, 2);
    const w = whitenGram(g, 7);
    expect(w.method).toBe('eigen');
    expect(w.rank).toBe(4);
    expect(whiteningError(g, 7, w.matrix, 4)).toBeLessThan(1e-8);
  });

  it('gives rank 0 for a zero Gram matrix', () => {
    expect(whitenGram(new Float64Array(4), 2).rank).toBe(0);
  });
});

describe('cholesky', () => {
  it('factors A = L·Lᵀ and inverts Lᵀ', () => {
    const a = new Float64Array([4, 2, 2, 3]);
    const l = cholesky(a, 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.sqrt(2)]);
    const inv = inverseTransposeLower(l, 2);
    // Lᵀ·L⁻ᵀ = I.
    expect(2 * inv[0]! + 1 * inv[2]!).toBeCloseTo(1, 14);
    expect(2 * inv[1]! + 1 * inv[3]!).toBeCloseTo(0, 14);
    expect(Math.sqrt(2) * inv[3]!).toBeCloseTo(1, 14);
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(cholesky(new Float64Array([1, 2, 2, 1]), 2)).toBeNull();
    expect(cholesky(new Float64Array([1, 1, 1, 1]), 2)).toBeNull();
  });
});
