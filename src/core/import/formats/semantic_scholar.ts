/**
 * Semantic Scholar Graph API papers (https://api.semanticscholar.org/api-docs/graph): an array,
 * a search or bulk page {"data": [...]}, a single paper object, or JSON Lines (datasets).
 */
import type { TextFormat } from '../format';
import { authorNames } from './authors';
import { jsonRecords } from './json_records';
import { extractArxivId, httpUrl, normaliseDoi } from './ids';
import type { DraftInput } from './record';
import { stripMarkup } from './text';
import { asObject, fieldText, toText } from './values';

/** Maps one S2 paper object to draft values. */
export function semanticScholarInput(paper: Record<string, unknown>): DraftInput {
  const external = asObject(paper.externalIds) ?? asObject(paper.externalids) ?? {};
  const arxivId = extractArxivId(toText(external.ArXiv ?? external.arxiv));
  const doi = normaliseDoi(toText(external.DOI ?? external.doi));
  const s2Fields = Array.isArray(paper.s2FieldsOfStudy)
    ? paper.s2FieldsOfStudy.map((f) => asObject(f)?.category ?? f)
    : [];
  const categories = [
    ...(Array.isArray(paper.fieldsOfStudy) ? paper.fieldsOfStudy : []),
    ...s2Fields,
  ];
  const fields: Record<string, string> = {};
  const venue = paper.venue ?? asObject(paper.journal)?.name;
  const extra: Record<string, unknown> = {
    venue,
    citationCount: paper.citationCount ?? paper.citationcount,
    influentialCitationCount: paper.influentialCitationCount,
    tldr: asObject(paper.tldr)?.text,
  };
  for (const [key, value] of Object.entries(extra)) {
    const text = fieldText(value);
    if (text) fields[key] = text;
  }
  const id = toText(paper.paperId ?? paper.corpusid ?? paper.corpusId);
  return {
    title: stripMarkup(toText(paper.title)),
    abstract: stripMarkup(toText(paper.abstract)),
    authors: authorNames(paper.authors),
    date: paper.publicationDate ?? paper.publicationdate,
    year: paper.year,
    url: httpUrl(paper.url),
    arxivId,
    doi,
    categories,
    fields,
    sourceId: id || null,
    names: { date: 'publicationDate' },
  };
}

/** Semantic Scholar Graph API papers. */
export const semanticScholarFormat: TextFormat = {
  kind: 'text',
  id: 'semantic-scholar',
  label: 'Semantic Scholar papers (JSON)',
  example:
    '{"data": [{"paperId": "649def34…", "externalIds": {"ArXiv": "1706.03762"}, "title": "…", "abstract": "…"}]}',
  sniff(head) {
    if (!/^\s*[[{]/.test(head)) return 0;
    const paperId = /"paperId"\s*:\s*"[0-9a-f]{40}"/.test(head) || /"paperId"\s*:/.test(head);
    if (!paperId) return /"externalIds"\s*:\s*\{/.test(head) ? 0.6 : 0;
    return /"externalIds"|"fieldsOfStudy"|"citationCount"|"publicationDate"/.test(head)
      ? 0.95
      : 0.8;
  },
  parse: (chunks, context) => jsonRecords(chunks, context, semanticScholarInput),
};
