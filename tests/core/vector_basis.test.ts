import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '../../src/core/random';
import {
  basisProblem,
  principalBasis,
  projectQuery,
  projectVectors,
} from '../../src/core/vector_basis';
import { normaliseRows, type Vectors } from '../../src/core/vectors';
import { clusteredVectors } from '../helpers/synthetic';

/** n unit vectors of dimension dim lying in a random subspace of dimension rank. */
function lowRank(n: number, dim: number, rank: number): Vectors {
  const normal = gaussian(mulberry32(3));
  const axes = Float32Array.from({ length: rank * dim }, normal);
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rank; r++) {
      const c = normal();
      for (let j = 0; j < dim; j++) data[i * dim + j]! += c * axes[r * dim + j]!;
    }
  }
  return normaliseRows({ data, n, dim });
}

describe('principal basis', () => {
  it('is orthonormal and the same on every run', () => {
    const { vectors } = clusteredVectors(400, 48, 6);
    const basis = principalBasis(vectors, 16);
    expect(basis.rows.length).toBe(16 * 48);
    expect(basisProblem(basis.rows, 16, 48)).toBeNull();
    expect(principalBasis(vectors, 16)).toEqual(basis);
  });

  it('keeps inner products exactly when the vectors span no more than its dimension', () => {
    const v = lowRank(200, 40, 10);
    const basis = principalBasis(v, 10);
    const p = projectVectors(v, basis);
    for (const [a, b] of [
      [0, 1],
      [5, 77],
      [120, 199],
    ] as const) {
      let full = 0;
      let reduced = 0;
      for (let j = 0; j < 40; j++) full += v.data[a * 40 + j]! * v.data[b * 40 + j]!;
      const q = projectQuery(v.data.subarray(a * 40, a * 40 + 40), basis);
      for (let r = 0; r < 10; r++) reduced += q[r]! * p.data[b * 10 + r]!;
      expect(reduced).toBeCloseTo(full, 4);
    }
  });

  it('says why rows are not an orthonormal basis', () => {
    expect(basisProblem(new Float32Array([1, 0, 0, 1]), 2, 2)).toBeNull();
    expect(basisProblem(new Float32Array([1, 0, 1, 0]), 2, 2)).toMatch(/axes 0 and 1/);
    expect(basisProblem(new Float32Array([2, 0]), 1, 2)).toMatch(/axis 0 has length² 4/);
    expect(basisProblem(new Float32Array([NaN, 0]), 1, 2)).toMatch(/entry 0 is NaN/);
    expect(() => principalBasis(lowRank(10, 4, 2), 5)).toThrow(/dim = 5/);
  });
});
