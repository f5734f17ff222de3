import { describe, expect, it } from 'vitest';
import { monthHistogram } from '../../../src/core/filters/month_histogram';
import { formatMonth, monthOfDate, parseMonth } from '../../../src/core/filters/months';
import { defaultPapers, paper } from './default_corpus';

describe('monthHistogram', () => {
  it('counts papers per month across the span, empty months included', () => {
    const h = monthHistogram([
      paper({ date: '2023-11-02' }),
      paper({ date: '2024-02-10' }),
      paper({ date: '2024-02-29' }),
      paper({ date: null }),
    ])!;
    expect(formatMonth(h.first)).toBe('2023-11');
    expect(Array.from(h.counts)).toEqual([1, 0, 0, 2]);
    expect(h.undated).toBe(1);
  });

  it('is null when no paper has a date', () => {
    expect(monthHistogram([paper({})])).toBeNull();
    expect(monthHistogram([])).toBeNull();
  });

  it('covers every dated paper of the default corpus, from its first month to its last', () => {
    const corpus = defaultPapers();
    const h = monthHistogram(corpus)!;
    const months = corpus.flatMap((p) => (p.date ? [p.date.slice(0, 7)] : [])).sort();
    expect(formatMonth(h.first)).toBe(months[0]);
    expect(formatMonth(h.first + h.counts.length - 1)).toBe(months.at(-1));
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(months.length);
    expect(h.undated).toBe(corpus.length - months.length);
    expect(h.counts.some((c) => c === 0)).toBe(true);
  });
});

describe('months', () => {
  it('reads YYYY-MM and ISO dates, refusing anything else', () => {
    expect(parseMonth('2024-03')).toBe(2024 * 12 + 2);
    expect(monthOfDate('2024-03-09')).toBe(parseMonth('2024-03'));
    for (const bad of ['2024-13', '2024-00', '24-03', '2024-3', ''])
      expect(parseMonth(bad)).toBeNull();
    for (const bad of ['2024', '2024-13-01', 'abcd-01-01', null]) expect(monthOfDate(bad)).toBe(-1);
  });
});
