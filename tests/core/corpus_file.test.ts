import { describe, expect, it } from 'vitest';
import {
  CORPUS_FILE_VERSION,
  parseCorpusFile,
  readCorpusFile,
  toCorpusFile,
} from '../../src/core/corpus_file';
import type { Corpus, Paper } from '../../src/core/paper';

function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Title ${id}`,
    abstract: 'An abstract.',
    authors: [],
    authorCount: 3,
    org: null,
    date: '2024-07-31',
    upvotes: null,
    url: null,
    source: ['page'],
    ...fields,
  };
}

const corpus: Corpus = {
  papers: [
    paper('a'),
    paper('b', { authors: ['Ada', 'Alan'], org: 'Acme', upvotes: 4, url: 'https://x.org/b' }),
    paper('c', { date: null, authorCount: null, abstract: '' }),
  ],
  hash: '0123456789abcdef',
};

type FileJson = Record<string, unknown> & { papers: unknown[] };

/** The file as JSON text would give it back, with one change made by `edit`. */
function fileWith(edit: (file: FileJson) => void): unknown {
  const file = JSON.parse(JSON.stringify(toCorpusFile(corpus, 'test corpus'))) as FileJson;
  edit(file);
  return file;
}

/** A paper of the parsed file, as the plain object it is before validation. */
function rawPaper(file: FileJson, i: number): Record<string, unknown> {
  return file.papers[i] as Record<string, unknown>;
}

describe('readCorpusFile', () => {
  it('reads back what toCorpusFile wrote', () => {
    const json = fileWith(() => {});
    expect(readCorpusFile(json, 'default.json')).toEqual(corpus);
    expect(parseCorpusFile(json, 'default.json')).toMatchObject({
      version: CORPUS_FILE_VERSION,
      name: 'test corpus',
    });
  });

  it('returns a copy that holds only the known fields', () => {
    const json = fileWith((f) => {
      rawPaper(f, 0).extra = 'dropped';
    });
    const read = readCorpusFile(json, 'default.json');
    expect(read.papers[0]).not.toHaveProperty('extra');
    read.papers[1]!.authors.push('Grace');
    expect((json as { papers: Paper[] }).papers[1]?.authors).toEqual(['Ada', 'Alan']);
  });

  it('names the file when the top level is wrong', () => {
    expect(() => readCorpusFile([], 'default.json')).toThrow(
      'default.json: the file should be a JSON object, but is an array.',
    );
    expect(() =>
      readCorpusFile(
        fileWith((f) => (f.version = 2)),
        'default.json',
      ),
    ).toThrow('default.json: version should be 1, but is 2.');
    expect(() =>
      readCorpusFile(
        fileWith((f) => Reflect.deleteProperty(f, 'papers')),
        'x.json',
      ),
    ).toThrow('x.json: papers should be an array, but is missing.');
    expect(() =>
      readCorpusFile(
        fileWith((f) => (f.hash = '')),
        'x.json',
      ),
    ).toThrow(/x\.json: hash/);
  });

  it('names the paper index and the field when a paper is wrong', () => {
    const cases: [(p: Record<string, unknown>) => void, string][] = [
      [(p) => delete p.title, 'papers[1].title should be a non-empty string, but is missing.'],
      [(p) => (p.date = 'Dec 3'), 'papers[1].date should be an ISO date YYYY-MM-DD or null'],
      [(p) => (p.date = '2024-13-01'), 'papers[1].date should be an ISO date'],
      [(p) => (p.date = '2023-02-29'), 'papers[1].date should be an ISO date'],
      [(p) => (p.authorCount = 1.5), 'papers[1].authorCount should be a whole number ≥ 0 or null'],
      [(p) => (p.upvotes = -1), 'papers[1].upvotes should be a whole number ≥ 0 or null'],
      [(p) => (p.authors = ['Ada', 7]), 'papers[1].authors[1] should be a string, but is 7.'],
      [(p) => (p.source = 'page'), 'papers[1].source should be an array of strings'],
      [(p) => (p.org = undefined), 'papers[1].org should be a string, but is missing.'],
      [(p) => (p.url = 3), 'papers[1].url should be a string, but is 3.'],
    ];
    for (const [edit, message] of cases) {
      const json = fileWith((f) => edit(rawPaper(f, 1)));
      expect(() => readCorpusFile(json, 'default.json')).toThrow(`default.json: ${message}`);
    }
    const notObject = fileWith((f) => (f.papers[2] = 'paper'));
    expect(() => readCorpusFile(notObject, 'd.json')).toThrow(
      'd.json: papers[2] should be an object',
    );
  });

  it('rejects a repeated id, naming both papers', () => {
    const json = fileWith((f) => (rawPaper(f, 2).id = 'a'));
    expect(() => readCorpusFile(json, 'default.json')).toThrow(
      'default.json: papers[2].id should be unique (papers[0] has it too), but is "a".',
    );
  });
});
