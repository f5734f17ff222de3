import { describe, expect, it } from 'vitest';
import type { RecordResult, TextFormat } from '../../../src/core/import/format';
import {
  importFiles,
  MAX_ISSUES_PER_FILE,
  type FormatSet,
} from '../../../src/core/import/import_corpus';
import { inputFromText } from '../../../src/core/import/import_input';

/** A stand-in format, one title per line ("!" lines are bad records), to test the pipeline alone. */
const lines: TextFormat = {
  kind: 'text',
  id: 'jsonl',
  label: 'Title lines',
  example: 'A title',
  sniff: (head) => (head.startsWith('#titles') ? 1 : 0),
  async *parse(chunks, context): AsyncGenerator<RecordResult> {
    let rest = '';
    let record = 0;
    const one = (line: string): RecordResult => {
      record++;
      if (line.startsWith('!')) {
        return {
          issues: [
            { file: context.file, record, field: 'title', message: 'bad', severity: 'error' },
          ],
        };
      }
      const paper = {
        title: line,
        abstract: '',
        authors: [],
        authorCount: null,
        org: null,
        date: null,
        upvotes: null,
        url: null,
      };
      return { paper, issues: [] };
    };
    for await (const chunk of chunks) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const line of parts) if (line && !line.startsWith('#')) yield one(line);
    }
    if (rest) yield one(rest);
  },
};

const formats: FormatSet = {
  formats: [lines],
  detectFormat: (head, name) =>
    lines.sniff(head, name) > 0 ? { format: lines, confidence: 1 } : null,
  detectBinaryFormat: () => null,
};

describe('the import pipeline with a stand-in format', () => {
  it('keeps the first issues of a file and counts all of them', async () => {
    const text =
      '#titles\n' + Array.from({ length: 500 }, (_, i) => (i % 2 ? `Title ${i}` : '!')).join('\n');
    const { report } = await importFiles([inputFromText('t.txt', text, 100)], { formats });
    const file = report.files[0]!;
    expect(file.kept).toBe(250);
    expect(file.records).toBe(500);
    expect(file.issueCount).toBe(250);
    expect(file.issues).toHaveLength(MAX_ISSUES_PER_FILE);
    expect(report.flaggedNoAbstract).toBe(250);
  });

  it('names the formats it expected when it recognises none', async () => {
    const { report } = await importFiles([inputFromText('x.txt', 'hello')], { formats });
    expect(report.files[0]!.issues[0]!.message).toBe(
      'could not recognise the format: expected one of Title lines',
    );
  });

  it('reports progress per file when sizes are unknown, ending at 1', async () => {
    const input = { ...inputFromText('u.txt', '#titles\nA\nB\n', 2), size: 0 };
    const fractions: number[] = [];
    const result = await importFiles([input, input], {
      formats,
      onProgress: (f) => fractions.push(f),
    });
    expect(result.corpus.papers).toHaveLength(2);
    expect(result.report.duplicatesMerged).toBe(2);
    expect(fractions).toContain(0.5);
    expect(fractions.at(-1)).toBe(1);
  });
});
