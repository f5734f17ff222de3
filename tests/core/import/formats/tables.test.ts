import { describe, expect, it } from 'vitest';
import { csvFormat, tsvFormat } from '../../../../src/core/import/formats/csv';
import { jsonFormat, jsonlFormat } from '../../../../src/core/import/formats/json_table';
import { fixture, parseText } from './helpers';

describe('generic tables', () => {
  it('reads a CSV with quoted multi-line cells and maps its columns', async () => {
    let seen: string[] = [];
    const { papers, issues } = await parseText(csvFormat, fixture('papers.csv'), undefined, {
      onColumns: (columns) => (seen = columns),
    });
    expect(seen).toEqual([
      'Paper Title',
      'Abstract',
      'Authors',
      'Published',
      'arxiv_id',
      'Tags',
      'likes',
      'venue',
    ]);
    expect(papers).toHaveLength(3);
    expect(papers[0]!.abstract).toMatch(
      /configuration\. We propose a new simple network architecture, the "Transformer"\.$/,
    );
    expect(papers[0]!.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(papers[0]!.arxivId).toBe('1706.03762');
    expect(papers[0]!.upvotes).toBe(120);
    expect(papers[0]!.fields).toEqual({ venue: 'NeurIPS' });
    expect(papers[1]!.fields).toEqual({ venue: 'CVPR', year: '2016' });
    // Text stays text: the UI renders it as such.
    expect(papers[2]!.title).toBe('<script>alert(1)</script> Injection Study');
    expect(issues).toMatchObject([{ record: 3, line: 5, field: 'Published', severity: 'warning' }]);
  });

  it('honours a given mapping, and keeps ragged rows that have a title', async () => {
    const text = 'name,text,extra\nA paper,An abstract\nB paper,Its abstract,x,y\n,no title,z\n';
    const mapping = {
      title: 'name',
      abstract: 'text',
      authors: null,
      date: null,
      year: null,
      url: null,
      doi: null,
      arxivId: null,
      categories: null,
      org: null,
      upvotes: null,
      id: null,
    };
    const { papers, issues } = await parseText(csvFormat, text, undefined, { mapping });
    expect(papers.map((p) => p.title)).toEqual(['A paper', 'B paper']);
    expect(issues.filter((i) => i.message.includes('cells')).map((i) => i.line)).toEqual([2, 3]);
    expect(issues.find((i) => i.severity === 'error')).toMatchObject({
      record: 3,
      line: 4,
      field: 'name',
    });
  });

  it('drops only the row with an unterminated quote', async () => {
    const text = 'title,abstract\nOne,"fine"\nTwo,"never closed\nThree,ok\nFour,"also, fine"\n';
    const { papers, errors } = await parseText(csvFormat, text);
    expect(papers.map((p) => p.title)).toEqual(['One', 'Three', 'Four']);
    expect(errors).toMatchObject([{ record: 2, line: 3 }]);
  });

  it('reads TSV, JSON arrays with name objects and counts, and JSON Lines', async () => {
    const tsv = await parseText(tsvFormat, fixture('papers.tsv'));
    expect(tsv.papers.map((p) => p.categories)).toEqual([['cs.CL', 'cs.AI'], ['cs.CV']]);
    const json = await parseText(jsonFormat, fixture('papers.json'));
    expect(json.papers[0]!.authors).toEqual(['Naman Jain', 'Jaskirat Singh']);
    expect(json.papers[0]!.abstract).toBe('Procedural environments for SWE agents.');
    expect(json.papers[1]!.upvotes).toBe(1234);
    expect(json.papers[1]!.date).toBe('2023-10-10');
    expect(json.papers[1]!.fields).toEqual({ cluster: '2' });
    const jsonl = await parseText(jsonlFormat, fixture('papers.jsonl'));
    expect(jsonl.papers.map((p) => p.authors.length)).toEqual([3, 1, 1]);
    expect(jsonl.papers[1]!.doi).toBe('10.1109/cvpr.2016.90');
  });
});

describe('absurd sizes', () => {
  it('reads a megabyte abstract in CSV and JSON Lines, cut to 20,000 characters', async () => {
    const huge = 'lorem ipsum '.repeat(90_000);
    const csv = await parseText(csvFormat, `title,abstract\nBig,"${huge}"\nSmall,ok\n`, [65_536]);
    const jsonl = await parseText(
      jsonlFormat,
      `${JSON.stringify({ title: 'Big', abstract: huge })}\n{"title":"Small"}\n`,
      [65_536],
    );
    for (const { papers, issues } of [csv, jsonl]) {
      expect(papers.map((p) => p.title)).toEqual(['Big', 'Small']);
      expect(papers[0]!.abstract.length).toBeLessThanOrEqual(20_000);
      expect(issues.some((i) => i.record === 1 && i.message.includes('cut'))).toBe(true);
    }
  });
});
