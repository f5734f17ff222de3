import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asStored } from '../../src/core/quantise';
import { assembleRows, quantiseRows } from '../../src/core/quantised_rows';

describe('int8 rows', () => {
  it('assembled rows decode exactly as the whole matrix does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 64 }),
        (values) => {
          const dim = 4;
          const n = Math.floor(values.length / dim);
          const v = { data: Float32Array.from(values.slice(0, n * dim)), n, dim };
          const rows = quantiseRows(v);
          expect(rows.every((row) => row.codes.buffer.byteLength === dim)).toBe(true);
          expect(Array.from(assembleRows(rows).data)).toEqual(Array.from(asStored(v).data));
        },
      ),
    );
  });

  it('refuses to mix rows of two dimensions', () => {
    const rows = [
      { codes: Int8Array.from([1, 2]), scale: 1, dim: 2 },
      { codes: Int8Array.from([1, 2, 3]), scale: 1, dim: 3 },
    ];
    expect(() => assembleRows(rows)).toThrow(/dimension 3, expected 2/);
    expect(assembleRows([]).n).toBe(0);
  });
});
