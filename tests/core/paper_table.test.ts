import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/core/paper';
import { papersFromTable, tableFromColumns, type PaperColumns } from '../../src/core/paper_table';
import { paperTableFromJson, papersToColumns } from '../../src/share/bundle/paper_columns';
import { decodePaperTable, encodePaperTable } from '../../src/share/bundle/paper_table_bytes';
import { syntheticPapers } from '../share/bundle/bundle_fixtures';

/** Papers → checked table → bytes → table → papers, the way a bundle reaches the page. */
function throughTable(papers: Paper[]): Paper[] {
  const table = paperTableFromJson(papersToColumns(papers), papers.length, 2, 'test');
  const fail = (message: string): never => {
    throw new Error(message);
  };
  return papersFromTable(decodePaperTable(encodePaperTable(table), papers.length, fail));
}

describe('paper table', () => {
  it('gives back every paper exactly: optional fields only where they were, nulls as nulls', () => {
    const papers = syntheticPapers(150, 200, 9);
    papers[0]!.title = 'Commas, "quotes" and\nnew lines: ünïcödé 数学 😀';
    papers[1]!.doi = '10.1000/xyz123';
    papers[1]!.categories = ['cs.CL', 'cs.LG'];
    papers[1]!.fields = { venue: 'ACL', 'page count': '12' };
    papers[70]!.fields = Object.fromEntries([
      ['venue', 'NeurIPS'],
      ['__proto__', 'a column named like this'],
    ]);
    papers[71]!.fields = {};
    papers[2]!.flags = ['no abstract: embedded on its title'];
    papers[2]!.abstract = '';
    papers[3]!.authors = [];
    papers[3]!.org = null;
    papers[3]!.date = null;
    papers[3]!.url = null;
    papers[4]!.categories = [];
    delete papers[5]!.arxivId;
    const back = throughTable(papers);
    expect(back).toStrictEqual(papers);
    expect(Object.keys(back[70]!.fields!)).toEqual(['venue', '__proto__']);
    expect(Object.getPrototypeOf(back[70]!.fields)).toBe(Object.prototype);
    expect('fields' in back[2]!).toBe(false);
  });

  it('keeps counts of zero apart from unknown counts', () => {
    const papers = syntheticPapers(3, 50, 1);
    papers[0]!.upvotes = 0;
    papers[1]!.upvotes = null;
    papers[2]!.authorCount = null;
    const back = throughTable(papers);
    expect(back.map((p) => p.upvotes)).toEqual([0, null, papers[2]!.upvotes]);
    expect(back[2]!.authorCount).toBeNull();
  });

  it('refuses list counts that do not cover the packed items', () => {
    const columns: PaperColumns = papersToColumns(syntheticPapers(2, 50, 1)) as never;
    const table = tableFromColumns(columns, 2);
    table.authors.counts[0]! += 1;
    expect(() => papersFromTable(table)).toThrow(RangeError);
  });
});
