import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asStored, dequantiseInt8, quantiseInt8 } from '../../src/core/quantise';
import { clusteredVectors } from '../helpers/synthetic';

describe('int8 vector quantisation', () => {
  it('keeps every unit vector within cosine 0.9999 of itself at dimension 256', () => {
    const { vectors } = clusteredVectors(200, 256, 5);
    const back = dequantiseInt8(quantiseInt8(vectors));
    for (let i = 0; i < 200; i++) {
      let dot = 0;
      let norm = 0;
      for (let j = 0; j < 256; j++) {
        dot += vectors.data[i * 256 + j]! * back.data[i * 256 + j]!;
        norm += back.data[i * 256 + j]! ** 2;
      }
      expect(dot / Math.sqrt(norm)).toBeGreaterThan(0.9999);
    }
  });

  it('is a fixed point after one round trip, so fresh and cached maps are identical', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 64 }),
        (values) => {
          const dim = 4;
          const n = Math.floor(values.length / dim);
          const v = { data: Float32Array.from(values.slice(0, n * dim)), n, dim };
          const once = asStored(v);
          expect(Array.from(asStored(once).data)).toEqual(Array.from(once.data));
        },
      ),
    );
  });

  it('keeps zero rows zero', () => {
    const q = quantiseInt8({ data: new Float32Array(8), n: 2, dim: 4 });
    expect(Array.from(dequantiseInt8(q).data)).toEqual(new Array(8).fill(0));
  });
});
