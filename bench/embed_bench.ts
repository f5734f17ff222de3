// Embedding benchmark (issue 4): lsa papers per second at several corpus sizes on each Node
// backend. `npx tsx bench/embed_bench.ts --sizes=1000,10000 --backends=wasm,webgpu,cpu`.
import * as tf from '@tensorflow/tfjs-core';
import { installNodeWebGpu } from '../cli/node_webgpu';
import { chooseBackend, type BackendName } from '../src/gpu/backend';
import { createLsaEmbedder } from '../src/gpu/lsa_embedder';
import { BenchTable, benchArgs, timed } from './bench_table';
import { syntheticAbstracts } from './synthetic_abstracts';

const args = benchArgs();
const sizes = (args.get('sizes') ?? '1000,10000').split(',').map(Number);
const backends = (args.get('backends') ?? 'wasm,webgpu,cpu').split(',') as BackendName[];

await installNodeWebGpu();
const table = new BenchTable();
for (const backend of backends) {
  const report = await chooseBackend({ preferred: backend, exclude: ['webgl'] });
  if (report.name !== backend) {
    console.log(`${backend}: unavailable (${report.skipped.join('; ')})`);
    continue;
  }
  for (const n of sizes) {
    const texts = syntheticAbstracts(n);
    const before = tf.memory().numBytes;
    const [vectors, seconds] = await timed(() => createLsaEmbedder().embed(texts));
    table.add({
      task: `lsa embed (dim ${vectors.dim})`,
      backend,
      device: report.device,
      n,
      seconds,
      note: `tensor bytes after − before: ${tf.memory().numBytes - before}`,
    });
  }
}
table.write('embed');
process.exit(0);
