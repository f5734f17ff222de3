/**
 * RIS (Zotero, EndNote, Mendeley, publishers): tagged lines "XX  - value", a record from TY to ER.
 * Lines without a tag continue the previous field (wrapped abstracts). A missing ER is implied by
 * the next TY or the end of the file.
 */
import type { ImportIssue, ParseContext, RecordResult, TextFormat } from '../format';
import { invertName } from './authors';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { extractArxivId, httpUrl, normaliseDoi } from './ids';
import { lineStream } from './line_stream';
import { buildRecord } from './record';

// Some exporters put one space before the dash, or none after it on empty values.
const TAGGED = /^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|)$/;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
  lastTag: string | null;
  issues: ImportIssue[];
}

function first(r: RisRecord, ...tags: string[]): string | undefined {
  for (const tag of tags) {
    const value = r.tags.get(tag)?.find((v) => v.trim());
    if (value) return value;
  }
  return undefined;
}

function all(r: RisRecord, ...tags: string[]): string[] {
  return tags.flatMap((tag) => r.tags.get(tag) ?? []).filter((v) => v.trim());
}

function risRecord(r: RisRecord, file: string, record: number, closed: boolean): RecordResult {
  const where = { file, record, line: r.line };
  const issues = [...r.issues];
  if (!closed)
    issues.push({ ...where, message: 'record not closed by "ER  -"', severity: 'warning' });
  const urls = all(r, 'UR', 'L1', 'L2');
  const doi =
    normaliseDoi(first(r, 'DO', 'M3') ?? '') ??
    normaliseDoi(urls.find((u) => /doi\.org/.test(u)) ?? '');
  const arxivId =
    urls.map(extractArxivId).find(Boolean) ?? extractArxivId(first(r, 'AN', 'ID', 'M1') ?? '');
  const fields: Record<string, string> = {};
  const type = first(r, 'TY');
  if (type) fields.type = type.trim();
  const venue = first(r, 'T2', 'JO', 'JF', 'JA', 'BT');
  if (venue) fields.venue = venue.trim().slice(0, 200);
  return buildRecord(
    {
      title: first(r, 'TI', 'T1', 'CT'),
      abstract: first(r, 'AB', 'N2'),
      authors: all(r, 'AU', 'A1', 'A2').map(invertName),
      date: first(r, 'DA', 'PY', 'Y1'),
      year: first(r, 'PY', 'Y1'),
      url: httpUrl(urls[0]),
      arxivId,
      doi,
      categories: all(r, 'KW'),
      fields,
      sourceId: first(r, 'ID') ?? null,
      issues,
      names: { title: 'TI', abstract: 'AB', date: 'PY' },
    },
    where,
  );
}

async function* parseRis(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  let current: RisRecord | null = null;
  let record = 0;
  const finish = (closed: boolean): RecordResult | null => {
    if (!current) return null;
    record++;
    if (record % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    const result = risRecord(current, context.file, record, closed);
    current = null;
    return result;
  };
  for await (const { text, line } of lineStream(chunks)) {
    const m = TAGGED.exec(text.replace(/^\uFEFF/, '').trimEnd());
    if (!m) {
      // An untagged line continues the previous field; outside a record it is noise.
      const r: RisRecord | null = current;
      if (r && r.lastTag && text.trim()) {
        const values = r.tags.get(r.lastTag);
        if (values?.length) values[values.length - 1] += ` ${text.trim()}`;
      }
      continue;
    }
    const tag = m[1] ?? '';
    const value = m[2] ?? '';
    if (tag === 'TY') {
      const previous = finish(false);
      if (previous) yield previous;
      current = { line, tags: new Map(), lastTag: null, issues: [] };
    } else if (tag === 'ER') {
      const done = finish(true);
      if (done) yield done;
      continue;
    } else if (!current) {
      // Tags before any TY: start a record anyway rather than lose them.
      current = { line, tags: new Map(), lastTag: null, issues: [] };
      current.issues.push({
        file: context.file,
        line,
        message: 'record does not start with "TY  -"',
        severity: 'warning',
      });
    }
    const values = current?.tags.get(tag) ?? [];
    values.push(value);
    current?.tags.set(tag, values);
    if (current) current.lastTag = tag;
  }
  // A missing ER at the end of the file is common and harmless.
  const last = finish(true);
  if (last) yield last;
  context.signal?.throwIfAborted();
}

/** RIS. */
export const risFormat: TextFormat = {
  kind: 'text',
  id: 'ris',
  label: 'RIS',
  example: 'TY  - JOUR\nTI  - Attention Is All You Need\nAU  - Vaswani, Ashish\nPY  - 2017\nER  - ',
  sniff(head) {
    const start = head.replace(/^\uFEFF/, '').trimStart();
    if (/^TY {1,2}- /.test(start)) return 0.95;
    const tagged = head.split(/\r?\n/, 40).filter((l) => TAGGED.test(l.trimEnd())).length;
    return tagged >= 5 && /^(?:TY|ER)\s{1,2}-/m.test(head) ? 0.8 : 0;
  },
  parse: parseRis,
};
