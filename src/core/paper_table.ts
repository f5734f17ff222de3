import type { Paper } from './paper';
import { packStringChunks, unpackStringChunks, type StringChunks } from './packed_strings';

/**
 * The papers of a map as packed columns, the form in which a worker hands 100k papers to the
 * page. Posting 100k paper objects costs the page about 0.6 s of structured-clone decoding (every
 * object rebuilt key by key, every author list an array); the same papers as a few hundred
 * texts and some typed arrays decode in a fraction of that, and papersFromTable turns them back
 * into objects with cheap slices.
 */
export interface PaperTable {
  n: number;
  id: StringChunks;
  title: StringChunks;
  abstract: StringChunks;
  authors: StringLists;
  source: StringLists;
  /** NaN where the paper has none (null). */
  authorCount: Float64Array;
  upvotes: Float64Array;
  org: OptionalStrings;
  date: OptionalStrings;
  url: OptionalStrings;
  arxivId: OptionalStrings;
  doi: OptionalStrings;
  categories: StringLists;
  flags: StringLists;
  /** `present[i]` is 0 where paper i has no `fields` object; one column per field name. */
  fields: { present: Uint8Array; columns: { key: string; values: OptionalStrings }[] };
}

/** A text column where some papers have no value: `present[i]` is 0 there (null, or absent). */
export interface OptionalStrings {
  values: StringChunks;
  present: Uint8Array;
}

/** A column of string lists: paper i has `counts[i]` items (−1: no list), all items packed in order. */
export interface StringLists {
  items: StringChunks;
  counts: Int32Array;
}

/** The papers' fields as checked columns of length n: what tableFromColumns packs. */
export interface PaperColumns {
  id: string[];
  title: string[];
  abstract: string[];
  authors: string[][];
  source: string[][];
  authorCount: (number | null)[];
  upvotes: (number | null)[];
  org: (string | null)[];
  date: (string | null)[];
  url: (string | null)[];
  /** The optional fields: null or undefined where a paper lacks them. */
  arxivId?: (string | null | undefined)[];
  doi?: (string | null | undefined)[];
  categories?: (string[] | null | undefined)[];
  flags?: (string[] | null | undefined)[];
  fields?: (Record<string, string> | null | undefined)[];
}

type ListColumn = (readonly string[] | null | undefined)[] | undefined;

/** Packs checked columns of n papers (see PaperTable). */
export function tableFromColumns(c: PaperColumns, n: number): PaperTable {
  return {
    n,
    id: packStringChunks(c.id),
    title: packStringChunks(c.title),
    abstract: packStringChunks(c.abstract),
    authors: packLists(c.authors, n),
    source: packLists(c.source, n),
    authorCount: Float64Array.from(c.authorCount, (v) => v ?? NaN),
    upvotes: Float64Array.from(c.upvotes, (v) => v ?? NaN),
    org: packOptional(c.org, n),
    date: packOptional(c.date, n),
    url: packOptional(c.url, n),
    arxivId: packOptional(c.arxivId, n),
    doi: packOptional(c.doi, n),
    categories: packLists(c.categories, n),
    flags: packLists(c.flags, n),
    fields: packFields(c.fields, n),
  };
}

/** The papers a table holds, as objects with the optional fields only where present. */
export function papersFromTable(table: PaperTable): Paper[] {
  const { n } = table;
  const id = unpackStringChunks(table.id);
  const title = unpackStringChunks(table.title);
  const abstract = unpackStringChunks(table.abstract);
  const authors = unpackLists(table.authors, n);
  const source = unpackLists(table.source, n);
  const org = unpackOptional(table.org, n);
  const date = unpackOptional(table.date, n);
  const url = unpackOptional(table.url, n);
  const arxivId = unpackOptional(table.arxivId, n);
  const doi = unpackOptional(table.doi, n);
  const categories = unpackLists(table.categories, n);
  const flags = unpackLists(table.flags, n);
  const fields = table.fields.columns.map(({ key, values }) => ({
    key,
    values: unpackOptional(values, n),
  }));
  const count = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const papers = new Array<Paper>(n);
  for (let i = 0; i < n; i++) {
    const paper: Paper = {
      id: id[i]!,
      title: title[i]!,
      abstract: abstract[i]!,
      authors: authors[i] ?? [],
      authorCount: count(table.authorCount[i]!),
      org: org[i]!,
      date: date[i]!,
      upvotes: count(table.upvotes[i]!),
      url: url[i]!,
      source: source[i] ?? [],
    };
    if (arxivId[i] !== null) paper.arxivId = arxivId[i]!;
    if (doi[i] !== null) paper.doi = doi[i]!;
    const listed = categories[i];
    if (listed) paper.categories = listed;
    if (table.fields.present[i]) {
      const own: [string, string][] = [];
      for (const { key, values } of fields) {
        const value = values[i];
        if (value !== null && value !== undefined) own.push([key, value]);
      }
      // fromEntries defines own properties: a field named "__proto__" stays a field.
      paper.fields = Object.fromEntries(own);
    }
    const flagged = flags[i];
    if (flagged) paper.flags = flagged;
    papers[i] = paper;
  }
  return papers;
}

function packOptional(
  column: readonly (string | null | undefined)[] | undefined,
  n: number,
): OptionalStrings {
  const present = new Uint8Array(n);
  const values = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = column?.[i];
    present[i] = typeof v === 'string' ? 1 : 0;
    values[i] = typeof v === 'string' ? v : '';
  }
  return { values: packStringChunks(values), present };
}

function unpackOptional({ values, present }: OptionalStrings, n: number): (string | null)[] {
  if (present.length !== n) throw new RangeError(`an optional column has ${present.length} flags`);
  const strings = unpackStringChunks(values);
  return strings.map((s, i) => (present[i] ? s : null));
}

function packLists(column: ListColumn, n: number): StringLists {
  const counts = new Int32Array(n).fill(-1);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const list = column?.[i];
    if (!list) continue;
    counts[i] = list.length;
    for (const item of list) items.push(item);
  }
  return { items: packStringChunks(items), counts };
}

function unpackLists({ items, counts }: StringLists, n: number): (string[] | null)[] {
  if (counts.length !== n) throw new RangeError(`a list column has ${counts.length} counts`);
  const all = unpackStringChunks(items);
  const out = new Array<string[] | null>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    out[i] = c < 0 ? null : all.slice(at, (at += c));
  }
  if (at !== all.length) throw new RangeError(`list counts cover ${at} of ${all.length} items`);
  return out;
}

function packFields(
  column: (Record<string, string> | null | undefined)[] | undefined,
  n: number,
): PaperTable['fields'] {
  const present = new Uint8Array(n);
  const keys = new Map<string, (string | null)[]>();
  for (let i = 0; i < n; i++) {
    const own = column?.[i];
    if (!own) continue;
    present[i] = 1;
    for (const [key, value] of Object.entries(own)) {
      let values = keys.get(key);
      if (!values) keys.set(key, (values = new Array<string | null>(n).fill(null)));
      values[i] = value;
    }
  }
  const columns = [...keys].map(([key, values]) => ({ key, values: packOptional(values, n) }));
  return { present, columns };
}
