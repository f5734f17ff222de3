import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsCsv, shortestFloat32 } from '../../cli/points_csv';
import { CsvSplitter } from '../../src/core/import/formats/csv_records';
import { realisticMap } from '../share/bundle/bundle_fixtures';

describe('points.csv', () => {
  it('round-trips titles with commas, quotes and line breaks', () => {
    const map = realisticMap(6, false);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 6, maxLength: 6 }),
        (titles) => {
          titles.forEach((t, i) => (map.corpus.papers[i]!.title = t));
          const splitter = new CsvSplitter(',');
          const rows = [...splitter.push(pointsCsv(map)), ...splitter.end()];
          expect(rows.map((r) => r.fields[1])).toEqual(['title', ...titles]);
        },
      ),
    );
  });

  it('labels topics by the bundle topics where it has them', () => {
    const map = realisticMap(8, false);
    map.topics = [{ level: 0, cluster: 1, label: 'Agents, "tools"', keywords: [] }];
    const text = pointsCsv(map);
    expect(text).toContain(',1,"Agents, ""tools"""\r\n');
    expect(text).toContain(',0,Cluster 0\r\n');
  });

  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe('0.1');
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Math.fround(Number(shortestFloat32(v)))).toBe(v === 0 ? 0 : v);
      }),
    );
  });
});
