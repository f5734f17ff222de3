/**
 * Where the page may connect (CSP `connect-src`) besides its own site: the hosts the reader chose
 * in the address (`?data=`, `?map=`, `?model=` URLs) and Hugging Face, where the MiniLM embedder
 * downloads from when the reader picks it (its files redirect to CDN hosts under hf.co).
 */
export const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
];

/** The page's URL parameters that name something to fetch. */
const URL_PARAMS = ['data', 'map', 'model'];

/**
 * The `connect-src` sources for a page address: 'self', data: and blob: (files the reader picks),
 * the origins of the http(s) URLs its parameters name (resolved against the page, as the app
 * resolves them), and MODEL_HOSTS. A parameter that is not an http(s) URL adds nothing.
 */
export function connectSources(href: string): string[] {
  const page = new URL(href);
  const origins = new Set<string>();
  for (const name of URL_PARAMS) {
    const value = page.searchParams.get(name);
    if (!value) continue;
    try {
      const url = new URL(value, page);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // Not a URL: the app reports it when it tries to open it; nothing to allow.
    }
  }
  origins.delete(page.origin);
  return ["'self'", 'data:', 'blob:', ...origins, ...MODEL_HOSTS];
}

/** The policy text that limits connections to connectSources(href). */
export function connectPolicy(href: string): string {
  return `connect-src ${connectSources(href).join(' ')}`;
}
