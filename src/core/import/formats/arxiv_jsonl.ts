/**
 * The arXiv metadata snapshot (Kaggle's `arxiv-metadata-oai-snapshot.json`): JSON Lines, one
 * paper a line, millions of lines, so it is read line by line. Names and titles carry LaTeX
 * ("C. Bal\\'azs"); the date is the first version's, else `update_date`.
 */
import type { ParseContext, RecordResult, TextFormat } from '../format';
import { authorNames, splitAuthorString } from './authors';
import { ABORT_CHECK_INTERVAL } from './json_records';
import { arxivUrl, extractArxivId, normaliseDoi } from './ids';
import { latexToText } from './latex';
import { lineStream } from './line_stream';
import { type DraftInput, buildRecord, recordError } from './record';
import { asObject, fieldText, toText } from './values';

/** Maps one snapshot object to draft values. */
export function arxivSnapshotInput(o: Record<string, unknown>): DraftInput {
  const id = typeof o.id === 'string' ? o.id.trim() : '';
  const arxivId = extractArxivId(id);
  const versions = Array.isArray(o.versions) ? o.versions : [];
  const firstCreated = asObject(versions[0])?.created;
  const fields: Record<string, string> = {};
  for (const key of ['journal-ref', 'comments', 'report-no', 'license', 'submitter']) {
    const text = fieldText(o[key]);
    if (text) fields[key] = latexToText(text);
  }
  const doi = normaliseDoi(o.doi);
  return {
    title: latexToText(toText(o.title)),
    abstract: latexToText(toText(o.abstract)),
    authors: snapshotAuthors(o),
    date: firstCreated ?? o.update_date,
    url: arxivId ? arxivUrl(arxivId) : null,
    arxivId,
    doi,
    categories: toText(o.categories).split(/\s+/).filter(Boolean),
    fields,
    sourceId: id || null,
  };
}

/** "First Last" names from `authors_parsed` ([last, first, suffix]) or the `authors` string. */
function snapshotAuthors(o: Record<string, unknown>): string[] {
  if (Array.isArray(o.authors_parsed) && o.authors_parsed.length > 0) {
    const names = o.authors_parsed.map((parts) => {
      if (!Array.isArray(parts)) return toText(parts);
      const [last, first, suffix] = parts.map((p) => latexToText(toText(p)).trim());
      return [first, last, suffix].filter(Boolean).join(' ');
    });
    return authorNames(names);
  }
  return splitAuthorString(latexToText(toText(o.authors)));
}

async function* parseArxivJsonl(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  let record = 0;
  for await (const { text, line } of lineStream(chunks)) {
    if (!text.trim()) continue;
    record++;
    if (record % ABORT_CHECK_INTERVAL === 0) context.signal?.throwIfAborted();
    const where = { file: context.file, record, line };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield recordError(
        where,
        `malformed JSON line: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const object = asObject(value);
    yield object
      ? buildRecord(arxivSnapshotInput(object), where)
      : recordError(where, 'expected a JSON object on this line');
  }
  context.signal?.throwIfAborted();
}

/** The arXiv metadata snapshot, JSON Lines. */
export const arxivJsonlFormat: TextFormat = {
  kind: 'text',
  id: 'arxiv-jsonl',
  label: 'arXiv metadata snapshot (JSON Lines)',
  example:
    '{"id": "0704.0001", "authors": "C. Bal\\\'azs, …", "title": "…", "abstract": "…", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]}',
  sniff(head) {
    if (!/^\s*\{/.test(head)) return 0;
    let score = 0;
    if (/"versions"\s*:\s*\[\s*\{\s*"version"\s*:/.test(head)) score += 0.45;
    if (/"authors_parsed"\s*:/.test(head)) score += 0.3;
    if (/"update_date"\s*:/.test(head)) score += 0.15;
    if (/"categories"\s*:\s*"/.test(head) && /"submitter"\s*:/.test(head)) score += 0.05;
    return Math.min(score, 0.95);
  },
  parse: parseArxivJsonl,
};
