import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorNames, splitAuthorString } from '../../../../src/core/import/formats/authors';
import { inferColumnMapping } from '../../../../src/core/import/formats/column_mapping';
import { parseDate } from '../../../../src/core/import/formats/dates';
import { extractArxivId, normaliseDoi } from '../../../../src/core/import/formats/ids';
import { jsonElements } from '../../../../src/core/import/formats/json_stream';
import { latexToText } from '../../../../src/core/import/formats/latex';
import { lineStream } from '../../../../src/core/import/formats/line_stream';
import { buildRecord } from '../../../../src/core/import/formats/record';
import { decodeEntities, stripMarkup } from '../../../../src/core/import/formats/text';
import { chunked } from './helpers';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('parseDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2025-04-09T17:59:59.000Z', '2025-04-09'],
    ['2016/06/27/', '2016-06-27'],
    ['Mon, 2 Apr 2007 19:18:42 GMT', '2007-04-02'],
    ['Jan 5, 2024', '2024-01-05'],
    ['5 January 2024', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['31/12/2024', '2024-12-31'],
    ['03/04/2024', '2024-03-04'],
    ['03.04.2024', '2024-04-03'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDate(input)).toEqual({ date: iso, year: Number(iso.slice(0, 4)), invalid: false });
  });

  it('keeps a year without inventing a day, and flags what is no date', () => {
    for (const input of ['2024', 2024, '2024///', '2024-03', 'April 2024', [[2024]]]) {
      expect(parseDate(input)).toEqual({ date: null, year: 2024, invalid: false });
    }
    expect(parseDate([[2021, 7, 15]]).date).toBe('2021-07-15');
    expect(parseDate(1696896000).date).toBe('2023-10-10');
    expect(parseDate('2024-02-30')).toEqual({ date: null, year: 2024, invalid: true });
    expect(parseDate('soon').invalid).toBe(true);
    expect(parseDate('').invalid).toBe(false);
  });

  it('never throws and only returns valid ISO days', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.array(fc.integer())), (v) => {
        const { date } = parseDate(v);
        if (date) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });
});

describe('ids', () => {
  it.each([
    ['2504.07164', '2504.07164'],
    ['arXiv:2504.07164v2', '2504.07164'],
    ['http://arxiv.org/abs/2504.07164v1', '2504.07164'],
    ['https://arxiv.org/pdf/2504.07164v3.pdf', '2504.07164'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['http://arxiv.org/abs/math.GT/0309136v2', 'math.GT/0309136'],
    ['10.48550/arXiv.1706.03762', '1706.03762'],
    ['10.1103/PhysRevD.76.013009', null],
    ['pages 1234.5678', null],
  ])('extracts the arXiv id of %s', (input, id) => {
    expect(extractArxivId(input)).toBe(id);
  });

  it('normalises DOIs', () => {
    expect(normaliseDoi('https://doi.org/10.1038/S41586-021-03819-2')).toBe(
      '10.1038/s41586-021-03819-2',
    );
    expect(normaliseDoi('doi:10.1109/CVPR.2016.90.')).toBe('10.1109/cvpr.2016.90');
    expect(normaliseDoi('https://doi.org/10.1002%2Fanie.1')).toBe('10.1002/anie.1');
    expect(normaliseDoi('not a doi')).toBeNull();
  });
});

describe('text cleaning', () => {
  it('converts LaTeX accents and macros, and drops protective braces', () => {
    expect(latexToText("C. Bal\\'azs")).toBe('C. Balázs');
    expect(latexToText('{\\"U}ber die {Gr\\"o}{\\ss}e')).toBe('Über die Größe');
    expect(latexToText('Garc\\\'{\\i}a and \\c{C}elik, Ko\\v{s}ice, {\\AA}ngstr\\"om')).toBe(
      'García and Çelik, Košice, Ångström',
    );
    expect(latexToText('{BERT}: \\emph{deep} 50\\% -- fast')).toBe('BERT: deep 50% – fast');
  });

  it('decodes entities and strips embedded markup but not comparisons', () => {
    expect(decodeEntities('a &amp; b &#233; &#x3B1; &bogus;')).toBe('a & b é α &bogus;');
    expect(stripMarkup('<jats:p>H<sub>2</sub>O is <i>wet</i> &amp; a < b</jats:p>')).toBe(
      ' H2O is wet & a < b ',
    );
  });

  it('splits author strings in their common shapes', () => {
    expect(splitAuthorString('A. Smith, B. Jones and C. Wu')).toEqual([
      'A. Smith',
      'B. Jones',
      'C. Wu',
    ]);
    expect(splitAuthorString('Smith, Anna; Jones, Bo')).toEqual(['Anna Smith', 'Bo Jones']);
    expect(authorNames([{ family: 'Doe', given: 'Jane' }, { literal: 'CERN' }, 'X Y'])).toEqual([
      'Jane Doe',
      'CERN',
      'X Y',
    ]);
  });
});

describe('buildRecord', () => {
  it('cuts megabyte abstracts to 20,000 characters with a warning', () => {
    const result = buildRecord(
      { title: 'Big', abstract: 'word '.repeat(200_000) },
      { file: 'f', record: 1 },
    );
    expect(result.paper?.abstract.length).toBeLessThanOrEqual(20_000);
    expect(result.issues).toMatchObject([{ field: 'abstract', severity: 'warning' }]);
  });
});

describe('inferColumnMapping', () => {
  it('matches synonyms whatever their case and punctuation', () => {
    const mapping = inferColumnMapping([
      'Paper_Title',
      'TL;DR',
      'Creators',
      'publishedAt',
      'PDF URL',
      'fieldsOfStudy',
      'Affiliation',
      'Votes',
      'UID',
    ]);
    expect(mapping).toEqual({
      title: 'Paper_Title',
      abstract: 'TL;DR',
      authors: 'Creators',
      date: 'publishedAt',
      year: null,
      url: 'PDF URL',
      doi: null,
      arxivId: null,
      categories: 'fieldsOfStudy',
      org: 'Affiliation',
      upvotes: 'Votes',
      id: 'UID',
    });
  });

  it('uses an id column of arXiv ids as the arXiv id', () => {
    expect(
      inferColumnMapping(['id', 'title'], [{ id: '2504.07164' }, { id: '1706.03762v2' }]).arxivId,
    ).toBe('id');
  });
});

describe('lineStream', () => {
  it('gives the same lines, numbers and offsets for any chunking and line ending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, '')),
          { maxLength: 10 },
        ),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        async (lines, eol, sizes) => {
          const text = lines.join(eol);
          const got = await collect(lineStream(chunked(text, sizes)));
          const expected = text === '' ? [] : lines.map((t, i) => ({ text: t, line: i + 1 }));
          expect(got.map(({ text: t, line }) => ({ text: t, line }))).toEqual(
            expected.filter((l, i) => i < lines.length - 1 || l.text !== ''),
          );
          for (const l of got) expect(text.slice(l.offset, l.offset + l.text.length)).toBe(l.text);
        },
      ),
    );
  });
});

describe('jsonElements', () => {
  it('streams an array, a wrapper page, a single object and JSON Lines with lines', async () => {
    const values = async (text: string) =>
      (await collect(jsonElements(chunked(text, [3])))).map((e) =>
        e.kind === 'value' ? e.value : e.message,
      );
    expect(await values('[{"a":1}, {"b":2}]')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(await values('{"meta":{"n":[1]},"results":[{"a":1},{"b":"]}"}],"x":[]}')).toEqual([
      { a: 1 },
      { b: ']}' },
    ]);
    expect(await values('{"id":"x","authors":[{"name":"a"}]}')).toEqual([
      { id: 'x', authors: [{ name: 'a' }] },
    ]);
    const lines = await collect(jsonElements(chunked('{"a":1}\n{"b":\n{"c":3}\n', [2])));
    expect(lines.map((e) => [e.kind, e.index, e.line])).toEqual([
      ['value', 1, 1],
      ['error', 2, 2],
      ['value', 3, 3],
    ]);
  });

  it('finds every element of any array of objects, however chunked', async () => {
    const object = fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(object, { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        async (items, pretty, sizes) => {
          const text = JSON.stringify(items, null, pretty ? 2 : undefined);
          const events = await collect(jsonElements(chunked(text, sizes)));
          expect(events.map((e) => (e.kind === 'value' ? e.value : e))).toEqual(items);
        },
      ),
    );
  });
});
