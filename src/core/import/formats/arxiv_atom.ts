/**
 * The arXiv API's Atom feed (http://export.arxiv.org/api/query): one <entry> per paper with id,
 * title, summary, authors, dates, categories and links; read entry by entry with XmlTokenizer.
 * An API error comes back as an entry whose id is under /api/errors: it becomes an error issue.
 */
import type { ImportIssue, ParseContext, RecordResult, TextFormat } from '../format';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { extractArxivId, httpUrl, normaliseDoi } from './ids';
import { buildRecord, recordError } from './record';
import { collapseWhitespace, stripMarkup } from './text';
import { XmlTokenizer, type XmlToken } from './xml_tokenizer';

interface Entry {
  line: number;
  depth: number;
  text: Record<string, string>;
  authors: string[];
  categories: string[];
  primary: string | null;
  links: Record<string, string>[];
  htmlFields: Set<string>;
}

// Elements whose text an entry keeps, by local name.
const TEXT_FIELDS = new Set([
  'id',
  'title',
  'summary',
  'published',
  'updated',
  'doi',
  'comment',
  'journal_ref',
]);

/** Reads Atom entries from tokens, one at a time. */
class AtomReader {
  private stack: string[] = [];
  private entry: Entry | null = null;
  private capture: { field: string; depth: number; parts: string[] } | null = null;
  private authorName: string[] | null = null;
  private authorDepth = 0;
  readonly issues: ImportIssue[] = [];
  readonly done: Entry[] = [];

  constructor(private readonly file: string) {}

  token(t: XmlToken): void {
    if (t.type === 'error') {
      this.issues.push({
        file: this.file,
        line: t.line,
        message: `XML: ${t.message}`,
        severity: 'warning',
      });
    } else if (t.type === 'text') {
      this.capture?.parts.push(t.text);
      this.authorName?.push(t.text);
    } else if (t.type === 'open') this.open(t);
    else this.close(localName(t.name));
  }

  /** Finishes an entry left open at the end of input. */
  finish(): void {
    if (this.entry) this.endEntry();
  }

  private open(t: Extract<XmlToken, { type: 'open' }>): void {
    const name = localName(t.name);
    if (name === 'entry') {
      if (this.entry) this.endEntry();
      this.entry = {
        line: t.line,
        depth: this.stack.length + 1,
        text: {},
        authors: [],
        categories: [],
        primary: null,
        links: [],
        htmlFields: new Set(),
      };
    } else if (this.entry) this.openInEntry(this.entry, name, t);
    if (!t.selfClosing) this.stack.push(name);
    else if (name === 'entry') this.endEntry();
  }

  private openInEntry(entry: Entry, name: string, t: Extract<XmlToken, { type: 'open' }>): void {
    const depth = this.stack.length + 1;
    if (name === 'category' && t.attrs.term) entry.categories.push(t.attrs.term);
    else if (name === 'primary_category' && t.attrs.term) entry.primary = t.attrs.term;
    else if (name === 'link') entry.links.push(t.attrs);
    else if (name === 'name' && this.authorDepth > 0 && !t.selfClosing) this.authorName = [];
    else if (name === 'author') this.authorDepth = depth;
    else if (
      TEXT_FIELDS.has(name) &&
      depth === entry.depth + 1 &&
      !t.selfClosing &&
      !this.capture
    ) {
      this.capture = { field: name, depth, parts: [] };
      if (t.attrs.type === 'html') entry.htmlFields.add(name);
    }
  }

  private close(name: string): void {
    const at = this.stack.lastIndexOf(name);
    // A stray end tag closes nothing; a missing one is implied by its parent's.
    if (at < 0) return;
    this.stack.length = at;
    const entry = this.entry;
    if (!entry) return;
    if (this.capture && this.stack.length < this.capture.depth) {
      entry.text[this.capture.field] = this.capture.parts.join('');
      this.capture = null;
    }
    if (this.authorName && name === 'name') {
      const text = collapseWhitespace(this.authorName.join(''));
      if (text) entry.authors.push(text);
      this.authorName = null;
    }
    if (this.authorDepth > this.stack.length) this.authorDepth = 0;
    if (this.stack.length < entry.depth) this.endEntry();
  }

  private endEntry(): void {
    if (this.entry && this.capture)
      this.entry.text[this.capture.field] = this.capture.parts.join('');
    if (this.entry) this.done.push(this.entry);
    this.entry = null;
    this.capture = null;
    this.authorName = null;
    this.authorDepth = 0;
  }
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Turns a finished entry into a record. */
function entryRecord(entry: Entry, file: string, record: number): RecordResult {
  const where = { file, record, line: entry.line };
  const text = (field: string): string => {
    const raw = entry.text[field] ?? '';
    return collapseWhitespace(entry.htmlFields.has(field) ? stripMarkup(raw) : raw);
  };
  const id = text('id');
  if (/\/api\/errors/.test(id)) {
    return recordError(where, `the arXiv API reported an error: ${text('summary') || id}`);
  }
  const arxivId = extractArxivId(id);
  const doiLink = entry.links.find((l) => l.title === 'doi')?.href;
  const alternate = entry.links.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
  const categories = [...new Set([...(entry.primary ? [entry.primary] : []), ...entry.categories])];
  const fields: Record<string, string> = {};
  for (const key of ['comment', 'journal_ref', 'updated']) {
    const value = text(key).slice(0, 200);
    if (value) fields[key] = value;
  }
  return buildRecord(
    {
      title: text('title'),
      abstract: text('summary'),
      authors: entry.authors,
      date: text('published') || text('updated'),
      url: arxivId ? null : httpUrl(alternate),
      arxivId,
      doi: normaliseDoi(text('doi')) ?? normaliseDoi(doiLink),
      categories,
      fields,
      sourceId: arxivId ?? (id || null),
      names: { abstract: 'summary', date: 'published' },
    },
    where,
  );
}

async function* parseAtom(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  const tokenizer = new XmlTokenizer();
  const reader = new AtomReader(context.file);
  let record = 0;
  function* flush(): Generator<RecordResult> {
    if (reader.issues.length) yield { issues: reader.issues.splice(0) };
    for (const entry of reader.done.splice(0)) {
      record++;
      if (record % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
      yield entryRecord(entry, context.file, record);
    }
  }
  for await (const chunk of chunks) {
    for (const t of tokenizer.push(chunk)) reader.token(t);
    yield* flush();
  }
  for (const t of tokenizer.end()) reader.token(t);
  reader.finish();
  yield* flush();
  context.signal?.throwIfAborted();
}

/** The arXiv API's Atom XML. */
export const arxivAtomFormat: TextFormat = {
  kind: 'text',
  id: 'arxiv-atom',
  label: 'arXiv API (Atom XML)',
  example:
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2504.07164v1</id><title>…</title>…</entry></feed>',
  sniff(head) {
    const start = head.trimStart();
    if (!start.startsWith('<')) return 0;
    const feed = /<(?:\w+:)?feed[\s>]/.test(head);
    const entry = /<(?:\w+:)?entry[\s>]/.test(head);
    const arxiv = /xmlns:arxiv=|arxiv\.org\/(?:abs|api)/.test(head);
    if (feed && arxiv) return 0.95;
    if (feed && entry) return 0.7;
    return feed ? 0.5 : entry ? 0.3 : 0;
  },
  parse: parseAtom,
};
