// The `papermap` command: papers in any supported format → a shareable map bundle, a points CSV,
// or a static site, computed by the same code as the app (see USAGE in cli_args.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatReport, importFailure } from '../src/core/import/report_text';
import { encodeBundleFile } from '../src/share/bundle/bundle_file';
import { parseCliArgs, USAGE, UsageError, type MapCommand } from './cli_args';
import { computeMap, importInputs, InputError, openInputs } from './make_map';
import { pointsCsv } from './points_csv';
import { ProgressLine } from './progress_line';
import { copyBuiltApp } from './static_site';

/** Where the command writes: stdout for results, stderr for progress and problems. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Runs `papermap` with the arguments after the script name; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      say(`papermap: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      say(`papermap: ${error.message}`);
      return 1;
    }
    say(`papermap: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

async function run(args: MapCommand, io: CliIo): Promise<void> {
  const started = Date.now();
  const say = (text: string) => io.stderr.write(`${text}\n`);
  const inputs = await openInputs(args.inputs);
  const importing = new ProgressLine(io.stderr);
  const imported = await importInputs(inputs, (fraction, detail) =>
    importing.update('import', fraction, detail, 0),
  );
  importing.done();
  const { report, corpus } = imported;
  const failure = importFailure(report);
  const issues = report.files.some((f) => f.issueCount > 0);
  if (failure || issues) for (const line of formatReport(report, 10)) say(line);
  if (failure) throw new InputError(failure);

  const n = corpus.papers.length;
  const progress = new ProgressLine(io.stderr, n);
  const { bundle, backend } = await computeMap(corpus, imported.name, {
    embedder: { kind: args.embedder },
    backend: args.backend,
    seed: args.seed,
    vectors: args.vectors,
    onBackend: (b) => {
      say(`backend: ${b.name} (${b.device}): ${b.reason}`);
      for (const skipped of b.skipped) say(`  passed over ${skipped}`);
    },
    // "Embedding (tf-idf) on cpu" → stage "embed/tf-idf": each sub-stage counts from 0 to 100 %.
    onProgress: (p) => {
      const sub = /\(([^)]+)\)/.exec(p.detail)?.[1];
      progress.update(sub ? `${p.stage}/${sub}` : p.stage, p.fraction, sub ? '' : p.detail);
    },
  });
  progress.done();

  mkdirSync(args.outDir, { recursive: true });
  if (args.command === 'site') copyBuiltApp(args.outDir);
  const file = await encodeBundleFile(bundle);
  // A site opens its default map from corpus/default.papermap (src/app/map_files.ts).
  const bundlePath =
    args.command === 'site'
      ? join(args.outDir, 'corpus', 'default.papermap')
      : join(args.outDir, 'map.papermap');
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, file);
  const written = [`${bundlePath} (${megabytes(file.length)}, gzip)`];
  if (args.command === 'map') {
    const csvPath = join(args.outDir, 'points.csv');
    writeFileSync(csvPath, pointsCsv(bundle));
    written.push(csvPath);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    `papers: ${n} (${report.duplicatesMerged} duplicates merged)`,
    `backend: ${backend.name} (${backend.device}): ${backend.reason}`,
    `embedder: ${bundle.embedderId}${bundle.vectors ? ' (vectors included)' : ''}`,
    `layout: ${bundle.layout.id}`,
    `clusters: ${bundle.clusterCount}`,
    `wrote: ${written.join(', ')}`,
  ];
  if (args.command === 'site') {
    lines.push(`site: ${args.outDir} (serve it with any static file server)`);
  }
  lines.push(`time: ${seconds} s`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

// Run when executed (node --import tsx cli/papermap.ts, or bin/papermap.mjs), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2));
  // Dawn's instance can keep the event loop alive after the work is done.
  process.exit(code);
}
