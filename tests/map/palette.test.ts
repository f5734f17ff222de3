import { describe, expect, it } from 'vitest';
import { clusterColours, fadeByMask, fadeExcept } from '../../src/map/palette';

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
