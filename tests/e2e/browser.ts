import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where e2e screenshots go; look at them after a run. */
export const SCREENSHOTS = 'tests/e2e/__screenshots__';

/**
 * Launches headless Chromium with no background traffic. By default WebGL runs on Mesa's
 * llvmpipe (about 6× faster frames than SwiftShader) and there is no WebGPU; with `webgpu`
 * Chromium's SwiftShader WebGPU adapter is enabled instead (the two exclude each other here).
 */
export async function launchBrowser(options: { webgpu?: boolean } = {}): Promise<Browser> {
  const graphics = options.webgpu
    ? ['--enable-unsafe-webgpu']
    : ['--use-angle=gl-egl', '--ignore-gpu-blocklist'];
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...graphics,
    ],
  });
}

/** Saves a screenshot of the page as tests/e2e/__screenshots__/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** Collects the page's console errors and uncaught exceptions, for assertions and debugging. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  // Content-Security-Policy violations count as errors: the page must run under its policy.
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    ),
  );
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
