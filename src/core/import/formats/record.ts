/**
 * The last step of every format: turns the values one record yielded into a PaperDraft with the
 * same rules everywhere (a title is required; a missing abstract is flagged; sizes are capped;
 * dates are normalised; a URL is built from the ids when the record has none) and reports what it
 * had to fix.
 */
import type { ImportIssue, PaperDraft, RecordResult } from '../format';
import { parseDate } from './dates';
import { arxivUrl, doiUrl, httpUrl } from './ids';
import { MAX_ABSTRACT_LENGTH, MAX_TITLE_LENGTH, capText, collapseWhitespace } from './text';
import { countOf, textList, toText } from './values';

/** Where a record sits in its file, for the issues about it. */
export interface RecordWhere {
  file: string;
  /** 1-based record number. */
  record: number;
  /** 1-based line of the record's start, where the format has lines. */
  line?: number;
  byteOffset?: number;
}

/** The values a format read from one record, already free of the format's own markup. */
export interface DraftInput {
  title: unknown;
  abstract?: unknown;
  authors?: string[];
  /** An author count given without names; defaults to authors.length. */
  authorCount?: number | null;
  org?: unknown;
  /** The raw date value (see parseDate); `year` is the fallback when it gives none. */
  date?: unknown;
  year?: unknown;
  upvotes?: unknown;
  url?: unknown;
  arxivId?: string | null;
  doi?: string | null;
  categories?: unknown;
  fields?: Record<string, string>;
  sourceId?: string | null;
  /** Source names of the fields, for issue messages (defaults: "title", "abstract", "date"). */
  names?: { title?: string; abstract?: string; date?: string };
  /** Issues the format found in this record already. */
  issues?: ImportIssue[];
}

/** The flag of a paper that has no abstract. */
export const NO_ABSTRACT_FLAG = 'no abstract: embedded on its title';

/** Builds the RecordResult of one record: a PaperDraft when it has a title, and every issue. */
export function buildRecord(input: DraftInput, where: RecordWhere): RecordResult {
  const issues: ImportIssue[] = [...(input.issues ?? [])];
  const report = (severity: ImportIssue['severity'], field: string, message: string) =>
    issues.push({ ...where, field, message, severity });
  const names = { title: 'title', abstract: 'abstract', date: 'date', ...input.names };

  const rawTitle = collapseWhitespace(toText(input.title));
  if (!/[\p{L}\p{N}]/u.test(rawTitle)) {
    const got = rawTitle ? `"${rawTitle.slice(0, 40)}"` : 'nothing';
    report(
      'error',
      names.title,
      `missing title: expected a non-empty text in "${names.title}", got ${got}; record skipped`,
    );
    return { issues };
  }
  const title = capText(rawTitle, MAX_TITLE_LENGTH);
  if (title.cut)
    report('warning', names.title, `title longer than ${MAX_TITLE_LENGTH} characters: cut`);

  // Cap before collapsing so a megabyte abstract costs one bounded pass.
  const longAbstract = toText(input.abstract);
  const abstract = capText(
    collapseWhitespace(capText(longAbstract, MAX_ABSTRACT_LENGTH * 2).text),
    MAX_ABSTRACT_LENGTH,
  );
  if (abstract.cut || longAbstract.length > MAX_ABSTRACT_LENGTH * 2) {
    report(
      'warning',
      names.abstract,
      `abstract longer than ${MAX_ABSTRACT_LENGTH} characters: cut`,
    );
  }
  const flags: string[] = [];
  if (!abstract.text) {
    flags.push(NO_ABSTRACT_FLAG);
    report('warning', names.abstract, 'no abstract: the paper is placed by its title alone');
  }

  const fields: Record<string, string> = { ...input.fields };
  let parsed = parseDate(input.date);
  if (parsed.invalid) {
    report(
      'warning',
      names.date,
      `unreadable date "${toText(input.date).slice(0, 40)}": expected a date such as 2024-01-05; left empty`,
    );
  }
  if (!parsed.date && parsed.year === null && input.year !== undefined) {
    const fromYear = parseDate(input.year);
    if (!fromYear.invalid) parsed = fromYear;
  }
  if (!parsed.date && parsed.year !== null) fields.year = String(parsed.year);

  const authors = input.authors ?? [];
  const categories = textList(input.categories);
  const paper: PaperDraft = {
    title: title.text,
    abstract: abstract.text,
    authors,
    authorCount: input.authorCount ?? (authors.length ? authors.length : null),
    org: collapseWhitespace(toText(input.org)).slice(0, 200) || null,
    date: parsed.date,
    upvotes: countOf(input.upvotes),
    url:
      httpUrl(input.url) ??
      (input.arxivId ? arxivUrl(input.arxivId) : input.doi ? doiUrl(input.doi) : null),
  };
  if (input.arxivId) paper.arxivId = input.arxivId;
  if (input.doi) paper.doi = input.doi;
  if (categories.length) paper.categories = categories;
  if (Object.keys(fields).length) paper.fields = fields;
  if (flags.length) paper.flags = flags;
  if (input.sourceId) paper.sourceId = input.sourceId;
  return { paper, issues };
}

/** The issue for a record that could not be read at all (malformed JSON, broken XML…). */
export function recordError(where: RecordWhere, message: string, field?: string): RecordResult {
  const issue: ImportIssue = { ...where, message, severity: 'error' };
  if (field) issue.field = field;
  return { issues: [issue] };
}
