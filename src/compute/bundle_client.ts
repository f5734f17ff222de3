import type { MapBundle } from '../share/bundle/map_bundle';
import type { OpenedBundle, OpenedPart } from '../share/bundle/bundle_handlers';
import { bundleFromWire, fillAbstracts } from '../share/bundle/wire_bundle';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import bundleWorkerUrl from '../../workers/bundle.worker.ts?worker&url';

/**
 * How far a bundle has arrived: the fraction of the file read ('read') or downloaded
 * ('download'), first reported when its bytes start to come.
 */
export type BundleProgress = (fraction: number, stage: string) => void;

/** Gets a bundle's map before its papers' abstracts have come (BundleClient.openUrl). */
export type BundleMap = (map: MapBundle) => void;

/** The page's handle on the bundle worker: open and save `.papermap` files off the main thread. */
export class BundleClient {
  private readonly rpc = new RpcClient(
    startPolicyWorker(bundleWorkerUrl, 'papermap-bundle'),
    'bundle worker',
  );

  /** Reads and validates a bundle from a picked or dropped file, with the fraction read. */
  openFile(file: File, signal?: AbortSignal, onProgress?: BundleProgress, onMap?: BundleMap) {
    return this.open({ file, name: file.name }, signal, onProgress, onMap);
  }

  /**
   * Fetches, reads and validates the bundle at a URL, with the fraction downloaded (0 throughout
   * when the host sends no length).
   */
  openUrl(url: string, signal?: AbortSignal, onProgress?: BundleProgress, onMap?: BundleMap) {
    const name = new URL(url).pathname.split('/').pop() || url;
    return this.open({ url, name }, signal, onProgress, onMap);
  }

  /**
   * Opens a bundle in the worker. A bundle whose map comes before its abstracts (most do: see
   * unpackWireBundle) is given to `onMap` at once, its abstracts empty; as they come, in pieces,
   * they are put into its papers, and the same bundle resolves. A failure after `onMap` rejects as any other.
   * Marks the page's performance timeline when the bundle is asked for, when its map has arrived
   * and when its abstracts have ('papermap:bundle-open', 'papermap:bundle-opened',
   * 'papermap:bundle-abstracts'), so that a benchmark
   * (bench/bundle_bench.ts) or the browser's profiler can split the time to the first frame.
   */
  private async open(
    args: { file?: File; url?: string; name: string },
    signal?: AbortSignal,
    onProgress?: BundleProgress,
    onMap?: BundleMap,
  ): Promise<MapBundle> {
    performance.mark('papermap:bundle-open');
    let early: MapBundle | null = null;
    let parts = 0;
    let filled = 0;
    const onPartial = (part: OpenedPart) => {
      parts++;
      if ('map' in part) {
        performance.mark('papermap:bundle-opened');
        early = bundleFromWire(part.map);
        onMap?.(early);
      } else if (early) {
        filled += fillAbstracts(early, part.abstracts.first, part.abstracts.chunks);
      }
    };
    const answer = await this.rpc.call<OpenedBundle, OpenedPart>('open', args, {
      signal,
      onProgress,
      onPartial,
    });
    if ('bundle' in answer) {
      performance.mark('papermap:bundle-opened');
      return bundleFromWire(answer.bundle);
    }
    const map = early as MapBundle | null;
    if (!map || parts !== answer.parts || filled !== map.corpus.papers.length) {
      throw new Error(`${args.name}: the bundle worker sent ${parts} of ${answer.parts} parts`);
    }
    performance.mark('papermap:bundle-abstracts');
    return map;
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
