import { readFileSync } from 'node:fs';
import { readCorpusFile } from '../../../src/core/corpus_file';
import type { Paper } from '../../../src/core/paper';

/** The papers of the built default corpus (public/corpus/default.json). */
export function defaultPapers(): Paper[] {
  const url = new URL('../../../public/corpus/default.json', import.meta.url);
  return readCorpusFile(JSON.parse(readFileSync(url, 'utf8')), 'default.json').papers;
}

/** A paper with every optional field unknown, overridden by `fields`. */
export function paper(fields: Partial<Paper>): Paper {
  return {
    id: fields.title ?? 'p',
    title: 'p',
    abstract: '',
    authors: [],
    authorCount: null,
    org: null,
    date: null,
    upvotes: null,
    url: null,
    source: ['a.json'],
    ...fields,
  };
}
