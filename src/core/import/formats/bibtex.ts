/**
 * BibTeX and BibLaTeX, as Zotero, JabRef and Google Scholar export them: entries are streamed one
 * at a time; @string macros are expanded, @comment and @preamble skipped; LaTeX accents and
 * protective braces are cleaned from names, titles and abstracts.
 */
import type { ParseContext, RecordResult, TextFormat } from '../format';
import { invertName } from './authors';
import { BibtexSplitter, parseEntryBody, type RawEntry } from './bibtex_entries';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { extractArxivId, httpUrl, normaliseDoi } from './ids';
import { latexToText } from './latex';
import { buildRecord, recordError } from './record';
import { collapseWhitespace } from './text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Splits a BibTeX name list on " and " outside braces; "Last, First" becomes "First Last". */
export function bibtexAuthors(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch ?? '') && /^\s+and\s/i.test(value.slice(i, i + 6))) {
      names.push(value.slice(start, i));
      i += value.slice(i).match(/^\s+and/i)?.[0].length ?? 0;
      start = i;
    }
  }
  names.push(value.slice(start));
  return names
    .map((raw) => collapseWhitespace(raw))
    .filter((raw) => raw && raw.toLowerCase() !== 'others')
    .map((raw) => collapseWhitespace(latexToText(topLevelCommas(raw) ? invertName(raw) : raw)));
}

/** True when the name has a comma outside braces ("{Barnes and Noble, Inc.}" has none). */
function topLevelCommas(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) return true;
  }
  return false;
}

function clean(value: string | undefined): string {
  return value ? collapseWhitespace(latexToText(value)) : '';
}

function entryRecord(
  entry: RawEntry,
  strings: Map<string, string>,
  file: string,
  record: number,
): RecordResult {
  const where = { file, record, line: entry.line };
  const parsed = parseEntryBody(entry.body, strings);
  const f = parsed.fields;
  const issues = parsed.problems.map((message) => ({
    ...where,
    message,
    severity: 'warning' as const,
  }));
  if (!entry.complete) {
    issues.push({
      ...where,
      message: 'entry not closed: its braces do not balance',
      severity: 'warning',
    });
  }
  const eprintType = (f.get('archiveprefix') ?? f.get('eprinttype') ?? '').toLowerCase();
  const arxivId =
    extractArxivId(f.get('arxivid') ?? '') ??
    (eprintType.includes('arxiv') || !eprintType ? extractArxivId(f.get('eprint') ?? '') : null) ??
    extractArxivId(f.get('journal') ?? '');
  const year = f.get('year');
  const month = MONTHS.indexOf((f.get('month') ?? '').trim().slice(0, 3).toLowerCase()) + 1;
  const fields: Record<string, string> = { type: entry.type };
  for (const key of ['journal', 'booktitle', 'publisher', 'school', 'institution']) {
    const value = clean(f.get(key));
    if (value) fields[key] = value.slice(0, 200);
  }
  if (month) fields.month = String(month);
  return buildRecord(
    {
      title: clean(f.get('title')),
      abstract: clean(f.get('abstract')),
      authors: bibtexAuthors(f.get('author') ?? f.get('editor') ?? ''),
      date: f.get('date') ?? year,
      year,
      url: httpUrl(f.get('url')),
      arxivId,
      doi: normaliseDoi(f.get('doi') ?? ''),
      categories: clean(f.get('keywords') ?? f.get('keyword')),
      fields,
      sourceId: parsed.key || null,
      issues,
    },
    where,
  );
}

async function* parseBibtex(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  const splitter = new BibtexSplitter();
  const strings = new Map<string, string>();
  let record = 0;
  const handle = (entry: RawEntry): RecordResult | null => {
    if (entry.type === 'comment' || entry.type === 'preamble') return null;
    if (entry.type === 'string') {
      for (const [name, value] of parseEntryBody(entry.body, strings, false).fields)
        strings.set(name, value);
      return null;
    }
    record++;
    if (record % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    try {
      return entryRecord(entry, strings, context.file, record);
    } catch (error) {
      return recordError(
        { file: context.file, record, line: entry.line },
        `could not read the entry: ${String(error)}`,
      );
    }
  };
  for await (const chunk of chunks) {
    for (const entry of splitter.push(chunk)) {
      const result = handle(entry);
      if (result) yield result;
    }
  }
  for (const entry of splitter.end()) {
    const result = handle(entry);
    if (result) yield result;
  }
  context.signal?.throwIfAborted();
}

/** BibTeX / BibLaTeX. */
export const bibtexFormat: TextFormat = {
  kind: 'text',
  id: 'bibtex',
  label: 'BibTeX',
  example:
    '@article{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish and …}, year = {2017}}',
  sniff(head) {
    const entries = head.match(/^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][^,\n]*,/gm)?.length ?? 0;
    if (entries === 0) return /^[ \t]*@(?:string|comment|preamble)\s*[{(]/im.test(head) ? 0.5 : 0;
    const fields = /^\s*(?:title|author|year)\s*=\s*[{"\d]/im.test(head);
    return fields ? 0.95 : 0.7;
  },
  parse: parseBibtex,
};
