/**
 * Builds the default map bundle (`npm run corpus`, after build_corpus.ts): embeds and lays out
 * public/corpus/default.json in Node with the same pipeline as the app, and writes
 * public/corpus/default.papermap, so the hosted site opens interactive at once and identical for
 * everyone. "Recompute on my GPU" in the app redoes it in the browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeMap } from '../cli/make_map';
import { parseCorpusFile } from '../src/core/corpus_file';
import { encodeBundleFile, readBundleFile } from '../src/share/bundle/bundle_file';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_FILE = path.join(ROOT, 'public', 'corpus', 'default.json');
const OUT_FILE = path.join(ROOT, 'public', 'corpus', 'default.papermap');

async function main(): Promise<void> {
  const started = performance.now();
  const file = parseCorpusFile(JSON.parse(await readFile(CORPUS_FILE, 'utf8')), CORPUS_FILE);
  // wasm: the fastest backend on a build machine without a GPU; computeMap falls back if needed.
  const { bundle, backend } = await computeMap(
    { papers: file.papers, hash: file.hash },
    file.name,
    {
      embedder: { kind: 'lsa' },
      backend: 'wasm',
      seed: 42,
      vectors: true,
    },
  );
  const bytes = await encodeBundleFile(bundle);
  // Check what is written with the same reader the app uses.
  await readBundleFile(bytes, OUT_FILE);
  await writeFile(OUT_FILE, bytes);
  console.log(
    `default map: ${bundle.corpus.papers.length} papers, ${bundle.clusterCount} clusters, ` +
      `${bundle.topics.length} topics in ${bundle.topicLevels?.length ?? 0} levels, ` +
      `${(bytes.length / 1024).toFixed(0)} kB on ${backend.name} in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s → ${path.relative(ROOT, OUT_FILE)}`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`build_default_map: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
