/**
 * CSL JSON (Zotero's "CSL JSON" export, citeproc's input): an array of items with `title`,
 * `abstract`, `author: [{family, given} | {literal}]`, `issued: {"date-parts": [[2024, 1, 5]]}`
 * or `{raw}`, `DOI`, `URL`, `keyword`, `container-title`.
 */
import type { TextFormat } from '../format';
import { authorNames } from './authors';
import { jsonRecords } from './json_records';
import { extractArxivId, httpUrl, normaliseDoi } from './ids';
import type { DraftInput } from './record';
import { stripMarkup } from './text';
import { asObject, fieldText, textList, toText } from './values';

/** Maps one CSL item to draft values. */
export function cslInput(item: Record<string, unknown>): DraftInput {
  const issued = asObject(item.issued);
  const date = issued ? (issued['date-parts'] ?? issued.raw ?? issued.literal) : item.issued;
  const doi = normaliseDoi(toText(item.DOI ?? item.doi));
  const url = httpUrl(item.URL ?? item.url);
  const arxivId =
    extractArxivId(toText(item.number)) ??
    extractArxivId(url ?? '') ??
    (doi?.startsWith('10.48550/') ? extractArxivId(doi) : null);
  const fields: Record<string, string> = {};
  for (const key of ['type', 'container-title', 'publisher', 'volume', 'page', 'language']) {
    const text = fieldText(item[key]);
    if (text) fields[key] = stripMarkup(text);
  }
  return {
    // Zotero writes rich-text titles with <i>/<sub> tags.
    title: stripMarkup(toText(item.title)),
    abstract: stripMarkup(toText(item.abstract)),
    authors: authorNames(item.author),
    date,
    url,
    arxivId,
    doi,
    categories: textList(item.keyword ?? item.categories),
    fields,
    sourceId: toText(item.id) || null,
    names: { date: 'issued' },
  };
}

/** CSL JSON, as Zotero exports it. */
export const cslJsonFormat: TextFormat = {
  kind: 'text',
  id: 'csl-json',
  label: 'CSL JSON (Zotero)',
  example:
    '[{"id": "vaswani2017", "type": "article", "title": "…", "author": [{"family": "Vaswani", "given": "Ashish"}], "issued": {"date-parts": [[2017]]}}]',
  sniff(head) {
    if (!/^\s*[[{]/.test(head)) return 0;
    let score = 0;
    if (/"issued"\s*:\s*\{\s*"(?:date-parts|raw|literal)"/.test(head)) score += 0.5;
    if (/"author"\s*:\s*\[\s*\{\s*"(?:family|given|literal)"/.test(head)) score += 0.3;
    if (
      /"type"\s*:\s*"(?:article|article-journal|paper-conference|chapter|book|report|thesis|webpage|manuscript)"/.test(
        head,
      )
    )
      score += 0.1;
    if (/"container-title"\s*:/.test(head)) score += 0.05;
    return Math.min(score, 0.95);
  },
  parse: (chunks, context) => jsonRecords(chunks, context, cslInput),
};
