import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportResult } from '../../../src/core/import/import_corpus';
import { createImportHandlers } from '../../../src/core/import/import_handlers';
import {
  inputFromBlob,
  inputFromBytes,
  inputFromText,
  type FetchLike,
  type ImportInput,
} from '../../../src/core/import/import_input';
import { formatIssue, formatReport, importFailure } from '../../../src/core/import/report_text';

const csv = (rows: string[][]): string =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

const jsonl = (records: object[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const HEADER = ['title', 'abstract', 'authors', 'date'];

function papersCsv(n: number, prefix = 'Paper'): string {
  const rows = Array.from({ length: n }, (_, i) => [
    `${prefix} ${i + 1} on graph neural networks`,
    `We study problem ${i + 1} with many words.`,
    'Ada Lovelace; Alan Turing',
    '2024-03-0' + ((i % 9) + 1),
  ]);
  return csv([HEADER, ...rows]);
}

const run = (inputs: ImportInput[], options = {}): Promise<ImportResult> =>
  importFiles(inputs, options);

describe('importFiles over the real formats', () => {
  it('imports several files of different formats into one corpus, with a report per file', async () => {
    const bib = `@article{lovelace2024,\n  title = {Notes on the Analytical Engine},\n  author = {Lovelace, Ada},\n  year = {1843},\n  abstract = {The first published program.}\n}\n`;
    const { corpus, report, name } = await run([
      inputFromText('a.csv', papersCsv(3)),
      inputFromText(
        'b.jsonl',
        jsonl([
          { title: 'A JSONL paper', abstract: 'About lines.' },
          { title: 'Another JSONL paper', abstract: 'More lines.' },
        ]),
      ),
      inputFromText('c.bib', bib),
    ]);
    expect(corpus.papers.map((p) => p.title)).toEqual([
      'Paper 1 on graph neural networks',
      'Paper 2 on graph neural networks',
      'Paper 3 on graph neural networks',
      'A JSONL paper',
      'Another JSONL paper',
      'Notes on the Analytical Engine',
    ]);
    expect(report.files.map((f) => [f.name, f.format, f.kept])).toEqual([
      ['a.csv', 'csv', 3],
      ['b.jsonl', 'jsonl', 2],
      ['c.bib', 'bibtex', 1],
    ]);
    expect(report.totalKept).toBe(6);
    expect(name).toBe('a.csv + 2 more');
    expect(new Set(corpus.papers.map((p) => p.id)).size).toBe(6);
    expect(corpus.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports an unknown format, a binary file and an empty file, and still imports the rest', async () => {
    const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0xe2, 0xe3, 0, 1, 2, 3]);
    const { corpus, report } = await run([
      inputFromText('page.html', '<!doctype html><html><body><p>Not papers</p></body></html>'),
      inputFromBytes('paper.pdf', pdf),
      inputFromText('empty.csv', ''),
      inputFromText('good.csv', papersCsv(2)),
    ]);
    expect(corpus.papers).toHaveLength(2);
    const [txt, bin, empty] = report.files;
    expect(txt!.format).toBeNull();
    expect(txt!.issues[0]!.message).toMatch(
      /could not recognise the format: expected one of .*CSV/,
    );
    expect(bin!.issues[0]!.message).toMatch(/^this is a PDF document, not a corpus/);
    expect(empty!.issues[0]!.message).toMatch(/^the file is empty/);
    expect(formatIssue(bin!.issues[0]!)).toMatch(/^paper\.pdf: this is a PDF document/);
  });

  it('says clearly when nothing could be imported: a header-only CSV gives 0 papers and a message', async () => {
    const result = await run([inputFromText('header.csv', 'title,abstract,authors\n')]);
    expect(result.corpus.papers).toEqual([]);
    expect(result.report.files[0]!.issueCount).toBeGreaterThan(0);
    expect(importFailure(result.report)).toMatch(/^No papers could be imported from header\.csv/);
  });

  it('maps corpora of 1 and 2 papers', async () => {
    for (const n of [1, 2]) {
      const { corpus, report } = await run([inputFromText('small.csv', papersCsv(n))]);
      expect(corpus.papers).toHaveLength(n);
      expect(importFailure(report)).toBeNull();
    }
  });

  it('keeps valid rows and reports the bad ones with file, row and field', async () => {
    const text = csv([
      HEADER,
      ['Good one', 'x', '', ''],
      ['', 'no title here', '', ''],
      ['Good two', '', '', ''],
    ]);
    const { corpus, report } = await run([inputFromText('papers.csv', text)]);
    expect(corpus.papers.map((p) => p.title)).toEqual(['Good one', 'Good two']);
    const file = report.files[0]!;
    expect(file.records).toBe(3);
    expect(file.kept).toBe(2);
    const error = file.issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ file: 'papers.csv', record: 2, field: 'title' });
    expect(formatIssue(error, 'csv')).toMatch(
      /^papers\.csv, row 2, (line \d+, )?field "title": missing title/,
    );
    // A title without an abstract is kept, flagged and counted.
    expect(report.flaggedNoAbstract).toBe(1);
    expect(corpus.papers[1]!.flags).toContain('no abstract: embedded on its title');
    expect(formatReport(report).join('\n')).toMatch(/2 papers · 0 duplicates merged/);
  });

  it('merges duplicates across files and counts them', async () => {
    const { corpus, report } = await run([
      inputFromText(
        'a.csv',
        csv([
          ['title', 'abstract', 'doi'],
          ['Deep Learning', 'short', '10.1038/nature14539'],
        ]),
      ),
      inputFromText(
        'b.jsonl',
        jsonl([
          {
            title: 'Deep learning.',
            abstract: 'A longer abstract of the review.',
            doi: 'https://doi.org/10.1038/NATURE14539',
          },
          { title: 'DEEP LEARNING', abstract: '' },
        ]),
      ),
    ]);
    expect(corpus.papers).toHaveLength(1);
    expect(report.duplicatesMerged).toBe(2);
    expect(corpus.papers[0]!.abstract).toBe('A longer abstract of the review.');
    expect(corpus.papers[0]!.source).toEqual(['a.csv', 'b.jsonl']);
  });

  it('imports a paper with a 1 MB abstract without failing', async () => {
    const abstract = 'word '.repeat(200_000);
    const { corpus, report } = await run([
      inputFromText('big.jsonl', jsonl([{ title: 'Big', abstract }]), 4096),
    ]);
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.papers[0]!.abstract.length).toBeGreaterThan(1000);
    expect(report.totalKept).toBe(1);
  });

  it('keeps HTML and script in titles as text (never markup)', async () => {
    const title = 'Why <script>alert(1)</script> & <b>bold</b> claims fail';
    const { corpus } = await run([inputFromText('x.jsonl', jsonl([{ title, abstract: 'a' }]))]);
    // The UI renders titles as text, so markup stays literal rather than being interpreted.
    expect(corpus.papers[0]!.title).toBe(title);
  });

  it('reads Latin-1 and UTF-16 files', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('title,abstract\nSchr'),
      0xf6,
      ...new TextEncoder().encode('dinger cats,x\n'),
    ]);
    const text = 'title,abstract\nUTF-16 paper ☃,x\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { corpus, report } = await run([
      inputFromBytes('l.csv', latin1, 7),
      inputFromBytes('u.csv', utf16, 5),
    ]);
    expect(corpus.papers.map((p) => p.title)).toEqual(['Schrödinger cats', 'UTF-16 paper ☃']);
    expect(report.files.map((f) => f.encoding)).toEqual(['windows-1252', 'utf-16le']);
  });

  it('reports progress by bytes, rising to exactly 1', async () => {
    const fractions: number[] = [];
    await run(
      [
        inputFromText('a.csv', papersCsv(400), 1024),
        inputFromText('b.csv', papersCsv(100, 'Other'), 1024),
      ],
      {
        onProgress: (f: number) => fractions.push(f),
      },
    );
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
  });

  it('stops with an AbortError when cancelled, before or during the import', async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      run([inputFromText('a.csv', papersCsv(3))], { signal: before.signal }),
    ).rejects.toThrow();
    const during = new AbortController();
    const promise = run([inputFromText('a.csv', papersCsv(5000), 512)], {
      signal: during.signal,
      onProgress: (f: number) => f > 0.2 && during.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('never throws on random bytes: every file ends in papers or issues', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.string({ maxLength: 200 }),
        async (bytes, text) => {
          const result = await run([
            inputFromBytes('r.bin', bytes, 13),
            inputFromText('r.txt', text, 7),
          ]);
          for (const file of result.report.files)
            expect(file.kept + file.issueCount).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads Parquet by random access from a file, and from a stream with no random access', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'title', data: ['Parquet one', 'Parquet two'] },
        { name: 'abstract', data: ['First.', 'Second.'] },
      ],
    });
    const bytes = new Uint8Array(buffer);
    const fromFile = await run([inputFromBytes('t.parquet', bytes)]);
    expect(fromFile.report.files[0]!.format).toBe('parquet');
    expect(fromFile.corpus.papers.map((p) => p.title)).toEqual(['Parquet one', 'Parquet two']);
    const streamOnly: ImportInput = {
      ...inputFromBytes('u.parquet', bytes, 100),
      bytes: undefined,
    };
    const fromStream = await run([streamOnly]);
    expect(fromStream.corpus.papers).toHaveLength(2);
  });

  it('reads a Blob through its stream, as the worker reads a File', async () => {
    const blob = new Blob([papersCsv(3)]);
    const { corpus } = await run([inputFromBlob(blob, 'blob.csv')]);
    expect(corpus.papers).toHaveLength(3);
  });
});

describe('the import worker handlers', () => {
  const context = () => ({
    signal: new AbortController().signal,
    onProgress: () => {},
    onPartial: () => {},
  });

  it('fetches a URL and imports it, streaming the body', async () => {
    const body = new Blob([jsonl([{ title: 'Fetched', abstract: 'over the network' }])]);
    const fetch: FetchLike = async () => new Response(body.stream(), { status: 200 });
    const handlers = createImportHandlers(fetch);
    const result = await handlers.importUrl(
      { url: 'https://example.org/data/papers.jsonl' },
      context(),
    );
    expect(result.name).toBe('papers.jsonl');
    expect(result.corpus.papers[0]!.title).toBe('Fetched');
  });

  it('says which HTTP status or network failure stopped a fetch', async () => {
    const notFound: FetchLike = async () =>
      new Response('nope', { status: 404, statusText: 'Not Found' });
    await expect(
      createImportHandlers(notFound).importUrl({ url: 'https://example.org/x.csv' }, context()),
    ).rejects.toThrow('could not fetch https://example.org/x.csv: HTTP 404 Not Found');
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(
      createImportHandlers(offline).importUrl({ url: 'https://example.org/x.csv' }, context()),
    ).rejects.toThrow(/could not fetch .*CORS/);
  });

  it('imports Files posted to the worker', async () => {
    const file = new File([papersCsv(2)], 'posted.csv');
    const result = await createImportHandlers().importFiles({ files: [file] }, context());
    expect(result.corpus.papers).toHaveLength(2);
  });
});
