import type { FormatId, ImportIssue } from './format';
import type { FileReport, ImportReport } from './import_corpus';

/** What a record is called in each format, for "row 17" or "entry 3". */
const RECORD_NOUN: Partial<Record<FormatId, string>> = {
  csv: 'row',
  tsv: 'row',
  parquet: 'row',
  jsonl: 'line',
  'arxiv-jsonl': 'line',
  bibtex: 'entry',
  ris: 'entry',
  'arxiv-atom': 'entry',
};

/**
 * One issue as a line for a person: `papers.csv, row 17, field "title": missing title (expected
 * non-empty text); row dropped`. The record noun follows the format (row, line, entry, record).
 */
export function formatIssue(issue: ImportIssue, format: FormatId | null = null): string {
  const noun = (format && RECORD_NOUN[format]) ?? 'record';
  const where: string[] = [issue.file];
  if (issue.record !== undefined) where.push(`${noun} ${issue.record}`);
  if (issue.line !== undefined && !(noun === 'line' && issue.line === issue.record)) {
    where.push(`line ${issue.line}`);
  }
  if (issue.byteOffset !== undefined) where.push(`byte ${issue.byteOffset}`);
  if (issue.field) where.push(`field "${issue.field}"`);
  // Parsers' messages often say the outcome already ("…; record skipped"): say it once.
  const said = /\b(skipped|dropped|kept|cut)\b/.test(issue.message);
  const inRecord = issue.record !== undefined && !said;
  const outcome = !inRecord ? '' : issue.severity === 'error' ? `; ${noun} dropped` : '; kept';
  return `${where.join(', ')}: ${issue.message}${outcome}`;
}

/** One line per file: "papers.csv (CSV, windows-1252): 120 records, 118 kept, 2 dropped". */
export function formatFileSummary(file: FileReport): string {
  const how = [file.label, file.encoding && file.encoding !== 'utf-8' ? file.encoding : null]
    .filter(Boolean)
    .join(', ');
  if (file.format === null) return `${file.name} (${how}): not imported`;
  const dropped = file.records - file.kept;
  const counts = [`${plural(file.records, 'record')}`, `${file.kept} kept`];
  if (dropped > 0) counts.push(`${dropped} dropped`);
  if (file.issueCount > 0) counts.push(plural(file.issueCount, 'issue'));
  return `${file.name} (${how}): ${counts.join(', ')}`;
}

/** The totals line: "236 papers · 3 duplicates merged · 5 without abstract (placed by title)". */
export function formatTotals(report: ImportReport): string {
  const parts = [plural(report.totalKept, 'paper')];
  parts.push(`${plural(report.duplicatesMerged, 'duplicate')} merged`);
  if (report.flaggedNoAbstract > 0) {
    parts.push(`${report.flaggedNoAbstract} without abstract (placed by title)`);
  }
  return parts.join(' · ');
}

/**
 * The whole report as lines: totals, one summary per file, then up to `maxIssues` issues per file
 * and how many more there are.
 */
export function formatReport(report: ImportReport, maxIssues = 20): string[] {
  const lines = [formatTotals(report)];
  for (const file of report.files) {
    lines.push(formatFileSummary(file));
    for (const issue of file.issues.slice(0, maxIssues)) {
      lines.push(`  ${formatIssue(issue, file.format)}`);
    }
    const more = file.issueCount - Math.min(maxIssues, file.issues.length);
    if (more > 0) lines.push(`  … and ${plural(more, 'more issue')}`);
  }
  return lines;
}

/**
 * Why an import gave no map, or null when it kept papers: "No papers could be imported from
 * a.csv: a.csv: could not recognise the format: …".
 */
export function importFailure(report: ImportReport): string | null {
  if (report.totalKept > 0) return null;
  if (report.files.length === 0) return 'No files were given to import.';
  const names = report.files.map((f) => f.name).join(', ');
  const first = report.files.flatMap((f) => f.issues.map((i) => formatIssue(i, f.format)))[0];
  return `No papers could be imported from ${names}${first ? `: ${first}` : '.'}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
