/** One research paper, whatever format it came from. */
export interface Paper {
  /** Stable id: an arXiv/HF id where the source gives one, else a hash of the normalised title. */
  id: string;
  title: string;
  /** May be empty when the source had none; the paper is then embedded on its title. */
  abstract: string;
  /** Author names where the source lists them (the seed pages only give a count). */
  authors: string[];
  /** Number of authors: authors.length, or the "N authors" figure of the seed pages; null if unknown. */
  authorCount: number | null;
  /** Organisation shown on the source page, or null. */
  org: string | null;
  /** Publication date as ISO `YYYY-MM-DD`, or null when unknown or given without a year. */
  date: string | null;
  /** Hugging Face upvotes, or null when the source gives none. */
  upvotes: number | null;
  /** A link to the paper, or null. */
  url: string | null;
  /** Every source (seed page, file name) the paper was found in, in order of first appearance. */
  source: string[];
  /** arXiv identifier without version, e.g. "2504.07164", when the source gives one. */
  arxivId?: string;
  /** DOI in lower case without the https://doi.org/ prefix, when the source gives one. */
  doi?: string;
  /** Subject categories (arXiv categories, keywords, concepts), for colouring and filtering. */
  categories?: string[];
  /** Other imported fields kept as text (column name → value), for colouring and filtering. */
  fields?: Record<string, string>;
  /** Why this record needs a second look, e.g. "no abstract: embedded on its title". */
  flags?: string[];
}

/** The papers of one map with a hash of their content (ids, titles and abstracts). */
export interface Corpus {
  papers: Paper[];
  hash: string;
}

/** The text an embedder sees for a paper: title and abstract, or the title alone. */
export function paperText(paper: Paper): string {
  return paper.abstract ? `${paper.title}. ${paper.abstract}` : paper.title;
}
