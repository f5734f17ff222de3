import type { Corpus, Paper } from './paper';

/** The format version that readCorpusFile accepts and toCorpusFile writes. */
export const CORPUS_FILE_VERSION = 1;

/** The JSON shape of a built corpus file such as `public/corpus/default.json`. */
export interface CorpusFile {
  version: typeof CORPUS_FILE_VERSION;
  /** A human-readable name of the corpus, shown in the app. */
  name: string;
  /** The corpus's content hash (see Corpus). */
  hash: string;
  papers: Paper[];
}

/** The file form of a corpus under a human-readable name. */
export function toCorpusFile(corpus: Corpus, name: string): CorpusFile {
  return { version: CORPUS_FILE_VERSION, name, hash: corpus.hash, papers: corpus.papers };
}

/**
 * Checks that parsed JSON is a corpus file and returns a fresh copy holding only the known
 * fields; throws an Error naming the file, and the paper index and field when a paper is wrong.
 */
export function parseCorpusFile(json: unknown, fileName: string): CorpusFile {
  const fail = (what: string, expected: string, value: unknown): never => {
    throw new Error(`${fileName}: ${what} should be ${expected}, but is ${describe(value)}.`);
  };
  if (!isRecord(json)) return fail('the file', 'a JSON object', json);
  if (json.version !== CORPUS_FILE_VERSION) {
    fail('version', `${CORPUS_FILE_VERSION}`, json.version);
  }
  if (typeof json.name !== 'string') fail('name', 'a string', json.name);
  if (typeof json.hash !== 'string' || json.hash === '')
    fail('hash', 'a non-empty string', json.hash);
  if (!Array.isArray(json.papers)) return fail('papers', 'an array', json.papers);
  const seen = new Map<string, number>();
  const papers = json.papers.map((raw: unknown, i): Paper => {
    const paper = readPaper(raw, (field, expected, value) =>
      fail(field ? `papers[${i}].${field}` : `papers[${i}]`, expected, value),
    );
    const first = seen.get(paper.id);
    // Papers are looked up by id everywhere, so a repeated id would silently hide a paper.
    if (first !== undefined)
      fail(`papers[${i}].id`, `unique (papers[${first}] has it too)`, paper.id);
    seen.set(paper.id, i);
    return paper;
  });
  return {
    version: CORPUS_FILE_VERSION,
    name: json.name as string,
    hash: json.hash as string,
    papers,
  };
}

/** Validates a corpus file's parsed JSON (see parseCorpusFile) and returns its corpus. */
export function readCorpusFile(json: unknown, fileName: string): Corpus {
  const file = parseCorpusFile(json, fileName);
  return { papers: file.papers, hash: file.hash };
}

type Fail = (field: string, expected: string, value: unknown) => never;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readPaper(raw: unknown, fail: Fail): Paper {
  if (!isRecord(raw)) return fail('', 'an object', raw);
  const string = (field: string, nonEmpty = false): string => {
    const value = raw[field];
    if (typeof value !== 'string' || (nonEmpty && value === '')) {
      return fail(field, nonEmpty ? 'a non-empty string' : 'a string', value);
    }
    return value;
  };
  const stringOrNull = (field: string): string | null =>
    raw[field] === null ? null : string(field);
  const countOrNull = (field: string): number | null => {
    const value = raw[field];
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      return fail(field, 'a whole number ≥ 0 or null', value);
    }
    return value;
  };
  const strings = (field: string): string[] => {
    const value = raw[field];
    if (!Array.isArray(value)) return fail(field, 'an array of strings', value);
    value.forEach((item: unknown, j) => {
      if (typeof item !== 'string') fail(`${field}[${j}]`, 'a string', item);
    });
    return [...(value as string[])];
  };
  const date = stringOrNull('date');
  if (date !== null && !isIsoDate(date)) fail('date', 'an ISO date YYYY-MM-DD or null', date);
  return {
    id: string('id', true),
    title: string('title', true),
    abstract: string('abstract'),
    authors: strings('authors'),
    authorCount: countOrNull('authorCount'),
    org: stringOrNull('org'),
    date,
    upvotes: countOrNull('upvotes'),
    url: stringOrNull('url'),
    source: strings('source'),
  };
}

/** A real calendar day written YYYY-MM-DD ("2024-02-30" is not one). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a wrong value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
