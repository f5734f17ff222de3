import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './static_server';

/** The served site and the browser of one e2e suite; filled in before its first test runs. */
export interface SiteAndBrowser {
  site: StaticSite;
  browser: Browser;
}

/**
 * Registers the enclosing suite's before/after hooks: serves a site (by default the built app,
 * `dist/`, at /papermap/) and launches Chromium, and closes both afterwards.
 */
export function useSiteAndBrowser(
  options: { serve?: () => Promise<StaticSite>; webgpu?: boolean } = {},
): SiteAndBrowser {
  const e2e = {} as SiteAndBrowser;
  before(async () => {
    e2e.site = await (options.serve ?? (() => serveStatic('dist')))();
    e2e.browser = await launchBrowser({ webgpu: options.webgpu });
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.site?.close();
  });
  return e2e;
}
