/**
 * OpenAlex works (https://docs.openalex.org/api-entities/works): an API page {"meta", "results":
 * [...]}, an array, or JSON Lines (snapshot files). Abstracts arrive as an inverted index
 * ({word: [positions]}), titles may carry HTML (<i>, <sub>).
 */
import type { TextFormat } from '../format';
import { authorNames } from './authors';
import { jsonRecords } from './json_records';
import { doiUrl, extractArxivId, httpUrl, normaliseDoi } from './ids';
import type { DraftInput } from './record';
import { stripMarkup } from './text';
import { asObject, fieldText, toText } from './values';

const MAX_CATEGORIES = 5;
// A real abstract has a few hundred words; the cap keeps a hostile index from allocating gigabytes.
const MAX_ABSTRACT_WORDS = 50_000;

/** Rebuilds the text of an abstract_inverted_index ({"Deep": [0], "learning": [1, 5]}); '' if unusable. */
export function invertedIndexText(index: unknown): string {
  const o = asObject(index);
  if (!o) return typeof index === 'string' ? index : '';
  const words: string[] = [];
  for (const [word, positions] of Object.entries(o)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) {
      if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < MAX_ABSTRACT_WORDS) {
        words[p] = word;
      }
    }
  }
  // Holes (positions nobody claimed) are skipped rather than printed as "undefined".
  return words.filter((w) => w !== undefined).join(' ');
}

/** Maps one OpenAlex work to draft values. */
export function openAlexInput(work: Record<string, unknown>): DraftInput {
  const ids = asObject(work.ids) ?? {};
  const doi = normaliseDoi(work.doi ?? ids.doi);
  const arxivId =
    extractArxivId(toText(ids.arxiv)) ??
    (doi?.startsWith('10.48550/') ? extractArxivId(doi) : null) ??
    arxivFromLocations(work);
  const authorships = Array.isArray(work.authorships) ? work.authorships : [];
  const institutions = asObject(authorships[0])?.institutions;
  const firstInstitution = Array.isArray(institutions) ? asObject(institutions[0]) : null;
  const topics = topNames(work.topics);
  const concepts = topics.length ? topics : topNames(work.concepts);
  const fields: Record<string, string> = {};
  const source = asObject(asObject(work.primary_location)?.source);
  const extra: Record<string, unknown> = {
    type: work.type,
    cited_by_count: work.cited_by_count,
    venue: source?.display_name,
    language: work.language,
  };
  for (const [key, value] of Object.entries(extra)) {
    const text = fieldText(value);
    if (text) fields[key] = text;
  }
  const id = toText(work.id);
  const landing = httpUrl(asObject(work.primary_location)?.landing_page_url);
  const abstract = work.abstract_inverted_index ?? work.abstract;
  return {
    title: stripMarkup(toText(work.title ?? work.display_name)),
    abstract: stripMarkup(invertedIndexText(abstract)),
    authors: authorNames(authorships.map((a) => asObject(a)?.author ?? a)),
    org: firstInstitution ? firstInstitution.display_name : null,
    date: work.publication_date,
    year: work.publication_year,
    url: doi ? doiUrl(doi) : landing,
    arxivId,
    doi,
    categories: concepts,
    fields,
    sourceId: id.replace(/^https?:\/\/openalex\.org\//, '') || null,
    names: { abstract: 'abstract_inverted_index', date: 'publication_date' },
  };
}

/** The display names of the first few topics or concepts, best scored first. */
function topNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((v) => asObject(v))
    .filter((v): v is Record<string, unknown> => v !== null)
    .sort((a, b) => Number(b.score ?? 0) - Number(a.score ?? 0))
    .slice(0, MAX_CATEGORIES)
    .map((v) => toText(v.display_name))
    .filter(Boolean);
}

function arxivFromLocations(work: Record<string, unknown>): string | null {
  const locations = [
    work.primary_location,
    ...(Array.isArray(work.locations) ? work.locations : []),
  ];
  for (const location of locations.slice(0, 20)) {
    const o = asObject(location);
    const id = extractArxivId(toText(o?.landing_page_url)) ?? extractArxivId(toText(o?.pdf_url));
    if (id) return id;
  }
  return null;
}

/** OpenAlex works, as an API page, an array or JSON Lines. */
export const openAlexFormat: TextFormat = {
  kind: 'text',
  id: 'openalex',
  label: 'OpenAlex works (JSON)',
  example:
    '{"results": [{"id": "https://openalex.org/W2741809807", "title": "…", "abstract_inverted_index": {"Deep": [0]}, …}]}',
  sniff(head) {
    if (!/^\s*[[{]/.test(head)) return 0;
    const workId = /"https:\/\/openalex\.org\/W\d+"/.test(head);
    const inverted = /"abstract_inverted_index"\s*:/.test(head);
    const authorships = /"authorships"\s*:/.test(head);
    if (workId && (inverted || authorships)) return 0.95;
    if (inverted) return 0.85;
    return workId ? 0.7 : 0;
  },
  parse: (chunks, context) => jsonRecords(chunks, context, openAlexInput),
};
