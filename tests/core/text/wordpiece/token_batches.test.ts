import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenBatches } from '../../../../src/core/text/wordpiece/token_batches';

const seq = (...ids: number[]) => Int32Array.from(ids);

describe('tokenBatches', () => {
  it('sorts rows by length and pads each batch to its own longest row', () => {
    const batches = tokenBatches(
      [seq(2, 5, 6, 7, 3), seq(2, 3), seq(2, 9, 3), seq(2, 8, 8, 3)],
      2,
      0,
    );
    expect(batches.map((b) => b.rows)).toEqual([
      [1, 2],
      [3, 0],
    ]);
    expect(batches[0]!.length).toBe(3);
    expect(Array.from(batches[0]!.ids)).toEqual([2, 3, 0, 2, 9, 3]);
    expect(Array.from(batches[0]!.mask)).toEqual([1, 1, 0, 1, 1, 1]);
    expect(batches[1]!.length).toBe(5);
    expect(Array.from(batches[1]!.ids)).toEqual([2, 8, 8, 3, 0, 2, 5, 6, 7, 3]);
    expect(Array.from(batches[1]!.mask)).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 1, 1]);
  });

  it('pads with the given pad id and keeps input order among equal lengths', () => {
    const [batch] = tokenBatches([seq(2, 4, 3), seq(2, 3), seq(2, 5, 3)], 8, 99);
    expect(batch!.rows).toEqual([1, 0, 2]);
    expect(Array.from(batch!.ids.subarray(0, 3))).toEqual([2, 3, 99]);
  });

  it('gives no batch for no rows and rejects a batch size below 1', () => {
    expect(tokenBatches([], 4, 0)).toEqual([]);
    expect(() => tokenBatches([seq(1)], 0, 0)).toThrow(RangeError);
  });

  it('places every row once, intact, with a mask as long as the row', () => {
    const rows = fc.array(
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), (arrays, size) => {
        const sequences = arrays.map((a) => Int32Array.from(a));
        const batches = tokenBatches(sequences, size, 0);
        const seen = batches.flatMap((b) => b.rows).sort((a, b) => a - b);
        expect(seen).toEqual(sequences.map((_, i) => i));
        let previous = 0;
        for (const b of batches) {
          expect(b.rows.length).toBeLessThanOrEqual(size);
          expect(b.length).toBeGreaterThanOrEqual(previous);
          previous = b.length;
          b.rows.forEach((r, i) => {
            const s = sequences[r]!;
            expect(Array.from(b.ids.subarray(i * b.length, i * b.length + s.length))).toEqual(
              Array.from(s),
            );
            const mask = b.mask.subarray(i * b.length, (i + 1) * b.length);
            expect(mask.reduce((x, y) => x + y, 0)).toBe(s.length);
          });
        }
      }),
    );
  });
});
