import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hfDailyTextFormat } from '../../../../src/core/import/formats/hf_daily_text';
import { detectFormat } from '../../../../src/core/import/formats/registry';
import { parseDailyPapersPage } from '../../../../src/core/seeds/parse_daily_papers_page';
import { parseText } from './helpers';

const SEED_DIR = fileURLToPath(new URL('../../../../data/seeds', import.meta.url));
const name = readdirSync(SEED_DIR).filter((n) => n.endsWith('.txt'))[0] ?? '';
const page = readFileSync(`${SEED_DIR}/${name}`, 'utf8');

describe('hf-daily-text', () => {
  it('yields the same entries as the seed parser, as drafts', async () => {
    expect(detectFormat(page, name)?.format.id).toBe('hf-daily-text');
    const entries = parseDailyPapersPage(page, name.replace(/\.txt$/, ''));
    const { papers, errors } = await parseText(hfDailyTextFormat, page, [4096], { file: name });
    expect(errors).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual(entries.map((e) => e.title));
    expect(papers.map((p) => [p.org, p.date, p.upvotes, p.authorCount])).toEqual(
      entries.map((e) => [e.org, e.date, e.upvotes, e.authorCount]),
    );
  });
});
