import type { Corpus } from '../paper';
import { hashPapers } from '../seeds/load_seed_corpus';
import { countBytes, peekStream, readAllBytes, type PeekedStream } from './byte_stream';
import {
  decodeChunks,
  decodeHead,
  describeBinary,
  HEAD_BYTES,
  sniffEncoding,
  type TextEncodingName,
} from './decode_text';
import type {
  BinaryFormat,
  ByteSource,
  ColumnMapping,
  CorpusFormat,
  FormatId,
  ImportIssue,
  ParseContext,
  RecordResult,
  TextFormat,
} from './format';
import { CORPUS_FORMATS, detectBinaryFormat, detectFormat } from './formats/registry';
import { progressReporter } from './import_progress';
import type { ImportInput } from './import_input';
import { ImportMerger } from './merge_imported';

/** How many issues a file report keeps; the rest are only counted. */
export const MAX_ISSUES_PER_FILE = 200;

/** What the import did with one file. */
export interface FileReport {
  name: string;
  /** The format detected, or null when the file was not read (unknown format, binary, empty). */
  format: FormatId | null;
  /** The format's human name, e.g. "CSV", or a short reason the file was not read. */
  label: string;
  /** The text encoding the file was read in, for text formats. */
  encoding?: TextEncodingName;
  /** Records seen (papers and records dropped for errors). */
  records: number;
  /** Records kept as papers (before duplicates merged across the import). */
  kept: number;
  /** The first MAX_ISSUES_PER_FILE issues, in file order. */
  issues: ImportIssue[];
  /** Every issue found, including those not kept in `issues`. */
  issueCount: number;
}

/** The columns a tabular file had and the mapping used to read it, for the mapping editor. */
export interface ColumnsReport {
  file: string;
  columns: string[];
  mapping: ColumnMapping;
}

/** What an import did: per file, then merged totals. */
export interface ImportReport {
  files: FileReport[];
  /** Records folded into an earlier paper with the same arXiv id, DOI or normalised title. */
  duplicatesMerged: number;
  /** Papers kept without an abstract (placed by their title alone). */
  flaggedNoAbstract: number;
  /** Papers in the corpus. */
  totalKept: number;
  columns?: ColumnsReport[];
}

/** The corpus an import built, a name for it, and the report. */
export interface ImportResult {
  corpus: Corpus;
  /** The file's name, or "first.csv + N more" for several files. */
  name: string;
  report: ImportReport;
}

/** The formats an import can detect; tests may pass their own. */
export interface FormatSet {
  formats: readonly CorpusFormat[];
  detectFormat(head: string, fileName: string): { format: TextFormat; confidence: number } | null;
  detectBinaryFormat(head: Uint8Array, tail: Uint8Array, fileName: string): BinaryFormat | null;
}

/** Options of importFiles. */
export interface ImportOptions {
  signal?: AbortSignal;
  /** Progress in [0, 1] by bytes read (by files where sizes are unknown), with a detail line. */
  onProgress?: (fraction: number, detail: string) => void;
  /** Column mappings the user corrected, by file name; other tabular files infer theirs. */
  mappings?: Record<string, ColumnMapping>;
  formats?: FormatSet;
}

const DEFAULT_FORMATS: FormatSet = { formats: CORPUS_FORMATS, detectFormat, detectBinaryFormat };

/**
 * Imports files into one corpus: detects each file's encoding and format from its content,
 * streams its records through the format's parser, merges duplicates across all files, and
 * reports every problem with its file, record and field. Bad files and bad records never stop
 * the others; only cancellation (an AbortError) rejects. A result may hold 0 papers: callers
 * show importFailure(report) instead of a map then.
 */
export async function importFiles(
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const merger = new ImportMerger();
  const files: FileReport[] = [];
  const columns: ColumnsReport[] = [];
  const progress = progressReporter(inputs, options.onProgress);
  for (const [index, input] of inputs.entries()) {
    const report: FileReport = {
      name: input.name,
      format: null,
      label: 'not read',
      records: 0,
      kept: 0,
      issues: [],
      issueCount: 0,
    };
    files.push(report);
    progress.file(index, 0);
    try {
      await importOne(input, report, merger, {
        signal,
        mapping: options.mappings?.[input.name],
        formats: options.formats ?? DEFAULT_FORMATS,
        onColumns: (cols, mapping) => columns.push({ file: input.name, columns: cols, mapping }),
        onBytes: (bytes) => progress.file(index, bytes, report.kept),
      });
    } catch (error) {
      if (signal?.aborted || isAbort(error)) throw error;
      const why = error instanceof Error ? error.message : String(error);
      addIssue(report, { file: input.name, severity: 'error', message: `could not read: ${why}` });
    }
    progress.finished(index, report.kept);
    if (report.kept === 0 && report.issueCount === 0) {
      addIssue(report, {
        file: input.name,
        severity: 'error',
        message: `no papers found (read as ${report.label}): expected at least one record with a title`,
      });
    }
  }
  const merged = merger.finish();
  progress.done(merged.papers.length);
  const report: ImportReport = {
    files,
    duplicatesMerged: merged.duplicatesMerged,
    flaggedNoAbstract: merged.flaggedNoAbstract,
    totalKept: merged.papers.length,
  };
  if (columns.length) report.columns = columns;
  return {
    corpus: { papers: merged.papers, hash: hashPapers(merged.papers) },
    name: corpusName(inputs),
    report,
  };
}

interface FileContext {
  signal: AbortSignal | undefined;
  mapping: ColumnMapping | undefined;
  formats: FormatSet;
  onColumns: NonNullable<ParseContext['onColumns']>;
  onBytes(consumed: number): void;
}

async function importOne(
  input: ImportInput,
  report: FileReport,
  merger: ImportMerger,
  ctx: FileContext,
): Promise<void> {
  const { name } = input;
  const peeked = await peekStream(countBytes(input.stream(), ctx.onBytes), HEAD_BYTES);
  const reject = async (label: string, message: string): Promise<void> => {
    await peeked.close();
    report.label = label;
    addIssue(report, { file: name, severity: 'error', message });
  };
  const { head } = peeked;
  if (head.length === 0) return reject('empty', `the file is empty: expected ${expected(ctx)}`);

  const binary = await binaryFormatOf(input, peeked, ctx.formats);
  if (binary) {
    report.format = binary.format.id;
    report.label = binary.format.label;
    const context = parseContext(name, ctx);
    return consume(binary.format.parse(binary.source, context), report, merger, ctx.signal);
  }
  const kind = describeBinary(head);
  if (kind) return reject('binary', `this is ${kind}, not a corpus: expected ${expected(ctx)}`);

  const encoding = sniffEncoding(head);
  report.encoding = encoding;
  const text = decodeHead(head, encoding);
  if (!text.trim())
    return reject('empty', `the file holds only blank space: expected ${expected(ctx)}`);
  const detected = ctx.formats.detectFormat(text, name);
  if (!detected) {
    return reject('unknown format', `could not recognise the format: expected ${expected(ctx)}`);
  }
  report.format = detected.format.id;
  report.label = detected.format.label;
  const chunks = decodeChunks(peeked.stream, encoding);
  await consume(detected.format.parse(chunks, parseContext(name, ctx)), report, merger, ctx.signal);
}

/** A binary format that claims the file, with random access to its bytes; null for text. */
async function binaryFormatOf(
  input: ImportInput,
  peeked: PeekedStream,
  formats: FormatSet,
): Promise<{ format: BinaryFormat; source: ByteSource } | null> {
  const { head } = peeked;
  if (input.bytes) {
    const size = input.bytes.byteLength;
    const tail = new Uint8Array(await input.bytes.slice(Math.max(0, size - 8), size));
    const format = formats.detectBinaryFormat(head, tail, input.name);
    if (!format) return null;
    await peeked.close();
    return { format, source: input.bytes };
  }
  // A stream (a URL) has no random access: only binary content is worth holding in memory.
  if (describeBinary(head) !== 'a binary file') return null;
  const bytes = peeked.ended ? head : await readAllBytes(peeked.stream);
  const format = formats.detectBinaryFormat(head, bytes.subarray(-8), input.name);
  if (!format) return null;
  const source: ByteSource = {
    byteLength: bytes.length,
    slice: (start, end) => bytes.slice(start, end).buffer as ArrayBuffer,
  };
  return { format, source };
}

function parseContext(file: string, ctx: FileContext): ParseContext {
  const context: ParseContext = { file, onColumns: ctx.onColumns };
  if (ctx.signal) context.signal = ctx.signal;
  if (ctx.mapping) context.mapping = ctx.mapping;
  return context;
}

/** Feeds a parser's records into the merger and the file report. */
async function consume(
  records: AsyncIterable<RecordResult>,
  report: FileReport,
  merger: ImportMerger,
  signal: AbortSignal | undefined,
): Promise<void> {
  let lastYield = Date.now();
  for await (const result of records) {
    signal?.throwIfAborted();
    for (const issue of result.issues) addIssue(report, issue);
    const paper = result.paper;
    const hasError = result.issues.some((i) => i.severity === 'error');
    if (paper || hasError) report.records++;
    if (paper && typeof paper.title === 'string' && paper.title.trim()) {
      merger.add(paper, report.name);
      report.kept++;
    } else if (paper) {
      addIssue(report, {
        file: report.name,
        record: report.records,
        field: 'title',
        severity: 'error',
        message: 'missing title: expected non-empty text',
      });
    }
    // A parser working through a large chunk must still let a cancel message in.
    if (Date.now() - lastYield > 100) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
}

function addIssue(report: FileReport, issue: ImportIssue): void {
  report.issueCount++;
  if (report.issues.length < MAX_ISSUES_PER_FILE)
    report.issues.push({ ...issue, file: report.name });
}

function expected(ctx: FileContext): string {
  const labels = [...new Set(ctx.formats.formats.map((f) => f.label))];
  return `one of ${labels.join(', ')}`;
}

function corpusName(inputs: readonly ImportInput[]): string {
  if (inputs.length === 0) return 'no files';
  const first = inputs[0]!.name;
  return inputs.length === 1 ? first : `${first} + ${inputs.length - 1} more`;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
