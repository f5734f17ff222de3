import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDailyPapersPage,
  parseSeedDateLine,
  type SeedEntry,
} from '../../../src/core/seeds/parse_daily_papers_page';

const SEED_DIR = fileURLToPath(new URL('../../../data/seeds', import.meta.url));
const pages = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({
    name: path.basename(name, '.txt'),
    text: readFileSync(path.join(SEED_DIR, name), 'utf8'),
  }));
const parsed = new Map(pages.map((p) => [p.name, parseDailyPapersPage(p.text, p.name)]));

function entriesOf(name: string): SeedEntry[] {
  const entries = parsed.get(name);
  if (!entries) throw new Error(`no seed page ${name}`);
  return entries;
}

function entry(page: string, titleStart: string): SeedEntry {
  const found = entriesOf(page).filter((e) => e.title.startsWith(titleStart));
  expect(found).toHaveLength(1);
  return found[0]!;
}

const HEADER_LINES = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
];

describe('parseDailyPapersPage on the seed pages', () => {
  it('finds every entry of each page', () => {
    const counts = Object.fromEntries([...parsed].map(([name, e]) => [name.slice(0, 3), e.length]));
    expect(counts).toEqual({ '000': 54, '001': 71, '002': 66, '003': 37, '004': 46 });
  });

  it('takes neither header lines nor page dates for titles, and gives every entry an abstract', () => {
    for (const [name, entries] of parsed) {
      for (const e of entries) {
        expect(HEADER_LINES).not.toContain(e.title);
        expect(parseSeedDateLine(e.title)).toBeNull();
        expect(e.title.length).toBeLessThan(200);
        expect(e.abstract.length).toBeGreaterThan(1000);
        expect(e.source).toBe(name);
      }
    }
  });

  it('starts each page at its first paper, after the header and the page date', () => {
    const firsts = [...parsed.values()].map((entries) => entries[0]?.title);
    expect(firsts).toEqual([
      'AdaptVision: Efficient Vision-Language Models via Adaptive Visual Acquisition',
      'R2E-Gym: Procedural Environments and Hybrid Verifiers for Scaling Open-Weights SWE Agents',
      'Stitched ViTs are Flexible Vision Backbones',
      'ShinkaEvolve: Towards Open-Ended And Sample-Efficient Program Evolution',
      'Grounded Language Acquisition From Object and Action Imagery',
    ]);
  });

  it('reads an organisation line, its date and its upvotes', () => {
    expect(entry('000_63584e6c9a8da8b5', 'AdaptVision')).toMatchObject({
      org: 'Tencent',
      authorCount: null,
      date: '2025-12-03',
      upvotes: 2,
      source: '000_63584e6c9a8da8b5',
    });
    expect(entry('001_f1814a412565b5ab', 'Densing Law of LLMs')).toMatchObject({
      org: 'OpenBMB',
      date: '2024-12-05',
      upvotes: 2,
    });
    expect(entry('000_63584e6c9a8da8b5', 'Skill-Targeted').org).toBe('Princeton University');
  });

  it('reads an author count, and a date with no upvotes as upvotes null', () => {
    const e = entry('004_968cce7aabad0200', 'Grounded Language Acquisition');
    expect(e).toMatchObject({ org: null, authorCount: 4, date: '2023-09-12', upvotes: null });
    expect(e.abstract).toMatch(/^Deep learning approaches to natural language processing/);
  });

  it('gives a date without a year as null but keeps the upvotes after it', () => {
    expect(entry('001_f1814a412565b5ab', 'M1: Towards Scalable')).toMatchObject({
      authorCount: 6,
      date: null,
      upvotes: 2,
    });
    expect(entry('000_63584e6c9a8da8b5', 'Multivector Reranking')).toMatchObject({
      date: null,
      upvotes: null,
    });
  });

  it('reads the page that has no metadata at all', () => {
    const entries = entriesOf('002_10d6ad8e9d043066');
    for (const e of entries) {
      expect(e).toMatchObject({ org: null, authorCount: null, date: null, upvotes: null });
    }
    expect(entry('002_10d6ad8e9d043066', 'Sharper Bounds').abstract).toMatch(/^In large scale/);
    expect(entries.at(-1)?.title).toBe(
      'INQUIRE: A Natural World Text-to-Image Retrieval Benchmark',
    );
  });

  it('reads an entry with no metadata among entries that have some', () => {
    expect(entry('000_63584e6c9a8da8b5', 'Redefining Retrieval Evaluation')).toMatchObject({
      org: null,
      authorCount: null,
      date: null,
      upvotes: null,
    });
    // The next entry keeps its own metadata rather than being taken for an organisation.
    expect(entry('000_63584e6c9a8da8b5', 'Injecting Domain Adaptation')).toMatchObject({
      org: null,
      authorCount: 3,
      date: '2022-05-23',
    });
  });

  it('reads the last entry of a file that ends without a newline', () => {
    expect(entriesOf('001_f1814a412565b5ab').at(-1)).toMatchObject({
      title: 'Knowledge Composition using Task Vectors with Learned Anisotropic Scaling',
      authorCount: 5,
      date: '2024-07-03',
      upvotes: 3,
    });
  });
});

describe('parseDailyPapersPage on hand-written pages', () => {
  it('accepts CRLF line endings, non-breaking spaces and "1 author"', () => {
    const text =
      'Daily Papers\r\nMar 2\r\nA Title\r\nAn abstract.\r\n\u00a0\u2022\u00a01 author\r\n';
    const more =
      'Feb 29, 2024 15\r\nAnother  Title\r\nAn abstract.\r\nacme Acme Labs\r\n·\r\nSept 5 7';
    const fields = (e: SeedEntry) => [e.title, e.abstract, e.org, e.authorCount, e.date, e.upvotes];
    expect(parseDailyPapersPage(text + more, 'p').map(fields)).toEqual([
      ['A Title', 'An abstract.', null, 1, '2024-02-29', 15],
      ['Another Title', 'An abstract.', 'Acme Labs', null, null, 7],
    ]);
  });

  it('returns nothing for an empty page or one with only a header', () => {
    expect(parseDailyPapersPage('', 'p')).toEqual([]);
    expect(parseDailyPapersPage(HEADER_LINES.join('\n\n') + '\n\nApr 27\n', 'p')).toEqual([]);
  });

  it('skips unknown short header lines before the page date', () => {
    const text = 'new\n\nTrending Papers\n\nApr 27\n\nT\n\nAbstract.\n\n  • 2 authors\nJan 8';
    expect(parseDailyPapersPage(text, 'p').map((e) => e.title)).toEqual(['T']);
  });

  it('stays aligned when a title or an abstract is missing', () => {
    const abstract = (n: number) => `Abstract ${n} ${'words '.repeat(60)}`.trim();
    const meta = '  • 2 authors\n·\nJan 8, 2024';
    const text = [
      `T1\n${abstract(1)}\n${meta}`,
      // Entry 2 lost its title: its abstract and metadata belong to no entry.
      `${abstract(2)}\n${meta}`,
      // Entry 3 lost its abstract and metadata: a lone title is dropped.
      'T3',
      `T4\n${abstract(4)}`,
      `T5\nacme Acme\n·\nMar 1, 2023 4`,
    ].join('\n\n');
    const entries = parseDailyPapersPage(text, 'p');
    expect(entries.map((e) => [e.title, e.abstract.slice(0, 10), e.date, e.org])).toEqual([
      ['T1', 'Abstract 1', '2024-01-08', null],
      ['T4', 'Abstract 4', null, null],
      ['T5', '', '2023-03-01', 'Acme'],
    ]);
  });

  it('drops a trailing line that has neither an abstract nor metadata', () => {
    const entries = parseDailyPapersPage('T\n\nAbstract.\n\n  • 2 authors\nJan 8\n\nFooter', 'p');
    expect(entries.map((e) => e.title)).toEqual(['T']);
  });
});

describe('parseSeedDateLine', () => {
  it('reads day, month, year and upvotes', () => {
    expect(parseSeedDateLine('Dec 3, 2025 2')).toEqual({ iso: '2025-12-03', upvotes: 2 });
    expect(parseSeedDateLine('Oct 16, 2024')).toEqual({ iso: '2024-10-16', upvotes: null });
    expect(parseSeedDateLine('Apr 14 2')).toEqual({ iso: null, upvotes: 2 });
    expect(parseSeedDateLine('Jan 8')).toEqual({ iso: null, upvotes: null });
    expect(parseSeedDateLine('September 1, 2020')).toEqual({ iso: '2020-09-01', upvotes: null });
  });

  it('gives a day that does not exist as null, and rejects lines that are not dates', () => {
    expect(parseSeedDateLine('Feb 29, 2023')).toEqual({ iso: null, upvotes: null });
    expect(parseSeedDateLine('May 40')).toBeNull();
    expect(parseSeedDateLine('Mayhem 3')).toBeNull();
    expect(parseSeedDateLine('Densing Law of LLMs')).toBeNull();
  });
});

/** Invariants of any parse, whatever the input. */
function expectWellFormed(entries: SeedEntry[], source: string): void {
  for (const e of entries) {
    expect(e.title).not.toBe('');
    expect(e.title.length).toBeLessThanOrEqual(300);
    expect(e.source).toBe(source);
    if (e.date !== null) expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (e.upvotes !== null) expect(Number.isInteger(e.upvotes) && e.upvotes >= 0).toBe(true);
    if (e.authorCount !== null) expect(Number.isInteger(e.authorCount)).toBe(true);
  }
}

describe('parseDailyPapersPage properties', () => {
  const trickyLine = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...HEADER_LINES, '', '·', '  • 6 authors', 'Jan 8', 'Dec 3, 2025 2', 'x y'),
    fc.string({ minLength: 301, maxLength: 400 }),
  );

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expectWellFormed(parseDailyPapersPage(text, 's'), 's');
      }),
    );
    fc.assert(
      fc.property(fc.array(trickyLine, { maxLength: 60 }), (lines) => {
        expectWellFormed(parseDailyPapersPage(lines.join('\n'), 's'), 's');
      }),
    );
  });

  it('never throws on real pages with lines dropped or shuffled, and takes text only from them', () => {
    const mutatedPage = fc.constantFrom(...pages).chain((page) => {
      const lines = page.text.split('\n');
      return fc.record({
        page: fc.constant(page),
        known: fc.constant(new Set(lines.map((l) => l.trim().replace(/\s+/g, ' ')))),
        lines: fc.oneof(fc.subarray(lines), fc.shuffledSubarray(lines)),
      });
    });
    fc.assert(
      fc.property(mutatedPage, ({ page, known, lines }) => {
        const entries = parseDailyPapersPage(lines.join('\n'), page.name);
        expectWellFormed(entries, page.name);
        for (const e of entries) {
          expect(known.has(e.title)).toBe(true);
          expect(e.abstract === '' || known.has(e.abstract)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on real pages with arbitrary lines inserted', () => {
    const withNoise = fc
      .constantFrom(...pages)
      .chain((page) =>
        fc.tuple(fc.constant(page), fc.array(fc.tuple(fc.nat(), trickyLine), { maxLength: 20 })),
      );
    fc.assert(
      fc.property(withNoise, ([page, inserts]) => {
        const lines = page.text.split('\n');
        for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
        expectWellFormed(parseDailyPapersPage(lines.join('\n'), page.name), page.name);
      }),
      { numRuns: 100 },
    );
  });
});
