import { hashString } from '../hash';
import type { Paper } from '../paper';
import { normaliseTitle } from '../seeds/merge_papers';
import type { PaperDraft } from './format';

/** The flag set on a paper that has a title but no abstract. */
export const NO_ABSTRACT_FLAG = 'no abstract: embedded on its title';

/** The merged papers of an import and what merging did. */
export interface MergeResult {
  /** Papers in order of first appearance, each with a unique id. */
  papers: Paper[];
  /** How many drafts were folded into an earlier paper: drafts added − papers kept. */
  duplicatesMerged: number;
  /** How many papers have no abstract (flagged with NO_ABSTRACT_FLAG). */
  flaggedNoAbstract: number;
}

/** "arXiv:2504.07164v2", "https://arxiv.org/abs/2504.07164" → "2504.07164"; "" when blank. */
export function normaliseArxivId(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?(arxiv\.org|huggingface\.co)\/(abs|pdf|papers)\//, '')
    .replace(/^arxiv:/, '')
    .replace(/\.pdf$/, '')
    .replace(/v\d+$/, '');
}

/** "https://doi.org/10.1000/ABC" or "doi:10.1000/abc" → "10.1000/abc"; "" when blank. */
export function normaliseDoi(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '');
}

/** A paper being merged: no id yet, plus its source id and title hash for the id later. */
type Stored = Omit<Paper, 'id'> & { sourceId?: string; titleHash: string };

/**
 * Merges imported drafts into papers as they stream in: drafts with the same arXiv id, the same
 * DOI, or the same normalised title (unless their arXiv ids or DOIs differ) become one paper,
 * keeping the richest value of each field as the seed merge does (see mergePapers). Keys are
 * looked up in maps of short keys to slot numbers, and groups joined by union-find, so memory
 * grows with the papers kept, not with the input.
 */
export class ImportMerger {
  private readonly slots: (Stored | null)[] = [];
  private readonly parent: number[] = [];
  // One map per key kind, so keys need no prefix (500k concatenated strings cost real time).
  private readonly byArxiv = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  private readonly byTitle = new Map<string, number>();
  private added = 0;

  /** Adds one draft found in `file`; the draft must have a non-empty title. */
  add(draft: PaperDraft, file: string): void {
    this.added++;
    const paper = toStored(draft, file);
    const roots: number[] = [];
    const arxivSlot = paper.arxivId ? this.byArxiv.get(paper.arxivId) : undefined;
    if (arxivSlot !== undefined) roots.push(this.find(arxivSlot));
    const doiSlot = paper.doi ? this.byDoi.get(paper.doi) : undefined;
    if (doiSlot !== undefined) roots.push(this.find(doiSlot));
    const titleSlot = this.byTitle.get(paper.titleHash);
    if (titleSlot !== undefined) {
      const root = this.find(titleSlot);
      // Two papers may share a title ("Introduction") yet carry different arXiv ids or DOIs.
      if (!conflicts(this.slots[root]!, paper)) roots.push(root);
    }
    let target: number;
    if (roots.length === 0) {
      target = this.slots.length;
      this.slots.push(paper);
      this.parent.push(target);
    } else {
      target = Math.min(...roots);
      const kept = this.slots[target]!;
      mergeInto(kept, paper);
      for (const root of new Set(roots)) {
        if (root === target) continue;
        mergeInto(kept, this.slots[root]!);
        this.slots[root] = null;
        this.parent[root] = target;
      }
    }
    if (paper.arxivId && arxivSlot === undefined) this.byArxiv.set(paper.arxivId, target);
    if (paper.doi && doiSlot === undefined) this.byDoi.set(paper.doi, target);
    if (titleSlot === undefined) this.byTitle.set(paper.titleHash, target);
  }

  /** The merged papers with unique ids (arXiv id, else doi:…, else source id, else title hash). */
  finish(): MergeResult {
    const papers: Paper[] = [];
    const ids = new Set<string>();
    let flaggedNoAbstract = 0;
    for (const stored of this.slots) {
      if (!stored) continue;
      const base = baseId(stored);
      let id = base;
      // Ids must be unique (papers are looked up by id); a clash gets a counter, never a drop.
      for (let n = 2; ids.has(id); n++) id = `${base}~${n}`;
      ids.add(id);
      const paper = toPaper(id, stored);
      if (!paper.abstract.trim()) {
        flaggedNoAbstract++;
        paper.flags = [...new Set([...(paper.flags ?? []), NO_ABSTRACT_FLAG])];
      }
      papers.push(paper);
    }
    return { papers, duplicatesMerged: this.added - papers.length, flaggedNoAbstract };
  }

  private find(slot: number): number {
    let root = slot;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later look-ups short.
    for (let s = slot; this.parent[s] !== root;) {
      const next = this.parent[s]!;
      this.parent[s] = root;
      s = next;
    }
    return root;
  }
}

function baseId(paper: Stored): string {
  if (paper.arxivId) return paper.arxivId;
  if (paper.doi) return `doi:${paper.doi}`;
  const source = paper.sourceId?.trim();
  if (source && source.length <= 200) return source;
  return paper.titleHash;
}

/** The Paper of a stored record, built field by field (faster than object rest for 500k). */
function toPaper(id: string, s: Stored): Paper {
  const paper: Paper = {
    id,
    title: s.title,
    abstract: s.abstract,
    authors: s.authors,
    authorCount: s.authorCount,
    org: s.org,
    date: s.date,
    upvotes: s.upvotes,
    url: s.url,
    source: s.source,
  };
  if (s.arxivId) paper.arxivId = s.arxivId;
  if (s.doi) paper.doi = s.doi;
  if (s.categories) paper.categories = s.categories;
  if (s.fields) paper.fields = s.fields;
  if (s.flags) paper.flags = s.flags;
  return paper;
}

function conflicts(a: Stored, b: Stored): boolean {
  return (
    (a.arxivId !== undefined && b.arxivId !== undefined && a.arxivId !== b.arxivId) ||
    (a.doi !== undefined && b.doi !== undefined && a.doi !== b.doi)
  );
}

/** A clean copy of a draft: fields of the wrong type become empty, ids are normalised. */
function toStored(draft: PaperDraft, file: string): Stored {
  const authors = Array.isArray(draft.authors)
    ? draft.authors.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
    : [];
  const title = String(draft.title).trim();
  const stored: Stored = {
    // Keys hold this fixed-size hash of the normalised title, never the title itself.
    titleHash: hashString(normaliseTitle(title) || title),
    title,
    abstract: typeof draft.abstract === 'string' ? draft.abstract.trim() : '',
    authors,
    authorCount: authors.length > 0 ? authors.length : (draft.authorCount ?? null),
    org: draft.org || null,
    date: draft.date || null,
    upvotes:
      typeof draft.upvotes === 'number' && Number.isFinite(draft.upvotes) ? draft.upvotes : null,
    url: draft.url || null,
    source: [file],
  };
  const arxivId = typeof draft.arxivId === 'string' ? normaliseArxivId(draft.arxivId) : '';
  if (arxivId) stored.arxivId = arxivId;
  const doi = typeof draft.doi === 'string' ? normaliseDoi(draft.doi) : '';
  if (doi) stored.doi = doi;
  if (draft.categories?.length) stored.categories = [...new Set(draft.categories)];
  if (draft.fields && Object.keys(draft.fields).length) stored.fields = { ...draft.fields };
  if (draft.flags?.length) stored.flags = [...draft.flags];
  if (draft.sourceId) stored.sourceId = String(draft.sourceId);
  return stored;
}

/** Folds `other` into `paper`, keeping the richest value of each field. */
function mergeInto(paper: Stored, other: Stored): void {
  // A source may cut an abstract short; the longest copy is the most complete one.
  if (other.abstract.length > paper.abstract.length) paper.abstract = other.abstract;
  if (other.authors.length > paper.authors.length) paper.authors = other.authors;
  if (other.authorCount !== null && (paper.authorCount ?? -1) < other.authorCount) {
    paper.authorCount = other.authorCount;
  }
  paper.org ??= other.org;
  paper.date ??= other.date;
  if (other.upvotes !== null) paper.upvotes = Math.max(paper.upvotes ?? 0, other.upvotes);
  paper.url ??= other.url;
  paper.arxivId ??= other.arxivId;
  paper.doi ??= other.doi;
  paper.sourceId ??= other.sourceId;
  if (other.categories) {
    paper.categories = [...new Set([...(paper.categories ?? []), ...other.categories])];
  }
  if (other.fields) paper.fields = { ...other.fields, ...paper.fields };
  if (other.flags) paper.flags = [...new Set([...(paper.flags ?? []), ...other.flags])];
  for (const source of other.source) if (!paper.source.includes(source)) paper.source.push(source);
}
