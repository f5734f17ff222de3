import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping, PaperDraft, RecordResult } from '../../../../src/core/import/format';
import { parquetFormat } from '../../../../src/core/import/formats/parquet';
import { detectBinaryFormat } from '../../../../src/core/import/formats/registry';

function source(buffer: ArrayBuffer) {
  return {
    byteLength: buffer.byteLength,
    slice: (start: number, end?: number) => buffer.slice(start, end),
  };
}

async function parse(buffer: ArrayBuffer, onColumns?: (c: string[], m: ColumnMapping) => void) {
  const results: RecordResult[] = [];
  for await (const r of parquetFormat.parse(source(buffer), { file: 'p.parquet', onColumns }))
    results.push(r);
  const papers = results.flatMap((r) => (r.paper ? [r.paper] : []));
  return { papers, issues: results.flatMap((r) => r.issues) };
}

describe('Parquet', () => {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'title', data: ['Attention Is All You Need', 'Mistral 7B', ''] },
      { name: 'abstract', data: ['The dominant sequence transduction models.', null, 'orphan'] },
      { name: 'authors', data: [['Ashish Vaswani', 'Noam Shazeer'], ['Albert Q. Jiang'], []] },
      { name: 'published', data: ['2017-06-12', '2023-10-10', '2020-01-01'] },
      { name: 'arxiv_id', data: ['1706.03762', '2310.06825', null] },
      { name: 'upvotes', data: [120, 40, 0] },
      {
        name: 'embedding',
        data: [
          [0.1, 0.2],
          [0.3, 0.4],
          [0.5, 0.6],
        ],
      },
      { name: 'cluster', data: ['nlp', 'llm', 'x'] },
    ],
  });

  it('is detected by its magic bytes', () => {
    const bytes = new Uint8Array(buffer);
    expect(detectBinaryFormat(bytes.subarray(0, 16), bytes.subarray(-8), 'corpus.bin')?.id).toBe(
      'parquet',
    );
  });

  it('reads rows with list columns, maps columns, and reports a row without a title', async () => {
    let columns: string[] = [];
    const { papers, issues } = await parse(buffer, (c) => (columns = c));
    expect(columns).toEqual([
      'title',
      'abstract',
      'authors',
      'published',
      'arxiv_id',
      'upvotes',
      'embedding',
      'cluster',
    ]);
    expect(papers).toHaveLength(2);
    const first = papers[0] as PaperDraft;
    expect(first).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      date: '2017-06-12',
      arxivId: '1706.03762',
      url: 'https://arxiv.org/abs/1706.03762',
      upvotes: 120,
      fields: { cluster: 'nlp' },
    });
    expect(papers[1]!.flags).toEqual(['no abstract: embedded on its title']);
    expect(issues.filter((i) => i.severity === 'error')).toMatchObject([
      { record: 3, field: 'title' },
    ]);
  });

  it('reads many rows in batches', async () => {
    const n = 25_000;
    const big = parquetWriteBuffer({
      columnData: [
        { name: 'title', data: Array.from({ length: n }, (_, i) => `Paper ${i}`) },
        { name: 'year', data: Array.from({ length: n }, () => 2020) },
      ],
    });
    const { papers } = await parse(big);
    expect(papers).toHaveLength(n);
    expect(papers[n - 1]!.title).toBe(`Paper ${n - 1}`);
    expect(papers[0]!.fields).toEqual({ year: '2020' });
  });

  it('reports a corrupt file instead of throwing', async () => {
    const bytes = new Uint8Array(buffer.slice(0));
    bytes.fill(7, 8, bytes.length - 8);
    const { papers, issues } = await parse(bytes.buffer);
    expect(papers).toEqual([]);
    expect(issues[0]?.severity).toBe('error');
  });
});
