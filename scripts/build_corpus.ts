/**
 * Builds the default corpus (`npm run corpus`): reads the saved Hugging Face "Daily Papers" pages
 * in data/seeds/*.txt in file-name order, parses and merges them, and writes
 * public/corpus/default.json, which the app loads at start-up.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpusFile, toCorpusFile } from '../src/core/corpus_file';
import { buildSeedCorpus, type SeedPage } from '../src/core/seeds/load_seed_corpus';
import { parseDailyPapersPage } from '../src/core/seeds/parse_daily_papers_page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_DIR = path.join(ROOT, 'data', 'seeds');
const OUT_FILE = path.join(ROOT, 'public', 'corpus', 'default.json');
const CORPUS_NAME = 'Hugging Face Daily Papers (5 pages)';

async function readSeedPages(dir: string): Promise<SeedPage[]> {
  // Plain code-unit order, not locale order, so every machine builds the same corpus and hash.
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name: path.basename(name, '.txt'),
      text: await readFile(path.join(dir, name), 'utf8'),
    })),
  );
}

async function main(): Promise<void> {
  const pages = await readSeedPages(SEED_DIR);
  if (pages.length === 0) throw new Error(`No seed pages (*.txt) in ${SEED_DIR}.`);
  const perPage = pages.map((page) => parseDailyPapersPage(page.text, page.name).length);
  const empty = pages.filter((_, i) => perPage[i] === 0).map((page) => page.name);
  // A page that yields nothing means its format changed; shipping a silently smaller map is worse.
  if (empty.length > 0) throw new Error(`No papers found in seed page(s): ${empty.join(', ')}.`);

  const corpus = buildSeedCorpus(pages);
  const file = toCorpusFile(corpus, CORPUS_NAME);
  // Check what is written with the same reader the app uses.
  parseCorpusFile(JSON.parse(JSON.stringify(file)), OUT_FILE);
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  await writeFile(OUT_FILE, `${JSON.stringify(file)}\n`);

  const entries = perPage.reduce((a, b) => a + b, 0);
  const shared = corpus.papers.filter((p) => p.source.length > 1).length;
  console.log(
    `corpus: ${corpus.papers.length} papers from ${pages.length} pages ` +
      `(${perPage.join(' + ')} = ${entries} entries; ${entries - corpus.papers.length} ` +
      `duplicates merged, ${shared} papers on several pages), hash ${corpus.hash} → ` +
      path.relative(ROOT, OUT_FILE),
  );
}

main().catch((error: unknown) => {
  console.error(`build_corpus: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
