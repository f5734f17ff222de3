/**
 * Every corpus format and the detection that picks one for a file. Content decides: each format
 * sniffs the first ~64 KiB and says how sure it is; the highest score wins. The file extension
 * only breaks ties and nudges (+0.05), so a ".txt" holding CSV reads as CSV and a ".json" holding
 * JSON Lines as JSON Lines. When two specific formats tie, or nothing scores 0.3, the generic
 * format for the text's shape is used (JSON Lines, JSON, TSV, CSV) if it scores at all.
 */
import type { BinaryFormat, CorpusFormat, FormatId, TextFormat } from '../format';
import { arxivAtomFormat } from './arxiv_atom';
import { arxivJsonlFormat } from './arxiv_jsonl';
import { bibtexFormat } from './bibtex';
import { cslJsonFormat } from './csl_json';
import { csvFormat, tsvFormat } from './csv';
import { hfDailyTextFormat } from './hf_daily_text';
import { hfDailyJsonFormat, hfPaperJsonFormat } from './hf_json';
import { jsonFormat, jsonlFormat } from './json_table';
import { openAlexFormat } from './openalex';
import { parquetFormat } from './parquet';
import { risFormat } from './ris';
import { semanticScholarFormat } from './semantic_scholar';

/** The text formats, specific ones first. */
export const TEXT_FORMATS: readonly TextFormat[] = [
  hfDailyTextFormat,
  hfDailyJsonFormat,
  hfPaperJsonFormat,
  arxivAtomFormat,
  arxivJsonlFormat,
  openAlexFormat,
  semanticScholarFormat,
  bibtexFormat,
  risFormat,
  cslJsonFormat,
  csvFormat,
  tsvFormat,
  jsonFormat,
  jsonlFormat,
];

/** The binary formats. */
export const BINARY_FORMATS: readonly BinaryFormat[] = [parquetFormat];

/** Every corpus format papermap reads. */
export const CORPUS_FORMATS: readonly CorpusFormat[] = [...TEXT_FORMATS, ...BINARY_FORMATS];

const GENERIC: ReadonlySet<FormatId> = new Set(['csv', 'tsv', 'json', 'jsonl']);
const MIN_CONFIDENCE = 0.3;
const EXTENSION_BONUS = 0.05;

// Extensions that hint at a format (never enough alone: the bonus is added to a content score).
const EXTENSIONS: Readonly<Record<string, readonly FormatId[]>> = {
  txt: ['hf-daily-text'],
  xml: ['arxiv-atom'],
  atom: ['arxiv-atom'],
  bib: ['bibtex'],
  bibtex: ['bibtex'],
  ris: ['ris'],
  csv: ['csv'],
  tsv: ['tsv'],
  tab: ['tsv'],
  json: ['json', 'hf-daily-json', 'hf-paper-json', 'openalex', 'semantic-scholar', 'csl-json'],
  jsonl: ['jsonl', 'arxiv-jsonl', 'openalex', 'semantic-scholar'],
  ndjson: ['jsonl', 'arxiv-jsonl', 'openalex', 'semantic-scholar'],
  parquet: ['parquet'],
};

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** A format by id. */
export function formatById(id: FormatId): CorpusFormat | undefined {
  return CORPUS_FORMATS.find((f) => f.id === id);
}

/**
 * The text format of a file from its first ~64 KiB of decoded text, with a confidence in [0, 1];
 * null when nothing fits (see the file comment for the rules).
 */
export function detectFormat(
  head: string,
  fileName: string,
): { format: TextFormat; confidence: number } | null {
  const text = head.replace(/^\uFEFF/, '');
  const hinted = EXTENSIONS[extensionOf(fileName)] ?? [];
  const scored = TEXT_FORMATS.map((format) => {
    let raw = 0;
    try {
      raw = format.sniff(text, fileName);
    } catch {
      // A sniffer that trips on odd input simply does not claim the file.
    }
    const base = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    const score =
      base > 0 && hinted.includes(format.id) ? Math.min(1, base + EXTENSION_BONUS) : base;
    return { format, base, score: Math.round(score * 1000) / 1000 };
  }).filter((s) => s.base > 0);
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  const second = scored[1];
  const tie =
    second !== undefined &&
    second.score === best.score &&
    !GENERIC.has(best.format.id) &&
    !GENERIC.has(second.format.id);
  if (best.score >= MIN_CONFIDENCE && !tie) return { format: best.format, confidence: best.score };
  const generic = scored.find((s) => GENERIC.has(s.format.id));
  if (generic) return { format: generic.format, confidence: generic.score };
  return best.score >= MIN_CONFIDENCE ? { format: best.format, confidence: best.score } : null;
}

/** The binary format of a file from its first and last bytes, or null when none claims it (score < 0.5). */
export function detectBinaryFormat(
  head: Uint8Array,
  tail: Uint8Array,
  fileName: string,
): BinaryFormat | null {
  let best: BinaryFormat | null = null;
  let bestScore = 0.5;
  for (const format of BINARY_FORMATS) {
    const score = format.sniffBytes(head, tail, fileName);
    if (score >= bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}
