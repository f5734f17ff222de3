// Layout benchmark (issue 5): papermap's kNN + UMAP against umap-js on the same vectors, with
// trustworthiness and kNN preservation for each. `npx tsx bench/layout_bench.ts --sizes=1000,10000
// --backends=wasm,webgpu [--optimiser=gpu|cpu] [--reference=no]`; the GPU machine runs --sizes=1000,10000,50000,100000 --backends=webgpu.
import { installNodeWebGpu } from '../cli/node_webgpu';
import { umapReference } from '../src/core/layout/umap_reference';
import { layoutQuality } from '../src/core/metrics/layout_quality';
import { chooseBackend, type BackendName } from '../src/gpu/backend';
import { exactKnn } from '../src/gpu/exact_knn';
import { umapLayout } from '../src/gpu/umap/umap_layout';
import { BenchTable, benchArgs, timed } from './bench_table';
import { clusteredVectors } from '../tests/helpers/synthetic';

const args = benchArgs();
const sizes = (args.get('sizes') ?? '1000,10000').split(',').map(Number);
const backends = (args.get('backends') ?? 'wasm,webgpu').split(',') as BackendName[];
const withReference = args.get('reference') !== 'no';
// auto: the tensor optimiser on a hardware GPU, the CPU path otherwise (as the app chooses).
const optimiser = args.get('optimiser') as 'gpu' | 'cpu' | undefined;

await installNodeWebGpu();
const table = new BenchTable();
for (const backend of backends) {
  const report = await chooseBackend({ preferred: backend, exclude: ['webgl'] });
  if (report.name !== backend) {
    console.log(`${backend}: unavailable (${report.skipped.join('; ')})`);
    continue;
  }
  for (const n of sizes) {
    const { vectors } = clusteredVectors(n, 256, 40, 1.0, n);
    const [graph, knnS] = await timed(() => exactKnn(vectors, 15));
    table.add({ task: 'exact kNN k=15, d=256', backend, device: report.device, n, seconds: knnS });
    const [ours, oursS] = await timed(() => umapLayout(vectors, graph, {}, { optimiser }));
    const q = layoutQuality(vectors, graph, ours.xy);
    const note = (t: number, p: number) => `trust ${t.toFixed(4)} kNNp ${p.toFixed(4)}`;
    table.add({
      task: `papermap UMAP (${ours.id.match(/optimiser=(\w+)/)?.[1]})`,
      backend,
      device: report.device,
      n,
      seconds: oursS,
      note: note(q.trustworthiness, q.knnPreservation),
    });
    if (withReference) {
      const [ref, refS] = await timed(() => umapReference(vectors, graph));
      const r = layoutQuality(vectors, graph, ref.xy);
      table.add({
        task: 'umap-js (same kNN)',
        backend: 'js',
        device: 'CPU',
        n,
        seconds: refS,
        note: note(r.trustworthiness, r.knnPreservation),
      });
    }
  }
}
table.write('layout');
process.exit(0);
