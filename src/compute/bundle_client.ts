import type { MapBundle } from '../share/bundle/map_bundle';
import { bundleFromWire, type WireBundle } from '../share/bundle/wire_bundle';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import bundleWorkerUrl from '../../workers/bundle.worker.ts?worker&url';

/**
 * How far a bundle has arrived: the fraction of the file read ('read') or downloaded
 * ('download'), first reported when its bytes start to come.
 */
export type BundleProgress = (fraction: number, stage: string) => void;

/** The page's handle on the bundle worker: open and save `.papermap` files off the main thread. */
export class BundleClient {
  private readonly rpc = new RpcClient(
    startPolicyWorker(bundleWorkerUrl, 'papermap-bundle'),
    'bundle worker',
  );

  /** Reads and validates a bundle from a picked or dropped file, with the fraction read. */
  openFile(file: File, signal?: AbortSignal, onProgress?: BundleProgress): Promise<MapBundle> {
    return timed(this.rpc.call('open', { file, name: file.name }, { signal, onProgress }));
  }

  /**
   * Fetches, reads and validates the bundle at a URL, with the fraction downloaded (0 throughout
   * when the host sends no length).
   */
  openUrl(url: string, signal?: AbortSignal, onProgress?: BundleProgress): Promise<MapBundle> {
    const name = new URL(url).pathname.split('/').pop() || url;
    return timed(this.rpc.call('open', { url, name }, { signal, onProgress }));
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

/**
 * Marks the page's performance timeline when a bundle is asked for and when it has arrived on the
 * main thread ('papermap:bundle-open', 'papermap:bundle-opened'), so that a benchmark
 * (bench/bundle_bench.ts) or the browser's profiler can split the time to the first frame into
 * fetch and decode in the worker, and drawing.
 */
function timed(opened: Promise<WireBundle>): Promise<MapBundle> {
  performance.mark('papermap:bundle-open');
  return opened.then((wire) => {
    performance.mark('papermap:bundle-opened');
    return bundleFromWire(wire);
  });
}
