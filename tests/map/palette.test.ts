import { describe, expect, it } from 'vitest';
import { clusterColours, fadeByIndices, fadeExcept } from '../../src/map/palette';

const alphas = (colours: Uint8Array) => Array.from(colours.filter((_, i) => i % 4 === 3));

describe('fadeByIndices', () => {
  it('fades every point but the kept ones, leaving colours and the input alone', () => {
    const base = clusterColours(Int32Array.of(0, 1, 2, 3, 4), 210);
    const faded = fadeByIndices(base, Int32Array.of(3, 1));
    expect(alphas(faded)).toEqual([28, 210, 28, 210, 28]);
    expect(alphas(base)).toEqual([210, 210, 210, 210, 210]);
    for (let i = 0; i < base.length; i++) if (i % 4 !== 3) expect(faded[i]).toBe(base[i]);
  });

  it('composes with the search fade: a point shows only when both keep it', () => {
    const base = clusterColours(Int32Array.of(0, 1, 2, 3), 210);
    const searched = fadeExcept(base, new Set([0, 1]), 28);
    expect(alphas(fadeByIndices(searched, Int32Array.of(1, 2), 40))).toEqual([40, 210, 28, 28]);
  });

  it('ignores indices outside the points and keeps nothing for an empty selection', () => {
    const base = clusterColours(Int32Array.of(0, 1), 200);
    expect(alphas(fadeByIndices(base, Int32Array.of(-1, 2, 7)))).toEqual([28, 28]);
    expect(alphas(fadeByIndices(base, new Int32Array(0), 5))).toEqual([5, 5]);
  });
});
