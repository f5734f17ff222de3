import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

/** Machine, runtime and library versions recorded with every benchmark figure. */
export function benchEnvironment(): Record<string, string> {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string })
      .version;
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    tfjs: version('@tensorflow/tfjs-core'),
    'umap-js': version('umap-js'),
  };
}
