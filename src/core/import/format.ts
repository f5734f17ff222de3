import type { Paper } from '../paper';

/** The corpus formats papermap reads. */
export type FormatId =
  | 'hf-daily-text'
  | 'hf-daily-json'
  | 'hf-paper-json'
  | 'arxiv-atom'
  | 'arxiv-jsonl'
  | 'openalex'
  | 'semantic-scholar'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'csv'
  | 'tsv'
  | 'json'
  | 'jsonl'
  | 'parquet';

/** One problem found while importing: where it is and what was expected there. */
export interface ImportIssue {
  /** The file (or URL) name. */
  file: string;
  /** 1-based record number within the file (CSV data row, JSONL line, BibTeX entry, …). */
  record?: number;
  /** 1-based line number in the file, where the format has lines. */
  line?: number;
  /** Byte offset in the decoded text (UTF-16 code units are not bytes: use for binary formats). */
  byteOffset?: number;
  /** The field or column concerned, e.g. "title" or "abstract_inverted_index". */
  field?: string;
  /** What was wrong and what was expected, for a person: "missing title: expected a non-empty string". */
  message: string;
  /** 'error': the record was dropped; 'warning': it was kept (e.g. no abstract). */
  severity: 'error' | 'warning';
}

/** A paper as a format yields it: ids and sources are assigned later, when duplicates merge. */
export type PaperDraft = Omit<Paper, 'id' | 'source'> & {
  /** A source-given identifier (HF/arXiv id, OpenAlex W-id, S2 paperId, BibTeX key…), if any. */
  sourceId?: string;
};

/** What a parser yields per record: a paper (when the record was usable) and any issues. */
export interface RecordResult {
  paper?: PaperDraft;
  issues: ImportIssue[];
}

/** Which source column feeds each Paper field in a generic table (CSV, TSV, JSON, Parquet). */
export interface ColumnMapping {
  title: string | null;
  abstract: string | null;
  authors: string | null;
  date: string | null;
  year: string | null;
  url: string | null;
  doi: string | null;
  arxivId: string | null;
  categories: string | null;
  org: string | null;
  upvotes: string | null;
  id: string | null;
}

/** Context of one parse: the file name, cancellation, and the column mapping for tables. */
export interface ParseContext {
  file: string;
  signal?: AbortSignal;
  /** A mapping the user corrected; when absent, tabular formats infer one. */
  mapping?: ColumnMapping;
  /** Tabular formats report the columns they found and the mapping they use (once). */
  onColumns?(columns: string[], mapping: ColumnMapping): void;
}

/** A reader for random access to a binary file (hyparquet's AsyncBuffer). */
export interface ByteSource {
  byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer> | ArrayBuffer;
}

/** A text format: sniffed from the start of the file, parsed as a stream of decoded chunks. */
export interface TextFormat {
  kind: 'text';
  id: FormatId;
  /** Human name, e.g. "arXiv API (Atom XML)". */
  label: string;
  /** A one-line example of the format, for the README and the UI. */
  example: string;
  /**
   * Confidence in [0, 1] that `head` (the first ~64 KiB of decoded text) is this format; the
   * file name is a hint only: content decides.
   */
  sniff(head: string, fileName: string): number;
  /** Streams records; never throws on bad content (yields issues), only on cancellation. */
  parse(chunks: AsyncIterable<string>, context: ParseContext): AsyncGenerator<RecordResult>;
}

/** A binary format (Parquet): sniffed from its first bytes, read by random access. */
export interface BinaryFormat {
  kind: 'binary';
  id: FormatId;
  label: string;
  example: string;
  /** Confidence in [0, 1] from the first bytes (and the last bytes, for Parquet's footer magic). */
  sniffBytes(head: Uint8Array, tail: Uint8Array, fileName: string): number;
  parse(source: ByteSource, context: ParseContext): AsyncGenerator<RecordResult>;
}

/** Any corpus format. */
export type CorpusFormat = TextFormat | BinaryFormat;
