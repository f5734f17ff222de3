// Map-bundle benchmark (issue 7): the size of each section of a 100k-paper bundle (gzipped, as
// the file is), the time to write and read it in Node, and the time the built app (dist/) takes
// in Chromium to open it from `?map=` to an interactive map: first frame with points drawn, then
// a pan that moves the view. `npx tsx bench/bundle_bench.ts --papers=100000 --browser=yes`
// (the browser part needs `npm run build` first; --browser=no skips it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { encodeBundleFile, readBundleFile } from '../src/share/bundle/bundle_file';
import { compactVectors } from '../src/share/bundle/compact_vectors';
import type { MapBundle } from '../src/share/bundle/map_bundle';
import { writeBundle } from '../src/share/bundle/write_bundle';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static_server';
import { BenchTable, benchArgs, timed } from './bench_table';
import { syntheticBundle } from './synthetic_bundle';

const args = benchArgs();
const n = Number(args.get('papers') ?? 100_000);
const withBrowser = (args.get('browser') ?? 'yes') !== 'no';
const MB = 1e6;

/** Each section's stored bytes, from the container's own section table. */
function sectionsOf(container: Uint8Array): Map<string, Uint8Array> {
  const length = new DataView(container.buffer, container.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(container.subarray(16, 16 + length))) as {
    sections: { name: string; offset: number; length: number }[];
  };
  return new Map(
    header.sections.map((s) => [s.name, container.subarray(s.offset, s.offset + s.length)]),
  );
}

const table = new BenchTable();
const [map, makeSeconds] = await timed(async () => syntheticBundle(n));
console.log(`synthetic map of ${n} papers made in ${makeSeconds.toFixed(1)} s`);

const sizes: Record<string, number> = {};
for (const [label, bundle] of [
  ['with vectors', map],
  ['without vectors', { ...map, vectors: undefined } satisfies MapBundle],
] as const) {
  const [file, seconds] = await timed(() => encodeBundleFile(bundle));
  sizes[label] = file.length;
  table.add({
    task: `write bundle ${label}`,
    backend: 'js',
    device: 'CPU',
    n,
    seconds,
    note: `${(file.length / MB).toFixed(1)} MB`,
  });
  if (label === 'with vectors') {
    for (const [name, bytes] of sectionsOf(writeBundle(compactVectors(bundle)))) {
      const gz = gzipSync(bytes).length;
      console.log(
        `  section ${name.padEnd(18)} ${(bytes.length / MB).toFixed(2).padStart(7)} MB raw ${(gz / MB).toFixed(2).padStart(7)} MB gzipped`,
      );
    }
    // CPU time too: on a machine shared with other jobs it says what an idle one would take.
    const cpu = process.cpuUsage();
    const [, readSeconds] = await timed(() => readBundleFile(file, 'bench.papermap'));
    const { user, system } = process.cpuUsage(cpu);
    table.add({
      task: 'read bundle (Node)',
      backend: 'js',
      device: 'CPU',
      n,
      seconds: readSeconds,
      note: `${((user + system) / 1e6).toFixed(2)} s CPU (gunzip, checks, parse, validate)`,
    });
    if (withBrowser) await openInBrowser(file);
  }
}
table.write('bundle');
process.exit(0);

/** Opens the bundle in the built app and records the time to a drawn, then panned, map. */
async function openInBrowser(file: Uint8Array): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'papermap-bundle-bench-'));
  writeFileSync(join(folder, 'bench.papermap'), file);
  const site = await serveStatic('dist', '/papermap/', { '/maps/': folder });
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < 2; run++) {
      const page = await browser.newPage({ viewport: { width: 1300, height: 850 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.text().startsWith('[bundle]')) console.log(`  ${m.text()}`);
      });
      // Main-thread tasks over 50 ms (the page is frozen while one runs), from navigation start.
      await page.addInitScript(() => {
        const tasks: [number, number][] = [];
        (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${site.url}?map=../maps/bench.papermap`);
      const drawn = await timeWhenDrawn(page);
      const panned = await timeWhenPanned(page);
      const longTasks = await page.evaluate(
        () => (window as unknown as { __longTasks: [number, number][] }).__longTasks,
      );
      console.log(`  main-thread tasks > 50 ms (start, ms): ${JSON.stringify(longTasks)}`);
      const marks = await page.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('papermap:'))
          .map((m) => `${m.name} ${Math.round(m.startTime)} ms`),
      );
      console.log(`  ${marks.join(', ')}, points drawn ${Math.round(drawn)} ms`);
      if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
      const note = `run ${run + 1}, llvmpipe WebGL`;
      table.add({
        task: 'open bundle: points drawn',
        backend: 'webgl',
        device: 'Chromium',
        n,
        seconds: drawn / 1000,
        note,
      });
      table.add({
        task: 'open bundle: pan moved',
        backend: 'webgl',
        device: 'Chromium',
        n,
        seconds: panned / 1000,
        note,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface Hooks {
  screenPosition(i: number): [number, number] | null;
  view(): { target: [number, number]; zoom: number } | null;
}

/** Milliseconds from navigation start to a frame with the map's points and no progress line. */
async function timeWhenDrawn(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const hooks = (window as unknown as { __papermap?: Hooks }).__papermap;
      const ready =
        document.querySelector('[data-testid="paper-count"]') &&
        !document.querySelector('[data-testid="progress"]') &&
        hooks?.screenPosition(0);
      return ready ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 300_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation start to the frame where a drag has moved the view. */
async function timeWhenPanned(page: Page): Promise<number> {
  const view = () =>
    page.evaluate(() => (window as unknown as { __papermap: Hooks }).__papermap.view());
  const before = await view();
  const box = (await page.getByTestId('map').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 40, { steps: 4 });
  await page.mouse.up();
  const handle = await page.waitForFunction(
    (start) => {
      const now = (window as unknown as { __papermap: Hooks }).__papermap.view();
      const moved = now && start && now.target[0] !== start.target[0];
      return moved ? performance.now() : null;
    },
    before,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}
