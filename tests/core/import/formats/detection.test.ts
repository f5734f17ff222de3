import { describe, expect, it } from 'vitest';
import { detectBinaryFormat, detectFormat } from '../../../../src/core/import/formats/registry';
import { fixture } from './helpers';

const FIXTURES: [string, string][] = [
  ['arxiv_atom.xml', 'arxiv-atom'],
  ['arxiv_snapshot.jsonl', 'arxiv-jsonl'],
  ['hf_daily_papers.json', 'hf-daily-json'],
  ['hf_paper.json', 'hf-paper-json'],
  ['openalex_page.json', 'openalex'],
  ['semantic_scholar.json', 'semantic-scholar'],
  ['zotero.bib', 'bibtex'],
  ['zotero.ris', 'ris'],
  ['zotero_csl.json', 'csl-json'],
  ['papers.csv', 'csv'],
  ['papers.tsv', 'tsv'],
  ['papers.json', 'json'],
  ['papers.jsonl', 'jsonl'],
];

describe('detectFormat', () => {
  it.each(FIXTURES)('recognises %s as %s by its content', (file, id) => {
    expect(detectFormat(fixture(file), file)?.format.id).toBe(id);
    // The extension does not decide: the same content under a neutral or wrong name.
    expect(detectFormat(fixture(file), 'upload.dat')?.format.id).toBe(id);
    expect(detectFormat(fixture(file), 'export.bib')?.format.id).toBe(id);
  });

  it('reads a .txt that holds CSV as CSV, and a .json that holds JSON Lines as JSON Lines', () => {
    expect(detectFormat(fixture('papers.csv'), 'papers.txt')?.format.id).toBe('csv');
    expect(detectFormat(fixture('papers.jsonl'), 'papers.json')?.format.id).toBe('jsonl');
  });

  it('recognises a seed page', () => {
    const page =
      'new\n\nDaily Papers\n\nApr 27\n\nA Title\n\nAn abstract.\n\n  • 4 authors\n·\nOct 16, 2024\n';
    expect(detectFormat(page, 'page.txt')?.format.id).toBe('hf-daily-text');
  });

  it('claims nothing for prose or binary garbage, and strips a BOM', () => {
    expect(detectFormat('Just some words in a file.', 'notes.txt')).toBeNull();
    expect(detectFormat('\u0000\u0001\u0002\uFFFD\uFFFD', 'x.bin')).toBeNull();
    expect(detectFormat(`\uFEFF${fixture('zotero.ris')}`, 'x.ris')?.format.id).toBe('ris');
  });

  it('falls back to a generic format when nothing specific is sure', () => {
    const result = detectFormat('[{"name": "A paper", "text": "abc"}]', 'x');
    expect(result?.format.id).toBe('json');
    expect(result?.confidence).toBeGreaterThanOrEqual(0.3);
  });
});

describe('detectBinaryFormat', () => {
  const magic = new TextEncoder().encode('PAR1');
  it('recognises Parquet by the magic at both ends', () => {
    expect(detectBinaryFormat(magic, magic, 'x.bin')?.id).toBe('parquet');
    expect(detectBinaryFormat(new Uint8Array([1, 2, 3, 4]), magic, 'x.parquet')).toBeNull();
  });
});
