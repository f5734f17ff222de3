// Import benchmark (issue 3): rows per second for JSON Lines and CSV at 100k rows (default),
// through the same importFiles the import worker runs, from bytes in memory.
// `npx tsx bench/import_bench.ts --rows=100000`.
import { importFiles } from '../src/core/import/import_corpus';
import { inputFromBytes } from '../src/core/import/import_input';
import { BenchTable, benchArgs, timed } from './bench_table';
import { syntheticAbstracts } from './synthetic_abstracts';

const rows = Number(benchArgs().get('rows') ?? 100_000);
const abstracts = syntheticAbstracts(Math.min(rows, 5000), 30, 150, 3);
const title = (i: number) =>
  `Paper ${i}: on ${abstracts[i % abstracts.length]!.split(' ').slice(0, 6).join(' ')}`;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function jsonl(): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const abstract = abstracts[i % abstracts.length]!;
    lines.push(
      JSON.stringify({
        id: `p${i}`,
        title: title(i),
        abstract,
        authors: ['A. Author', 'B. Author'],
        date: '2025-03-01',
      }),
    );
  }
  return new TextEncoder().encode(lines.join('\n'));
}

function csv(): Uint8Array {
  const lines = ['id,title,abstract,authors,date'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `p${i}`,
        quote(title(i)),
        quote(abstracts[i % abstracts.length]!),
        quote('A. Author; B. Author'),
        '2025-03-01',
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const table = new BenchTable();
for (const [name, make] of [
  ['papers.jsonl', jsonl],
  ['papers.csv', csv],
] as const) {
  const bytes = make();
  const [result, seconds] = await timed(() => importFiles([inputFromBytes(name, bytes)]));
  const mb = (bytes.length / 2 ** 20).toFixed(0);
  table.add({
    task: `import ${name.split('.')[1]} (${mb} MB)`,
    backend: 'js',
    device: 'CPU',
    n: result.report.totalKept,
    seconds,
    note: `${(bytes.length / 2 ** 20 / seconds).toFixed(1)} MB/s`,
  });
}
table.write('import');
process.exit(0);
