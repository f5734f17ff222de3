import type { MapBundle } from '../share/bundle/map_bundle';
import { RpcClient } from './rpc_client';

/** The page's handle on the bundle worker: open and save `.papermap` files off the main thread. */
export class BundleClient {
  private readonly rpc = new RpcClient(
    new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), {
      type: 'module',
      name: 'papermap-bundle',
    }),
    'bundle worker',
  );

  /** Reads and validates a bundle from a picked or dropped file. */
  openFile(file: File, signal?: AbortSignal): Promise<MapBundle> {
    return this.rpc.call('open', { file, name: file.name }, { signal });
  }

  /** Fetches, reads and validates the bundle at a URL. */
  openUrl(url: string, signal?: AbortSignal): Promise<MapBundle> {
    const name = new URL(url).pathname.split('/').pop() || url;
    return this.rpc.call('open', { url, name }, { signal });
  }

  /** Encodes a bundle as a gzipped `.papermap` file. */
  save(bundle: MapBundle): Promise<Uint8Array> {
    return this.rpc.call('save', { bundle });
  }

  /** Stops the worker; safe to call twice. */
  destroy(): void {
    this.rpc.destroy();
  }
}
