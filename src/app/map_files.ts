import type { BundleClient } from '../compute/bundle_client';
import type { BuiltMap } from './build_map';
import { bundleFromBuilt } from './map_bundles';

/** Where the build step puts the default corpus's map bundle, relative to the page. */
export const DEFAULT_BUNDLE_URL = 'corpus/default.papermap';

/** Whether a picked or dropped file is a map bundle rather than a corpus to import. */
export function isBundleFile(file: File): boolean {
  return /\.papermap$/i.test(file.name);
}

/** Saves the current map, with int8 vectors, as `<name>.papermap` through a download link. */
export async function downloadBundle(
  built: BuiltMap,
  name: string,
  bundles: BundleClient,
): Promise<void> {
  await built.abstracts;
  const bytes = await bundles.save(bundleFromBuilt(built, name, { vectors: true }));
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\w.-]+/g, '_').replace(/\.papermap$/i, '') || 'map'}.papermap`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
