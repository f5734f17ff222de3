import { describe, expect, it } from 'vitest';
import {
  clusterColours,
  fadeByIndices,
  fadeByMask,
  fadeExcept,
  fadePoints,
} from '../../src/map/palette';

describe('fading points', () => {
  const base = clusterColours(new Int32Array([0, 1, 2, 3]), 200);
  const alphas = (c: Uint8Array) => [3, 7, 11, 15].map((i) => c[i]);

  it('fades the points a filter mask leaves out, keeping their colour', () => {
    const faded = fadeByMask(base, new Uint8Array([1, 0, 1, 0]));
    expect(alphas(faded)).toEqual([200, 28, 200, 28]);
    expect(faded.subarray(4, 7)).toEqual(base.subarray(4, 7));
    expect(alphas(base)).toEqual([200, 200, 200, 200]);
  });

  it('composes with the search fade: a point is bright only when both keep it', () => {
    const searched = fadeExcept(base, new Set([0, 1]), 40);
    expect(alphas(fadeByMask(searched, new Uint8Array([1, 0, 0, 1])))).toEqual([200, 28, 28, 40]);
  });
});

const alphaList = (colours: Uint8Array) => Array.from(colours.filter((_, i) => i % 4 === 3));

describe('fadeByIndices', () => {
  it('fades every point but the kept ones, leaving colours and the input alone', () => {
    const base = clusterColours(Int32Array.of(0, 1, 2, 3, 4), 210);
    const faded = fadeByIndices(base, Int32Array.of(3, 1));
    expect(alphaList(faded)).toEqual([28, 210, 28, 210, 28]);
    expect(alphaList(base)).toEqual([210, 210, 210, 210, 210]);
    for (let i = 0; i < base.length; i++) if (i % 4 !== 3) expect(faded[i]).toBe(base[i]);
  });

  it('composes with the search fade: a point shows only when both keep it', () => {
    const base = clusterColours(Int32Array.of(0, 1, 2, 3), 210);
    const searched = fadeExcept(base, new Set([0, 1]), 28);
    expect(alphaList(fadeByIndices(searched, Int32Array.of(1, 2), 40))).toEqual([40, 210, 28, 28]);
  });

  it('ignores indices outside the points and keeps nothing for an empty selection', () => {
    const base = clusterColours(Int32Array.of(0, 1), 200);
    expect(alphaList(fadeByIndices(base, Int32Array.of(-1, 2, 7)))).toEqual([28, 28]);
    expect(alphaList(fadeByIndices(base, new Int32Array(0), 5))).toEqual([5, 5]);
  });
});

describe('fadePoints', () => {
  it('keeps a point bright only when the search, the selection and the filter all keep it', () => {
    const base = clusterColours(new Int32Array([0, 1, 2, 3]), 200);
    const faded = fadePoints(base, {
      matches: new Set([0, 1, 2]),
      selection: Int32Array.of(0, 1, 3),
      kept: Uint8Array.of(1, 0, 1, 1),
    });
    expect([3, 7, 11, 15].map((i) => faded[i])).toEqual([200, 28, 28, 28]);
    expect(fadePoints(base, {})).toBe(base);
  });
});
