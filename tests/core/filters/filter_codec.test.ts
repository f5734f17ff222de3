import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFilter, encodeFilter } from '../../../src/core/filters/filter_codec';
import { formatMonth } from '../../../src/core/filters/months';
import type { PaperFilter } from '../../../src/core/filters/paper_filter';

const month = fc.integer({ min: 0, max: 9999 * 12 + 11 }).map(formatMonth);
const count = fc.nat({ max: 999_999_999 });
const names = fc.array(fc.string({ minLength: 1, unit: 'grapheme' }), {
  minLength: 1,
  maxLength: 5,
});
const range = <T>(end: fc.Arbitrary<T>, order: (a: T, b: T) => boolean) =>
  fc
    .tuple(fc.option(end, { nil: undefined }), fc.option(end, { nil: undefined }))
    .filter(([a, b]) => a !== undefined || b !== undefined)
    .map(([a, b]) => (a !== undefined && b !== undefined && !order(a, b) ? [b, a] : [a, b]));
const filters: fc.Arbitrary<PaperFilter> = fc.record(
  {
    date: range(month, (a, b) => a <= b).map(([from, to]) => strip({ from, to })),
    minUpvotes: count,
    authors: range(count, (a, b) => a <= b).map(([min, max]) => strip({ min, max })),
    orgs: names,
    categories: names,
    sources: names,
  },
  { requiredKeys: [] },
);

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

describe('the filter codec', () => {
  it('writes a compact, fragment-safe form', () => {
    const text = encodeFilter({
      date: { from: '2023-01', to: '2024-06' },
      minUpvotes: 5,
      authors: { min: 2 },
      orgs: ['Tencent', 'A, B & C'],
    });
    expect(text).toBe('d:2023-01..2024-06;u:5;a:2..;o:Tencent,A%2C%20B%20%26%20C');
    expect(encodeFilter({})).toBe('');
  });

  it('round-trips any filter without problems', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const text = encodeFilter(filter);
        expect(text).toMatch(/^[\w.~%;:,'()!*-]*$/);
        expect(decodeFilter(text)).toEqual({ filter, problems: [] });
      }),
    );
  });

  it('never throws on arbitrary text, and keeps the valid pieces of a damaged one', () => {
    fc.assert(
      fc.property(fc.string(), filters, (junk, filter) => {
        const damaged = `${encodeFilter(filter)};${junk.replace(/[;:]/g, '')}x`;
        const result = decodeFilter(damaged);
        expect(result.filter).toEqual(filter);
        expect(result.problems).toHaveLength(1);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { filter } = decodeFilter(text);
        expect(decodeFilter(encodeFilter(filter)).filter).toEqual(filter);
      }),
    );
    const { filter, problems } = decodeFilter('d:2024-13..2025-01;u:abc;u2:3;a:9..2;s:ok,%E0;o:A');
    expect(filter).toEqual({ orgs: ['A'] });
    expect(problems).toEqual([
      'filter "d:2024-13..2025-01": the date range should be YYYY-MM..YYYY-MM',
      'filter "u:abc": the minimum of upvotes should be a whole number',
      'unknown filter "u2"',
      'filter "a:9..2": the author range ends before it starts',
      'filter "s:ok,%E0": a value is empty or not valid URL encoding',
    ]);
  });

  it('refuses empty ranges and empty values', () => {
    expect(decodeFilter('d:..').problems).toHaveLength(1);
    expect(decodeFilter('o:a,,b').problems).toHaveLength(1);
    expect(decodeFilter('d:2024-05..2024-01').problems).toEqual([
      'filter "d:2024-05..2024-01": the date range ends before it starts',
    ]);
  });
});
