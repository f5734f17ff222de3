/**
 * Hugging Face paper JSON: the `/api/daily_papers` list (entries wrapping a `paper` object, with
 * the entry's own title, summary, organisation and date), and the single paper object of
 * `/api/papers/{id}`. Paper ids are arXiv ids. Both parsers accept either shape, as an array,
 * a single object or JSON Lines; they differ in what they recognise when sniffing.
 */
import type { ParseContext, RecordResult, TextFormat } from '../format';
import { authorNames } from './authors';
import { jsonRecords } from './json_records';
import { extractArxivId, hfPaperUrl } from './ids';
import type { DraftInput } from './record';
import { fieldText, asObject } from './values';

/** Maps a daily-papers entry or a bare paper object to draft values. */
export function hfPaperInput(entry: Record<string, unknown>): DraftInput {
  const paper = asObject(entry.paper) ?? entry;
  const id = typeof paper.id === 'string' ? paper.id.trim() : '';
  const arxivId = extractArxivId(id);
  const org = asObject(entry.organization) ?? asObject(paper.organization);
  const fields: Record<string, string> = {};
  for (const key of ['numComments', 'ai_summary', 'githubRepo', 'projectPage', 'githubStars']) {
    const text = fieldText(entry[key] ?? paper[key]);
    if (text) fields[key] = text;
  }
  const keywords = paper.ai_keywords;
  return {
    title: paper.title ?? entry.title,
    abstract: paper.summary ?? entry.summary,
    authors: authorNames(
      Array.isArray(paper.authors) ? paper.authors.filter((a) => !asObject(a)?.hidden) : [],
    ),
    org: org ? (org.fullname ?? org.name) : null,
    date: paper.publishedAt ?? entry.publishedAt ?? paper.submittedOnDailyAt,
    upvotes: paper.upvotes ?? entry.upvotes,
    url: id ? hfPaperUrl(id) : null,
    arxivId,
    categories: Array.isArray(keywords) ? keywords : undefined,
    fields,
    sourceId: id || null,
  };
}

function parseHf(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  return jsonRecords(chunks, context, hfPaperInput);
}

const HEAD_OBJECT = /^\s*\{/;
const HEAD_ARRAY = /^\s*\[/;

/** Hugging Face `/api/daily_papers`: an array of entries, each with a `paper` object. */
export const hfDailyJsonFormat: TextFormat = {
  kind: 'text',
  id: 'hf-daily-json',
  label: 'Hugging Face daily papers (JSON)',
  example: '[{"paper": {"id": "2504.07164", "title": "…", "summary": "…", "upvotes": 42}, …}]',
  sniff(head) {
    const paperObject = /"paper"\s*:\s*\{\s*"id"\s*:/.test(head);
    if (!paperObject) return 0;
    const hfKeys = /"(?:publishedAt|upvotes|numComments|submittedBy|thumbnail)"/.test(head);
    return HEAD_ARRAY.test(head) ? (hfKeys ? 0.95 : 0.8) : hfKeys ? 0.85 : 0.6;
  },
  parse: parseHf,
};

/** Hugging Face `/api/papers/{id}`: one paper object (or several, as an array or JSON Lines). */
export const hfPaperJsonFormat: TextFormat = {
  kind: 'text',
  id: 'hf-paper-json',
  label: 'Hugging Face paper (JSON)',
  example:
    '{"id": "2504.07164", "title": "…", "summary": "…", "authors": [{"name": "…"}], "upvotes": 42}',
  sniff(head) {
    if (!HEAD_OBJECT.test(head) && !HEAD_ARRAY.test(head)) return 0;
    // Entries that wrap a paper object are the daily list's.
    if (/"paper"\s*:\s*\{/.test(head) || !/"id"\s*:\s*"\d{4}\.\d{4,5}"/.test(head)) return 0;
    const keys = ['"summary"', '"publishedAt"', '"upvotes"', '"authors"'];
    const found = keys.filter((k) => head.includes(k)).length;
    return found >= 3 ? 0.9 : found >= 2 ? 0.6 : 0;
  },
  parse: parseHf,
};
