import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
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

/** One file served as over a slow network: its first `sent` fraction, the rest after `until`. */
export interface HoldBack {
  path: string;
  sent: number;
  until: Promise<void>;
}

/** A running static server and the URL the site is served at. */
export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder under a sub-path (default /papermap/) on a free loopback port, as a plain
 * static host would: no rewrites, no special headers. This checks the site's relative base.
 * `extra` serves more folders under their own sub-paths (e.g. test fixtures under /fixtures/);
 * `holdBack` serves one file as a slow network would.
 */
export async function serveStatic(
  root: string,
  prefix = '/papermap/',
  extra: Record<string, string> = {},
  options: { holdBack?: HoldBack } = {},
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
    const hold = options.holdBack;
    if (hold && path === hold.path) {
      // A slow network: the file's start at once, the rest only when the test says so.
      const bytes = readFileSync(file);
      const cut = Math.floor(bytes.length * hold.sent);
      res.write(bytes.subarray(0, cut));
      void hold.until.then(() => res.end(bytes.subarray(cut)));
      return;
    }
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
