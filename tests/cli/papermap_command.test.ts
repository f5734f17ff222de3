import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/papermap';
import { copyBuiltApp } from '../../cli/static_site';
import { CsvSplitter } from '../../src/core/import/formats/csv_records';
import { readBundleFile } from '../../src/share/bundle/bundle_file';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = readdirSync(join(ROOT, 'data/seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(ROOT, 'data/seeds', f));

/** Runs papermap in this process and collects what it wrote. */
async function papermap(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'papermap-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('papermap map', () => {
  let run: Awaited<ReturnType<typeof papermap>>;
  beforeAll(async () => {
    run = await papermap('map', ...SEEDS, '-o', join(dir, 'map'), '--backend', 'cpu', '--vectors');
  });

  it('maps the seed corpus and says how', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('papers: 236');
    expect(run.stdout).toMatch(/backend: cpu \(CPU\): Requested cpu\./);
    expect(run.stderr).toMatch(/embed\/[\w-]+: 100%/);
    expect(run.stderr).toMatch(/papers\/s/);
  });

  it('writes a bundle that reads back with 236 papers and their vectors', async () => {
    const bytes = readFileSync(join(dir, 'map/map.papermap'));
    const map = await readBundleFile(new Uint8Array(bytes), 'map.papermap');
    expect(map.corpus.papers).toHaveLength(236);
    expect(map.layout.xy).toHaveLength(472);
    expect(map.graph.k).toBe(15);
    expect(map.vectors?.n).toBe(236);
    expect(map.vectors!.dim).toBeGreaterThan(100);
    expect(map.embedderId).toMatch(/^lsa/);
  });

  it('writes points.csv with a header and one row per paper, which parses back', async () => {
    const text = readFileSync(join(dir, 'map/points.csv'), 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(237);
    const splitter = new CsvSplitter(',');
    const rows = [...splitter.push(text), ...splitter.end()].map((r) => r.fields);
    expect(rows[0]).toEqual(['id', 'title', 'x', 'y', 'topic', 'topic_label']);
    expect(rows).toHaveLength(237);
    const map = await readBundleFile(
      new Uint8Array(readFileSync(join(dir, 'map/map.papermap'))),
      'map.papermap',
    );
    rows.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(map.corpus.papers[i]!.id);
      expect(row[1]).toBe(map.corpus.papers[i]!.title);
      expect(Math.fround(Number(row[2]))).toBe(map.layout.xy[2 * i]);
      const topic = map.topicLevels![0]![i]!;
      expect(Number(row[4])).toBe(topic);
      expect(row[5]).toBe(map.topics.find((t) => t.level === 0 && t.cluster === topic)!.label);
    });
  });
});

describe('papermap input errors', () => {
  it('exits 1 naming a file it cannot import', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'this is not,a corpus\n\u0000\u0001\u0002');
    const run = await papermap('map', bad, '-o', join(dir, 'bad'), '--backend', 'cpu');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.csv');
    expect(run.stderr).toMatch(/No papers could be imported from bad\.csv/);
  });

  it('exits 1 naming a file that does not exist', async () => {
    const run = await papermap('map', join(dir, 'missing.jsonl'), '-o', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read .*missing\.jsonl: no such file/);
  });

  it('says to build the app first when dist/ is missing', () => {
    expect(() => copyBuiltApp(join(dir, 'site'), join(dir, 'no-dist'))).toThrow(
      /run npm run build first/,
    );
  });
});

describe('papermap usage', () => {
  it('prints usage and exits 0 on --help', async () => {
    const run = await papermap('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}papermap map <input\.\.\.> -o <dir>/);
  });

  it('exits 2 on unknown flags, commands and values, and on a missing -o', async () => {
    for (const argv of [
      ['map', 'a.csv', '-o', dir, '--colour'],
      ['draw', 'a.csv', '-o', dir],
      ['map', 'a.csv', '-o', dir, '--backend', 'webgl'],
      ['map', 'a.csv', '-o', dir, '--seed', 'x'],
      ['map', 'a.csv'],
      ['map', '-o', dir],
    ]) {
      const run = await papermap(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^papermap: .+\n\nUsage:/);
    }
  });

  it('runs from bin/papermap.mjs', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/papermap.mjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('papermap site <input...> -o <dir>');
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/papermap.mjs'), '--nope'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});
