import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
};

/** A running static server and the URL the site is served at. */
export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder under a sub-path (default /papermap/) on a free loopback port, as a plain
 * static host would: no rewrites, no special headers. This checks the site's relative base.
 * `extra` serves more folders under their own sub-paths (e.g. test fixtures under /fixtures/).
 */
export async function serveStatic(
  root: string,
  prefix = '/papermap/',
  extra: Record<string, string> = {},
): Promise<StaticSite> {
  const roots = Object.entries({ [prefix]: root, ...extra }).map(
    ([p, r]) => [p, resolve(r)] as const,
  );
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const match = roots.find(([p]) => path.startsWith(p));
    if (!match) {
      res.writeHead(404).end('not found');
      return;
    }
    const [matched, base] = match;
    let file = normalize(join(base, path.slice(matched.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
