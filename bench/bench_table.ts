import { mkdirSync, writeFileSync } from 'node:fs';
import { benchEnvironment } from './environment';

/** One benchmark figure. */
export interface BenchRow {
  task: string;
  backend: string;
  device: string;
  n: number;
  seconds: number;
  /** Items per second, or another figure named in `note`. */
  perSecond: number;
  note?: string;
}

/** Collects rows, prints each as it comes, and writes them with the environment as JSON. */
export class BenchTable {
  readonly rows: BenchRow[] = [];

  add(row: Omit<BenchRow, 'perSecond'> & { perSecond?: number }): void {
    const full = {
      ...row,
      seconds: +row.seconds.toFixed(3),
      perSecond: row.perSecond ?? Math.round(row.n / row.seconds),
    };
    this.rows.push(full);
    console.log(
      `${full.task.padEnd(26)} ${full.backend.padEnd(7)} n=${String(full.n).padStart(7)} ${full.seconds.toFixed(2).padStart(9)} s ${String(full.perSecond).padStart(9)}/s  ${full.device}${full.note ? '  ' + full.note : ''}`,
    );
  }

  /** Writes bench/results/<date>-<name>.json and returns its path. */
  write(name: string): string {
    const environment = benchEnvironment();
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/${environment.date}-${name}-${process.env.BENCH_MACHINE ?? 'local'}.json`;
    writeFileSync(file, JSON.stringify({ environment, rows: this.rows }, null, 2));
    console.log(`${JSON.stringify(environment)}\nwritten ${file}`);
    return file;
  }
}

/** Wall time of an async call, in seconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
}

/** `--name=value` arguments. */
export function benchArgs(): Map<string, string> {
  return new Map(
    process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
  );
}
