import { CORPUS_FILE_VERSION, parseCorpusFile } from '../../core/corpus_file';
import type { Paper } from '../../core/paper';
import { describe } from './bundle_header';
import { BundleError } from './bundle_error';

/**
 * Validates a bundle's papers with the corpus file reader (required fields, ISO dates, unique
 * ids), then the optional fields it does not know (arxivId, doi, categories, fields, flags), and
 * returns fresh copies holding only known fields; `where` prefixes every message.
 */
export function validatePapers(raw: unknown, where: string): Paper[] {
  let base: Paper[];
  try {
    base = parseCorpusFile(
      { version: CORPUS_FILE_VERSION, name: '', hash: '-', papers: raw },
      where,
    ).papers;
  } catch (error) {
    // The corpus reader throws plain Errors; callers catch BundleErrors.
    throw new BundleError(error instanceof Error ? error.message : String(error));
  }
  const records = raw as Record<string, unknown>[];
  return base.map((paper, i) => withOptionalFields(paper, records[i]!, `${where}: papers[${i}]`));
}

function withOptionalFields(paper: Paper, raw: Record<string, unknown>, at: string): Paper {
  const bad = (field: string, expected: string, value: unknown): never => {
    throw new BundleError(`${at}.${field} should be ${expected}, but is ${describe(value)}.`);
  };
  // parseCorpusFile made `paper` afresh: completed in place rather than copied once more (100k
  // copies are 100k more objects for the collector while a bundle opens).
  const out: Paper = paper;
  for (const field of ['arxivId', 'doi'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') bad(field, 'a string', value);
    out[field] = value as string;
  }
  for (const field of ['categories', 'flags'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return bad(field, 'an array of strings', value);
    value.forEach((item: unknown, j) => {
      if (typeof item !== 'string') bad(`${field}[${j}]`, 'a string', item);
    });
    out[field] = [...(value as string[])];
  }
  const fields = raw.fields;
  if (fields !== undefined) {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      return bad('fields', 'an object of strings', fields);
    }
    const entries = Object.entries(fields);
    for (const [key, value] of entries) {
      if (typeof value !== 'string') bad(`fields.${key}`, 'a string', value);
    }
    // fromEntries defines own properties: a column named "__proto__" stays a column.
    out.fields = Object.fromEntries(entries) as Record<string, string>;
  }
  return out;
}
