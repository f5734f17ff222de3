import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextFormat } from '../../../../src/core/import/format';
import { formatById } from '../../../../src/core/import/formats/registry';
import { fixture, parseText } from './helpers';

const DAILY_PAGE = [
  'Daily Papers',
  'byAK and the research community',
  'Apr 27',
  'AdaptVision: Efficient Vision-Language Models via Adaptive Visual Acquisition',
  'Vision-Language Models (VLMs) have achieved remarkable success in visual question answering tasks, but their reliance on large numbers of visual tokens introduces significant computational overhead. '.repeat(
    2,
  ),
  'tencent Tencent',
  '·',
  'Dec 3, 2025 2',
  'Agent Skill Acquisition for Large Language Models via CycleQD',
  'Training large language models to acquire specific skills remains a challenging endeavor. '.repeat(
    4,
  ),
  '  • 4 authors',
  '·',
  'Oct 16, 2024',
].join('\n\n');

/** Each format with a fixture and the pattern that starts one of its records. */
const CASES: { id: string; text: string; recordStart?: RegExp }[] = [
  { id: 'hf-daily-text', text: DAILY_PAGE },
  { id: 'hf-daily-json', text: fixture('hf_daily_papers.json'), recordStart: /^ {2}\{$/gm },
  { id: 'hf-paper-json', text: fixture('hf_paper.json') },
  { id: 'arxiv-atom', text: fixture('arxiv_atom.xml'), recordStart: /^ {2}<entry>/gm },
  { id: 'arxiv-jsonl', text: fixture('arxiv_snapshot.jsonl'), recordStart: /^\{/gm },
  { id: 'openalex', text: fixture('openalex_page.json') },
  { id: 'semantic-scholar', text: fixture('semantic_scholar.json') },
  { id: 'bibtex', text: fixture('zotero.bib'), recordStart: /^@(?:article|inproceedings|misc)/gm },
  { id: 'ris', text: fixture('zotero.ris'), recordStart: /^TY {2}- /gm },
  { id: 'csl-json', text: fixture('zotero_csl.json') },
  {
    id: 'csv',
    text: fixture('papers.csv'),
    recordStart: /^(?:"Attention|Deep Residual|"<script>)/gm,
  },
  { id: 'tsv', text: fixture('papers.tsv'), recordStart: /^(?:Mistral|SmolVLM)/gm },
  { id: 'json', text: fixture('papers.json'), recordStart: /^ {2}\{$/gm },
  { id: 'jsonl', text: fixture('papers.jsonl'), recordStart: /^\{/gm },
];

function textFormat(id: string): TextFormat {
  const format = formatById(id as TextFormat['id']);
  if (format?.kind !== 'text') throw new Error(`no text format ${id}`);
  return format;
}

const sizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 });
// Characters that mean something in at least one format.
const SPECIAL = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '\n',
  '\r',
  '\t',
  '<',
  '>',
  '&',
  '@',
  '\\',
  '#',
  '=',
  '-',
  ' ',
  'x',
];

describe.each(CASES)('$id parser properties', ({ id, text, recordStart }) => {
  const format = textFormat(id);

  it('gives identical records and issues however the text is chunked (1-char chunks too)', async () => {
    const whole = await parseText(format, text);
    expect(whole.papers.length).toBeGreaterThan(0);
    expect(await parseText(format, text, [1])).toEqual(whole);
    await fc.assert(
      fc.asyncProperty(sizes, async (s) => {
        expect(await parseText(format, text, s)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), sizes, async (junk, s) => {
        await parseText(format, junk, s);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on a fixture with random edits', async () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        let mutated = text;
        for (const [at, ch, insert] of edits) {
          const p = at % (mutated.length + 1);
          mutated = mutated.slice(0, p) + (insert ? ch : '') + mutated.slice(insert ? p : p + 1);
        }
        await parseText(format, mutated);
      }),
      { numRuns: 60 },
    );
  });

  if (recordStart) {
    it('keeps every record that an edit inside another record leaves intact', async () => {
      const starts = [...text.matchAll(recordStart)].map((m) => m.index);
      const whole = await parseText(format, text);
      expect(whole.papers).toHaveLength(starts.length);
      const blocks = starts.map((start, k) => [start, starts[k + 1] ?? text.length] as const);
      const edit = fc.tuple(
        fc.nat({ max: blocks.length - 1 }),
        fc.nat(),
        fc.constantFrom(...SPECIAL),
        fc.boolean(),
      );
      await fc.assert(
        fc.asyncProperty(edit, async ([k, offset, ch, insert]) => {
          const [start, end] = blocks[k]!;
          // Inside the record, after its first character, before the next record's start.
          const p = start + 1 + (offset % Math.max(1, end - start - 2));
          const mutated = text.slice(0, p) + (insert ? ch : '') + text.slice(insert ? p : p + 1);
          const { papers } = await parseText(format, mutated);
          const titles = new Set(papers.map((paper) => paper.title));
          whole.papers.forEach((paper, j) => {
            if (j !== k) expect(titles).toContain(paper.title);
          });
        }),
        { numRuns: 150 },
      );
    });
  }
});
