/**
 * Starts a module worker running the script at `scriptUrl` under the page's
 * Content-Security-Policy. A worker loaded from its own URL takes its policy from that script's
 * response headers, which a static host does not send, so its fetches would escape the page's
 * `connect-src`; a worker whose global scope is a blob: URL inherits the page's policy instead.
 * The blob holds one line that imports the real script (allowed by `script-src 'self'`).
 */
export function startPolicyWorker(scriptUrl: string, name: string): Worker {
  const absolute = new URL(scriptUrl, document.baseURI).href;
  const source = `import ${JSON.stringify(absolute)};\n`;
  // Kept for the page's life: the worker loads it asynchronously, and there are five of them.
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(blobUrl, { type: 'module', name });
}
