import { describe, expect, it } from 'vitest';
import { arxivAtomFormat } from '../../../../src/core/import/formats/arxiv_atom';
import { arxivJsonlFormat } from '../../../../src/core/import/formats/arxiv_jsonl';
import { bibtexFormat } from '../../../../src/core/import/formats/bibtex';
import { cslJsonFormat } from '../../../../src/core/import/formats/csl_json';
import { hfDailyJsonFormat, hfPaperJsonFormat } from '../../../../src/core/import/formats/hf_json';
import { openAlexFormat } from '../../../../src/core/import/formats/openalex';
import { NO_ABSTRACT_FLAG } from '../../../../src/core/import/formats/record';
import { risFormat } from '../../../../src/core/import/formats/ris';
import { semanticScholarFormat } from '../../../../src/core/import/formats/semantic_scholar';
import { byTitle, fixture, parseText } from './helpers';

describe('arXiv Atom', () => {
  it('reads every entry with ids, dates, authors, categories and plain text', async () => {
    const { papers, errors } = await parseText(arxivAtomFormat, fixture('arxiv_atom.xml'));
    expect(errors).toEqual([]);
    expect(papers.map((p) => p.arxivId)).toEqual(['2504.07164', 'hep-th/9901001', '2310.06825']);
    const r2e = papers[0]!;
    expect(r2e.title).toBe(
      'R2E-Gym: Procedural Environments and Hybrid Verifiers for Scaling Open-Weights SWE Agents',
    );
    expect(r2e.abstract).toMatch(/^Improving open-source models on real-world SWE tasks \(solving/);
    expect(r2e.abstract).toContain('challenge & we introduce AgentGym <R2E>.');
    expect(r2e.authors).toEqual(['Naman Jain', 'Jaskirat Singh']);
    expect(r2e.date).toBe('2025-04-09');
    expect(r2e.url).toBe('https://arxiv.org/abs/2504.07164');
    expect(r2e.categories).toEqual(['cs.SE', 'cs.AI']);
    const gauge = papers[1]!;
    expect(gauge.title).toBe('Gauge Theories & <Branes> in Ten Dimensions');
    expect(gauge.abstract).toBe(
      'We study D-branes in type IIB string theory. α-corrections are computed.',
    );
    expect(gauge.authors).toEqual(['Jérôme Dupont']);
    expect(gauge.doi).toBe('10.1016/s0550-3213(99)00001-x');
    expect(gauge.date).toBe('1999-01-04');
  });

  it('reports an API error entry and a title-less entry, keeping the others', async () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom">
<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry>
<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>  </title><summary>x</summary></entry>
<entry><id>http://arxiv.org/abs/2401.00002v1</id><title>Kept</title><summary>Fine.</summary></entry>
</feed>`;
    const { papers, errors } = await parseText(arxivAtomFormat, text);
    expect(papers.map((p) => p.title)).toEqual(['Kept']);
    expect(errors.map((e) => [e.record, e.line, e.field])).toEqual([
      [1, 2, undefined],
      [2, 3, 'title'],
    ]);
    expect(errors[0]!.message).toContain('incorrect id format');
  });

  it('survives broken XML: unclosed tags, stray "<", a missing </entry>', async () => {
    const text = `<feed><entry><id>http://arxiv.org/abs/2401.00001</id><title>A < B: <i>Bold</title><summary>s</summary>
<entry><id>http://arxiv.org/abs/2401.00002</id><title>Second</title><summary>t</summary></entry>
<entry><title>Third</title></feed>`;
    const { papers } = await parseText(arxivAtomFormat, text);
    expect(papers.map((p) => p.title)).toEqual(['A < B: Bold', 'Second', 'Third']);
  });
});

describe('arXiv metadata snapshot (JSON Lines)', () => {
  it('reads names from authors_parsed, LaTeX accents, the first version date', async () => {
    const { papers } = await parseText(arxivJsonlFormat, fixture('arxiv_snapshot.jsonl'));
    expect(papers).toHaveLength(4);
    const first = papers[0]!;
    expect(first.title).toBe(
      'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
    );
    expect(first.authors).toEqual(['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan']);
    expect(first.date).toBe('2007-04-02');
    expect(first.doi).toBe('10.1103/physrevd.76.013009');
    expect(first.url).toBe('https://arxiv.org/abs/0704.0001');
    expect(papers[1]!.categories).toEqual(['math.CO', 'cs.CG']);
    // No authors_parsed: the string is split and its affiliations dropped.
    expect(papers[2]!.authors).toEqual(['J. Dupont', 'K. Müller']);
    expect(papers[2]!.date).toBe('1999-01-05');
    expect(papers[3]!.flags).toEqual([NO_ABSTRACT_FLAG]);
  });

  it('reports a malformed line by number and keeps the lines after it', async () => {
    const lines = fixture('arxiv_snapshot.jsonl').trim().split('\n');
    const text = [
      lines[0],
      '{"id": "0704.9999", "title": "broken',
      lines[1],
      '[1, 2]',
      lines[2],
    ].join('\n');
    const { papers, errors } = await parseText(arxivJsonlFormat, text);
    expect(papers).toHaveLength(3);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });
});

describe('Hugging Face JSON', () => {
  it('reads the daily papers list: paper fields, org, upvotes, HF url, hidden authors skipped', async () => {
    const { papers } = await parseText(hfDailyJsonFormat, fixture('hf_daily_papers.json'));
    expect(papers).toHaveLength(3);
    const r2e = papers[0]!;
    expect(r2e.authors).toEqual(['Naman Jain', 'Jaskirat Singh']);
    expect(r2e.org).toBe('UC Berkeley');
    expect(r2e.upvotes).toBe(27);
    expect(r2e.date).toBe('2025-04-09');
    expect(r2e.url).toBe('https://huggingface.co/papers/2504.07164');
    expect(r2e.arxivId).toBe('2504.07164');
    expect(papers[1]!.abstract).toBe(
      'Large Vision-Language Models (VLMs) deliver exceptional performance but require significant computational resources.',
    );
    expect(papers[2]!.flags).toEqual([NO_ABSTRACT_FLAG]);
  });

  it('reads a single /api/papers object', async () => {
    const { papers } = await parseText(hfPaperJsonFormat, fixture('hf_paper.json'));
    expect(papers).toHaveLength(1);
    expect(papers[0]!.upvotes).toBe(27);
    expect(papers[0]!.authors).toEqual(['Naman Jain']);
  });
});

describe('OpenAlex', () => {
  it('rebuilds inverted-index abstracts and reads the results of an API page', async () => {
    const { papers } = await parseText(openAlexFormat, fixture('openalex_page.json'));
    expect(papers).toHaveLength(2);
    const attention = byTitle(papers, 'Attention Is All You Need');
    expect(attention.abstract).toBe(
      'The dominant sequence transduction models are based on complex recurrent',
    );
    expect(attention.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(attention.org).toBe('Google (United States)');
    expect(attention.doi).toBe('10.48550/arxiv.1706.03762');
    expect(attention.arxivId).toBe('1706.03762');
    expect(attention.categories).toEqual(['Computer science', 'Artificial intelligence']);
    expect(attention.date).toBe('2017-06-12');
    const resnet = byTitle(papers, 'Deep Residual Learning for Image Recognition');
    expect(resnet.categories).toEqual(['Advanced Neural Network Applications']);
    expect(resnet.flags).toEqual([NO_ABSTRACT_FLAG]);
  });
});

describe('Semantic Scholar', () => {
  it('reads {data: [...]} with external ids, fields of study and year-only dates', async () => {
    const { papers } = await parseText(semanticScholarFormat, fixture('semantic_scholar.json'));
    expect(papers.map((p) => p.arxivId ?? p.doi)).toEqual(['1706.03762', '10.1109/cvpr.2016.90']);
    expect(papers[0]!.authors).toEqual(['Ashish Vaswani', 'Noam M. Shazeer']);
    expect(papers[0]!.categories).toEqual(['Computer Science']);
    expect(papers[1]!.date).toBeNull();
    expect(papers[1]!.fields?.year).toBe('2016');
  });
});

describe('BibTeX', () => {
  it('reads Zotero entries: accents, protected capitals, macros, concatenation, names', async () => {
    const { papers, errors } = await parseText(bibtexFormat, fixture('zotero.bib'));
    expect(errors).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual([
      'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      'Attention is All you Need: Transformers for Übersetzung',
      'Über die Größe von Modellen',
    ]);
    expect(papers[0]!.authors).toEqual([
      'C. Balázs',
      'E. L. Berger',
      'P. M. Nadolsky',
      'C.-P. Yuan',
    ]);
    expect(papers[0]!.date).toBeNull();
    expect(papers[0]!.fields).toMatchObject({
      year: '2007',
      month: '7',
      journal: 'Physical Review D',
    });
    expect(papers[0]!.categories).toEqual(['High Energy Physics - Phenomenology', 'QCD']);
    expect(papers[1]!.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Google Brain']);
    expect(papers[1]!.abstract).toBe(
      'The dominant sequence transduction models are based on complex recurrent networks.',
    );
    expect(papers[1]!.arxivId).toBe('1706.03762');
    expect(papers[1]!.fields?.booktitle).toBe('Advances in Neural Information Processing Systems');
    expect(papers[2]!.authors).toEqual(['Jörg Müller', 'José García']);
    expect(papers[2]!.date).toBe('2024-01-05');
  });

  it('loses only the entry whose braces do not balance', async () => {
    const text = `@article{a, title = {First {broken}, year = 2020,\n}\n@article{b, title = {Second}}\n@misc{c, author = {X}}\n`;
    const { papers, issues } = await parseText(bibtexFormat, text);
    expect(papers.map((p) => p.title)).toContain('Second');
    expect(issues.some((i) => i.line === 4 && i.field === 'title' && i.severity === 'error')).toBe(
      true,
    );
  });
});

describe('RIS', () => {
  it('reads CRLF records, wrapped abstracts and a last record without ER', async () => {
    const { papers } = await parseText(risFormat, fixture('zotero.ris'));
    expect(papers).toHaveLength(2);
    expect(papers[0]!.abstract).toBe(
      'Deeper neural networks are more difficult to train. We present a residual learning framework.',
    );
    expect(papers[0]!.authors).toEqual(['Kaiming He', 'Xiangyu Zhang']);
    expect(papers[0]!.date).toBe('2016-06-27');
    expect(papers[0]!.categories).toEqual(['Training', 'Neural networks']);
    expect(papers[1]!.title).toBe('Mistral 7B');
    expect(papers[1]!.arxivId).toBe('2310.06825');
    expect(papers[1]!.fields?.year).toBe('2023');
  });
});

describe('CSL JSON', () => {
  it('reads date-parts, literal authors and strips Zotero rich-text tags', async () => {
    const { papers } = await parseText(cslJsonFormat, fixture('zotero_csl.json'));
    expect(papers[0]!.title).toBe('Highly accurate protein structure prediction with AlphaFold');
    expect(papers[0]!.authors).toEqual(['John Jumper', 'Richard Evans', 'DeepMind Team']);
    expect(papers[0]!.date).toBe('2021-07-15');
    expect(papers[0]!.doi).toBe('10.1038/s41586-021-03819-2');
    expect(papers[1]!.arxivId).toBe('1706.03762');
    expect(papers[1]!.date).toBeNull();
  });
});
