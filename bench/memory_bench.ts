// Memory benchmark (issue 8): a corpus of --papers=200000 synthetic papers imported as JSON Lines
// and mapped end to end in the built app in Chromium, as a reader would (no bundle). Samples the
// RSS of Chromium's renderer processes (the page and its workers, wasm memory included) and of
// its GPU process every second, and the page's JS heap; writes the peaks.
// `npm run build && npx tsx bench/memory_bench.ts --papers=200000`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static_server';
import { BenchTable, benchArgs } from './bench_table';
import { syntheticAbstracts } from './synthetic_abstracts';

const args = benchArgs();
const n = Number(args.get('papers') ?? 200_000);
const minutes = Number(args.get('minutes') ?? 45);

/** Resident memory in MB of Chromium's processes of one --type (renderer, gpu-process). */
function rssOf(type: string): number {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  let kb = 0;
  for (const line of out.split('\n')) {
    if (!line.includes('chromium') || !line.includes(`--type=${type}`)) continue;
    kb += Number(line.trim().split(/\s+/, 1)[0]);
  }
  return kb / 1024;
}

const folder = mkdtempSync(join(tmpdir(), 'papermap-memory-'));
const abstracts = syntheticAbstracts(n, 40, 90, 3);
const lines = abstracts.map((abstract, i) =>
  JSON.stringify({ id: `p${i}`, title: `${abstract.split(' ', 8).join(' ')} ${i}`, abstract }),
);
writeFileSync(join(folder, 'papers.jsonl'), lines.join('\n') + '\n');
const site = await serveStatic('dist', '/papermap/', { '/big/': folder });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const peak = { renderer: 0, gpu: 0, heap: 0 };
const sample = setInterval(() => {
  peak.renderer = Math.max(peak.renderer, rssOf('renderer'));
  peak.gpu = Math.max(peak.gpu, rssOf('gpu-process'));
  void page
    .evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
    )
    .then((bytes) => (peak.heap = Math.max(peak.heap, (bytes ?? 0) / 2 ** 20)))
    .catch(() => {});
}, 1000);
const started = performance.now();
let lastStage = '';
page.on('console', (message) => {
  if (message.type() === 'error') console.log(`page error: ${message.text()}`);
});
await page.goto(`${site.url}?data=../big/papers.jsonl`);
const deadline = started + minutes * 60_000;
let done = false;
while (!done && performance.now() < deadline) {
  await page.waitForTimeout(5000);
  const stage =
    (
      await page
        .getByTestId('progress')
        .textContent()
        .catch(() => null)
    )?.trim() ?? '';
  const count = await page
    .getByTestId('paper-count')
    .textContent()
    .catch(() => null);
  const error = await page
    .getByTestId('error')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (error) throw new Error(`the page failed: ${error}`);
  if (stage && stage.slice(0, 60) !== lastStage) {
    lastStage = stage.slice(0, 60);
    const at = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`${at.padStart(5)} s  ${stage.replace(/\s+/g, ' ').slice(0, 110)}`);
  }
  done = !stage && !!count && new RegExp(`^${n.toLocaleString('en-US')}|^${n} `).test(count);
}
clearInterval(sample);
const seconds = (performance.now() - started) / 1000;
const backend =
  (await page
    .getByTestId('backend')
    .textContent()
    .catch(() => null)) ?? '?';
await browser.close();
await site.close();
if (!done) throw new Error(`the map of ${n} papers was not finished after ${minutes} minutes`);
const table = new BenchTable();
table.add({
  task: 'import + map in Chromium',
  backend: backend.split(' ')[0] ?? '?',
  device: backend,
  n,
  seconds,
  note:
    `peak RSS: renderer (page + workers) ${peak.renderer.toFixed(0)} MB, GPU process ` +
    `${peak.gpu.toFixed(0)} MB; peak page JS heap ${peak.heap.toFixed(0)} MB`,
});
table.write('memory');
process.exit(0);
