import type { BundleProgress } from '../compute/bundle_client';

/**
 * A bundle's download shows its percentage after this long (a quicker open shows none), then
 * updates it at most twice a second.
 */
const PROGRESS_DELAY_MS = 1500;
const PROGRESS_INTERVAL_MS = 500;

/**
 * The progress line of a bundle on its way: "Downloading the map (N %)" or "Reading the map
 * (N %)", given to `show` only after PROGRESS_DELAY_MS and at most every PROGRESS_INTERVAL_MS.
 * Every new line is a repaint, and in software rendering (llvmpipe) a repaint takes ~0.1 s of CPU
 * from the download itself: a line per 2 MB piece made a 55 MB map open 0.4 s later. `showing`
 * says whether a line is still wanted (none once the map is on screen).
 */
export function bundleProgressLine(
  show: (fraction: number, detail: string) => void,
  showing: () => boolean,
): BundleProgress {
  let next = performance.now() + PROGRESS_DELAY_MS;
  return (fraction, stage) => {
    const now = performance.now();
    if (now < next || !showing()) return;
    next = now + PROGRESS_INTERVAL_MS;
    const verb = stage === 'read' ? 'Reading' : 'Downloading';
    const percent = fraction > 0 ? ` (${Math.floor(fraction * 100)} %)` : '';
    show(fraction, `${verb} the map${percent}`);
  };
}
